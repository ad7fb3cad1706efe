/**
 * The line of each line_id amortised, to refuse a line_id given twice
 * (both lines named). A portfolio's identifiers are mostly numbers
 * ("5000001"), and an export lists them in order: numbers that follow each
 * other on lines that follow each other are held as runs (first number,
 * last number, first line: 24 bytes for a whole run), any other number as a
 * double in an open-addressing table, 12 bytes a slot, and any other
 * identifier (letters, a leading zero, more than 15 digits) in a Map. A
 * string and a Map entry each came to about a hundred bytes an identifier,
 * the table alone to 24 MB over a million lines (docs/performance.md).
 */
export class LineIds {
  /** Runs of consecutive numbers on consecutive lines, ascending and apart: first number, last number, first line. */
  private runs = new Float64Array(3 * 64);
  private runCount = 0;
  private keys = new Float64Array(1 << 12).fill(EMPTY);
  private lines = new Uint32Array(1 << 12);
  private count = 0;
  private readonly others = new Map<string, number>();

  get(id: string): number | undefined {
    const key = numericKey(id);
    return key < 0 ? this.others.get(id) : this.getKey(key);
  }

  set(id: string, line: number): void {
    const key = numericKey(id);
    if (key < 0 || line > 0xffffffff) this.others.set(id, line);
    else this.setKey(key, line);
  }

  /**
   * Adds a batch's line_ids in their order; for each one already held,
   * calls `repeated` with it, its line and the line it was first given on
   * (and keeps that first line).
   */
  addAll(packed: PackedLineIds, repeated: (id: string, line: number, before: number) => void): void {
    const { keys, lines, others } = packed;
    let other = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const line = lines[i]!;
      if (key === key) {
        const before = this.getKey(key);
        if (before === undefined) this.setKey(key, line);
        else repeated(String(key), line, before);
      } else {
        const id = others[other++]!;
        const before = this.others.get(id);
        if (before === undefined) this.others.set(id, line);
        else repeated(id, line, before);
      }
    }
  }

  private getKey(key: number): number | undefined {
    const slot = this.find(key);
    if (this.keys[slot] === key) return this.lines[slot];
    // A line beyond 2^32 is held by its text (a canonical number's text is no other identifier's).
    return this.inRuns(key) ?? (this.others.size > 0 ? this.others.get(String(key)) : undefined);
  }

  private setKey(key: number, line: number): void {
    if (line > 0xffffffff) {
      this.others.set(String(key), line);
      return;
    }
    if (this.extendRuns(key, line)) return;
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

  /** The line of `key` in the runs (binary search), if a run holds it. */
  private inRuns(key: number): number | undefined {
    const runs = this.runs;
    let low = 0;
    let high = this.runCount - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (key < runs[3 * mid]!) high = mid - 1;
      else if (key > runs[3 * mid + 1]!) low = mid + 1;
      else return runs[3 * mid + 2]! + (key - runs[3 * mid]!);
    }
    return undefined;
  }

  /** Adds `key` to the runs when it comes after all of them (the next of the last run, or a new run); false otherwise. */
  private extendRuns(key: number, line: number): boolean {
    const n = this.runCount;
    if (n > 0) {
      const last = 3 * (n - 1);
      const lastKey = this.runs[last + 1]!;
      if (key <= lastKey) return false;
      if (key === lastKey + 1 && line === this.runs[last + 2]! + (key - this.runs[last]!)) {
        this.runs[last + 1] = key;
        return true;
      }
    }
    if (3 * (n + 1) > this.runs.length) {
      const grown = new Float64Array(this.runs.length * 2);
      grown.set(this.runs);
      this.runs = grown;
    }
    this.runs[3 * n] = key;
    this.runs[3 * n + 1] = key;
    this.runs[3 * n + 2] = line;
    this.runCount = n + 1;
    return true;
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

/**
 * A batch's line_ids as they travel to the main thread, in their order: each
 * one's line, and its number (see `numericKey`) or NaN, the identifiers that
 * are not numbers given apart as text, in order. A number's text is
 * `String(key)`: only the one way of writing a number is held as one.
 */
export interface PackedLineIds {
  readonly keys: Float64Array;
  readonly lines: Float64Array;
  readonly others: string[];
}

export function packLineIds(ids: readonly string[], lines: readonly number[]): PackedLineIds {
  const keys = new Float64Array(ids.length);
  const others: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const key = numericKey(ids[i]!);
    if (key < 0) {
      keys[i] = NaN;
      others.push(ids[i]!);
    } else keys[i] = key;
  }
  return { keys, lines: Float64Array.from(lines), others };
}

/** The identifiers of a packed list, as text, in their order. */
export function unpackLineIds(packed: PackedLineIds): string[] {
  let other = 0;
  return Array.from(packed.keys, (key) => (key === key ? String(key) : packed.others[other++]!));
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
