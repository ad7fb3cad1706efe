import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { ByteWriter } from '../../src/output/byte-writer.js';
import { fromCents } from '../../src/money/cents.js';
import { formatFrench, formatMachine } from '../../src/money/format.js';

describe('ByteWriter: the bytes the formatters would print', () => {
  test.prop([fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), fc.boolean()])('cents', (c, comma) => {
    const w = new ByteWriter(4);
    w.cents(c, comma ? 44 : 46);
    expect(new TextDecoder().decode(w.bytes())).toBe(comma ? formatFrench(fromCents(c)) : formatMachine(fromCents(c)));
  });
  test.prop([fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.string()])('integers and text, growing the buffer as needed', (n, s) => {
    const w = new ByteWriter(1);
    w.uint(n);
    w.text(s);
    expect(new TextDecoder().decode(w.bytes())).toBe(String(n) + s);
  });
  test.prop([fc.integer({ min: 1, max: 15 }), fc.integer({ min: -2, max: 2 }), fc.boolean()])('at each change of the number of digits', (k, offset, negative) => {
    const n = 10 ** k + offset;
    const w = new ByteWriter(1);
    w.uint(n);
    w.cents(negative ? -n : n, 46);
    expect(new TextDecoder().decode(w.bytes())).toBe(String(n) + formatMachine(fromCents(negative ? -n : n)));
  });
});
