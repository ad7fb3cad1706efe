import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { parseDecimal } from '../../src/money/parse.js';
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
