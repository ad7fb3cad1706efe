/**
 * Builds output bytes directly, for the portfolio hot path: digits of cents
 * and dates go straight into a growing buffer, with no intermediate strings
 * for the garbage collector to chase. ASCII only, except through `text`.
 */
export class ByteWriter {
  private buf: Uint8Array;
  private pos = 0;

  /** A fresh buffer of that many bytes, or one given back for reuse (a batch's output returned by the main thread). */
  constructor(initial: number | Uint8Array = 1 << 16) {
    this.buf = typeof initial === 'number' ? new Uint8Array(initial) : initial;
  }

  get length(): number {
    return this.pos;
  }

  /** Forgets what was written, keeping the buffer for the next use. */
  reset(): void {
    this.pos = 0;
  }

  /** The bytes written, as a view of the buffer (no copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /**
   * Makes room for `extra` bytes and returns the buffer and position to
   * write them at; `advance` then records how far the caller wrote. For rows
   * written a field at a time without a call per byte.
   */
  reserve(extra: number): Uint8Array {
    this.ensure(extra);
    return this.buf;
  }

  get position(): number {
    return this.pos;
  }

  advanceTo(position: number): void {
    this.pos = position;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Any text, UTF-8 encoded. */
  text(s: string): void {
    this.ensure(s.length * 3);
    this.pos = writeText(this.buf, this.pos, s);
  }

  /** A non-negative integer in decimal digits. */
  uint(n: number): void {
    this.ensure(20);
    this.pos = writeDigits(this.buf, this.pos, n);
  }

  /** Cents as "30214.17" (or with a decimal comma), as `formatMachine` / `formatFrench` print the amount. */
  cents(c: number, decimalSeparator: number): void {
    this.ensure(24);
    this.pos = writeCents(this.buf, this.pos, c, decimalSeparator);
  }
}

const encoder = new TextEncoder();

/**
 * Writes `s` UTF-8 encoded at `at` (the buffer has room for 3 bytes a UTF-16
 * unit); returns the position after it. ASCII text, a line_id in the main,
 * is copied by a loop: `encodeInto` is a call into C++ that cost about three
 * times as much for a short identifier, once a line.
 *
 * @example writeText(buf, 0, 'L-1') // 3, buf starts with 76 45 49
 */
export function writeText(buf: Uint8Array, at: number, s: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return at + encoder.encodeInto(s, buf.subarray(at)).written;
    buf[at + i] = c;
  }
  return at + n;
}

/** "00", "01" … "99" as ASCII codes, two by two. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + Math.floor(i / 10);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}

/** Writes n ≥ 0 (an integer below 2^53) at `at`; returns the position after it. */
export function writeDigits(buf: Uint8Array, at: number, n: number): number {
  if (n < 10) {
    buf[at] = 48 + n;
    return at + 1;
  }
  const digits = digitCount(n);
  let end = at + digits;
  const stop = end;
  let m = n;
  while (m >= 100) {
    const q = Math.floor(m / 100);
    const r = m - q * 100;
    buf[--end] = PAIRS[2 * r + 1]!;
    buf[--end] = PAIRS[2 * r]!;
    m = q;
  }
  if (m >= 10) {
    buf[--end] = PAIRS[2 * m + 1]!;
    buf[--end] = PAIRS[2 * m]!;
  } else {
    buf[--end] = 48 + m;
  }
  return stop;
}

/** Decimal digits of n ≥ 10 (below 2^53): a few comparisons, the usual sizes of cents first. */
function digitCount(n: number): number {
  if (n < 1e8) return n < 1e4 ? (n < 100 ? 2 : n < 1000 ? 3 : 4) : n < 1e6 ? (n < 1e5 ? 5 : 6) : n < 1e7 ? 7 : 8;
  if (n < 1e12) return n < 1e10 ? (n < 1e9 ? 9 : 10) : n < 1e11 ? 11 : 12;
  let digits = 12;
  for (let p = 1e12; p <= n && digits < 16; p *= 10) digits++;
  return n >= 1e16 ? String(n).length : digits;
}

/**
 * Writes cents as "30214.17" (or with a decimal comma) at `at`; returns the
 * position after it. A value that is not a whole number of cents within
 * ±2^53 is refused, never written: the hot path proves its figures stay
 * within range (src/loan/cents-range.ts), and this is the last guard that a
 * wrong figure cannot reach a file.
 */
export function writeCents(buf: Uint8Array, at: number, c: number, decimalSeparator: number): number {
  if (c === 0) {
    // Most deferred-interest cells: a third of the figures of a portfolio.
    buf[at] = 48;
    buf[at + 1] = decimalSeparator;
    buf[at + 2] = 48;
    buf[at + 3] = 48;
    return at + 4;
  }
  if (!Number.isSafeInteger(c)) throw new RangeError(`a figure of ${c} cents is not a whole number of cents below 2^53: not written`);
  let abs = c;
  if (c < 0) {
    buf[at++] = 45; // -
    abs = -c;
  }
  const units = Math.floor(abs / 100);
  const rest = abs - units * 100;
  at = writeDigits(buf, at, units);
  buf[at++] = decimalSeparator;
  buf[at++] = PAIRS[2 * rest]!;
  buf[at++] = PAIRS[2 * rest + 1]!;
  return at;
}
