/**
 * The line of each line_id amortised, to refuse a line_id given twice
 * (both lines named). A portfolio's identifiers are mostly numbers
 * ("5000001"): those are held as doubles in an open-addressing table, 12
 * bytes a slot, instead of a string and a Map entry each, which came to
 * about a hundred bytes an identifier and made the main thread grow by tens
 * of megabytes over a million lines (docs/performance.md). Any other
 * identifier (letters, a leading zero, more than 15 digits) goes to a Map.
 */
export class LineIds {
  private keys = new Float64Array(1 << 12).fill(EMPTY);
  private lines = new Uint32Array(1 << 12);
  private count = 0;
  private readonly others = new Map<string, number>();

  get(id: string): number | undefined {
    const key = numericKey(id);
    if (key < 0) return this.others.get(id);
    const slot = this.find(key);
    return this.keys[slot] === key ? this.lines[slot] : undefined;
  }

  set(id: string, line: number): void {
    const key = numericKey(id);
    if (key < 0 || line > 0xffffffff) {
      this.others.set(id, line);
      return;
    }
    let slot = this.find(key);
    if (this.keys[slot] !== key) {
      if (2 * (this.count + 1) > this.keys.length) {
        this.grow();
        slot = this.find(key);
      }
      this.keys[slot] = key;
      this.count++;
    }
    this.lines[slot] = line;
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing). */
  private find(key: number): number {
    const mask = this.keys.length - 1;
    let slot = hash(key) & mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key || k === EMPTY) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, lines } = this;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.lines = new Uint32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const slot = this.find(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.lines[slot] = lines[i]!;
    }
  }
}

const EMPTY = -1;

/** The identifier as a number when it is one written in its one way (digits, no leading zero, at most 15), else −1. */
function numericKey(id: string): number {
  const n = id.length;
  if (n === 0 || n > 15) return -1;
  const first = id.charCodeAt(0);
  if (first < 49 || first > 57) return n === 1 && first === 48 ? 0 : -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function hash(key: number): number {
  const low = key % 4294967296;
  const high = (key - low) / 4294967296;
  return Math.imul((low ^ Math.imul(high, 0x85ebca6b)) >>> 0, 0x9e3779b1) >>> 0;
}
