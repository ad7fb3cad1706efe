import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { allPlainAscii } from '../../cli/plain-ascii.js';
import { BAD_CONTROL_BYTES, isPlainAscii } from '../../src/csv/decode.js';

/** The definition, byte by byte (src/csv/decode.ts): what Node's native test must agree with. */
const byDefinition = (bytes: Uint8Array) => bytes.every(isPlainAscii);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('the native test of a chunk of plain ASCII', () => {
  test.each([
    ['a CSV line', 'id;montant\r\n1;2,5\n', true],
    ['tab, CR, LF, space and DEL', '\t\r\n \x7f', true],
    ['nothing', '', true],
    ['an accent', 'prêt', false],
    ['NUL', 'a\x00b', false],
    ['BEL', 'a\x07', false],
    ['ESC', '\x1bb', false],
    ['VT and FF', '\x0b\x0c', false],
  ])('%s', (_, text, expected) => {
    expect(allPlainAscii(ascii(text))).toBe(expected);
    expect(byDefinition(ascii(text))).toBe(expected);
  });

  test('the 29 control bytes a text may not hold, each alone among plain ASCII', () => {
    expect(BAD_CONTROL_BYTES).toHaveLength(29);
    for (const b of BAD_CONTROL_BYTES) expect(allPlainAscii(Uint8Array.from([0x61, b, 0x0a]))).toBe(false);
  });

  // Mostly plain ASCII, a few other bytes, at any place of a view at any offset of its buffer (a chunk after a BOM).
  const byte = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0x20, max: 0x7f }) }, fc.constantFrom(9, 10, 13), fc.integer({ min: 0, max: 255 }));
  test.prop([fc.array(byte, { maxLength: 300 }), fc.nat({ max: 7 })], { numRuns: 3000 })('agrees with the definition on every chunk', (bytes, offset) => {
    const buffer = new Uint8Array(offset + bytes.length);
    buffer.set(bytes, offset);
    const view = buffer.subarray(offset);
    expect(allPlainAscii(view)).toBe(byDefinition(view));
  });
});
