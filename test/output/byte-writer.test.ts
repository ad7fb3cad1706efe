import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { ByteWriter, writeText } from '../../src/output/byte-writer.js';
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

describe('writeText: the bytes of TextEncoder, ASCII copied by a loop', () => {
  const cases: [string, string][] = [
    ['6000001', 'ASCII: one byte a character'],
    ['"L;1"', 'a quoted csv field'],
    ['Crédit-1', 'an accented letter after ASCII: the whole text again from its start'],
    ['é', 'accented first'],
    ['prêt 🏠', 'a character outside the BMP (a surrogate pair, four bytes)'],
    ['', 'nothing'],
  ];
  for (const [text, what] of cases) {
    test(what, () => {
      const buf = new Uint8Array(3 * text.length + 2).fill(0xff);
      const end = writeText(buf, 2, text);
      expect(Array.from(buf.subarray(2, end))).toEqual(Array.from(new TextEncoder().encode(text)));
      expect(Array.from(buf.subarray(0, 2))).toEqual([0xff, 0xff]);
    });
  }
  test.prop([fc.string({ unit: 'binary' }), fc.nat(8)])('any text, lone surrogates included, at any position', (text, at) => {
    const buf = new Uint8Array(at + 3 * text.length);
    const end = writeText(buf, at, text);
    expect(buf.subarray(at, end)).toEqual(new TextEncoder().encode(text));
  });
});
