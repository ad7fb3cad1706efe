import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { parseDecimal, readNumber } from '../../src/money/parse.js';
import { formatFrench, formatFrenchGrouped, formatMachine } from '../../src/money/format.js';

describe('numbers as French finance officers write them', () => {
  test.each([
    ['569 627,00', '569627'],
    ['569627.00', '569627'],
    ['569\u00a0627,00', '569627'],
    ['569\u202f627,00 €', '569627'],
    ['1 234,56 €', '1234.56'],
    ['2,3 %', '2.3'],
    ['2.3', '2.3'],
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['-12,5', '-12.5'],
    ['−12,5', '-12.5'],
    ['+3', '3'],
    [',5', '0.5'],
  ])('%s', (text, value) => {
    expect(parseDecimal(text)?.toFixed()).toBe(value);
  });
  test.each(['', 'abc', '12,3,4', '1.2.3', '12 ab', '--1', '€', '1.234.567'])('not a number: %s', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
  prop.prop([fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n })])('what we print, we read back', (cents) => {
    const v = new Decimal(cents.toString()).div(100);
    for (const text of [formatMachine(v), formatFrench(v), formatFrenchGrouped(v)]) expect(parseDecimal(text)!.equals(v)).toBe(true);
  });
});

describe('formats', () => {
  test('machine, French, grouped', () => {
    const v = new Decimal('755354.37');
    expect([formatMachine(v), formatFrench(v), formatFrenchGrouped(v)]).toEqual(['755354.37', '755354,37', '755 354,37']);
    expect(formatFrenchGrouped(new Decimal('-1234567.8'))).toBe('-1 234 567,80');
    expect(formatMachine(new Decimal('-0.001'))).toBe('0.00');
  });
});

describe('readNumber: plain digits read by a loop, the same reading as the grammar', () => {
  const reading = (text: string) => {
    const r = readNumber(text);
    return r.ok ? { value: r.value.toString(), negative: r.value.isNegative(), decimals: r.decimals } : { expected: r.expected };
  };
  test.each([
    ['569627,00', '569627', 2],
    ['569627.00', '569627', 2],
    ['2,3', '2.3', 1],
    ['25', '25', 0],
    ['0,00', '0', 2],
    ['0012', '12', 0],
    ['1,234', '1.234', 3], // a lone , is the decimal separator
    ['.5', '0.5', 1], // no digit before: the grammar's path
  ])('%s is %s with %i decimals', (text, value, decimals) => {
    expect(reading(text)).toEqual({ value, negative: false, decimals });
  });
  test.each(['5.', '1.2.3', '1,2,3', ',', ''])('%j is not a number', (text) => {
    expect(readNumber(text).ok).toBe(false);
  });
  // Spaces around a cell are trimmed by the grammar's path: the loop never takes them, so each text is read both ways.
  const cell = fc.array(fc.constantFrom('0', '1', '5', '9', '.', ',', '-', ' ', '€', '%', 'e'), { maxLength: 14 }).map((chars) => chars.join(''));
  prop.prop([cell], { numRuns: 5000 })('any text of digits and separators: the same reading with and without spaces around', (text) => {
    expect(reading(text)).toEqual(reading(` ${text} `));
  });
});
