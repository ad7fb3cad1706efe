/**
 * Builds output bytes directly, for the portfolio hot path: digits of cents
 * and dates go straight into a growing buffer, with no intermediate strings
 * for the garbage collector to chase. ASCII only, except through `text`.
 */
export class ByteWriter {
  private buf: Uint8Array;
  private pos = 0;
  private static readonly encoder = new TextEncoder();

  constructor(initialBytes = 1 << 16) {
    this.buf = new Uint8Array(initialBytes);
  }

  get length(): number {
    return this.pos;
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
    this.pos += ByteWriter.encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /** A non-negative integer in decimal digits. */
  uint(n: number): void {
    this.ensure(20);
    if (n < 10) {
      this.buf[this.pos++] = 48 + n;
      return;
    }
    let digits = 0;
    for (let m = n; m >= 1; m = Math.floor(m / 10)) digits++;
    let at = this.pos + digits;
    this.pos = at;
    for (let m = n; m >= 1; m = Math.floor(m / 10)) this.buf[--at] = 48 + (m % 10);
  }

  /** Cents as "30214.17" (or with a decimal comma), as `formatMachine` / `formatFrench` print the amount. */
  cents(c: number, decimalSeparator: number): void {
    this.ensure(24);
    let abs = c;
    if (c < 0) {
      this.buf[this.pos++] = 45; // -
      abs = -c;
    }
    const units = Math.floor(abs / 100);
    const rest = abs - units * 100;
    this.uint(units);
    this.buf[this.pos++] = decimalSeparator;
    this.buf[this.pos++] = 48 + Math.floor(rest / 10);
    this.buf[this.pos++] = 48 + (rest % 10);
  }
}
