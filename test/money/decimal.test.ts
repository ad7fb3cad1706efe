import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal, HUNDRED, ZERO, compare, percentToRate, roundToCent } from '../../src/money/decimal.js';

describe('roundToCent: half-up to the cent, the project’s only rounding of amounts', () => {
  test.each([
    ['0.125', '0.13'],
    ['0.135', '0.14'],
    ['2.675', '2.68'], // 2.675 is 2.67499999… as a float: decimals keep the tie
    ['1.005', '1.01'],
    ['30214.174109', '30214.17'],
    ['13101.421', '13101.42'],
    ['-0.125', '-0.13'], // a tie goes away from zero
    ['-0.124', '-0.12'],
    ['0.004999', '0.00'],
  ])('%s → %s', (x, y) => {
    expect(roundToCent(new Decimal(x)).toFixed(2)).toBe(y);
  });

  test('the project’s Decimal is a clone: a host’s global Decimal.set does not change it', () => {
    const saved = DecimalJs.rounding;
    DecimalJs.set({ rounding: DecimalJs.ROUND_HALF_EVEN });
    try {
      expect(roundToCent(new Decimal('0.125')).toFixed(2)).toBe('0.13');
    } finally {
      DecimalJs.set({ rounding: saved });
    }
  });

  prop.prop([fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n })])('a half-cent tie n + 0,005 always goes away from zero', (millis) => {
    const tie = new Decimal(millis.toString()).div(100).plus(millis < 0n ? '-0.005' : '0.005');
    const rounded = roundToCent(tie);
    expect(rounded.abs().minus(tie.abs()).toFixed(3)).toBe('0.005');
  });

  prop.prop([fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n })])('at most two decimals, within half a cent', (units) => {
    const x = new Decimal(units.toString()).div(1_000_000);
    const r = roundToCent(x);
    expect(r.decimalPlaces()).toBeLessThanOrEqual(2);
    expect(r.minus(x).abs().lessThanOrEqualTo('0.005')).toBe(true);
  });
});

describe('compare: the order of comparedTo, without its copy', () => {
  const cases: [string, string, number][] = [
    ['2.5', '2.50', 0],
    ['0', '-0', 0],
    ['-0', '0.001', -1],
    ['0', '-0.001', 1],
    ['-3', '0', -1],
    ['10000000', '9999999.9999999', 1], // words of 10^7: another exponent
    ['1.00000001', '1.0000001', -1], // the same first word, the second differs
    ['1.00000001', '1', 1], // a longer list of words
    ['-1.00000001', '-1', -1],
    ['-7', '-8', 1],
    ['1e-30', '1e-31', 1],
    ['123456789012345678901234567890', '123456789012345678901234567891', -1],
    ['NaN', '1', NaN],
    ['Infinity', '1e40', 1],
    ['-Infinity', '-Infinity', 0],
  ];
  for (const [a, b, order] of cases) {
    test(`${a} against ${b}: ${order}`, () => {
      expect(compare(new Decimal(a), new Decimal(b))).toBe(order);
      expect(compare(new Decimal(a), new Decimal(b))).toBe(new Decimal(a).comparedTo(new Decimal(b)));
    });
  }
  const decimal = fc.oneof(
    fc.integer().map((n) => new Decimal(n)),
    fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 40 })).map(([n, k]) => new Decimal(`${n}e-${k}`)),
    fc.constantFrom(ZERO, new Decimal('-0'), new Decimal(NaN), new Decimal(Infinity), new Decimal(-Infinity)),
  );
  prop.prop([decimal, decimal], { numRuns: 3000 })('any two Decimals, and each against itself negated, in the order of comparedTo', (a, b) => {
    expect(compare(a, b)).toBe(a.comparedTo(b));
    expect(compare(a, b.neg())).toBe(a.comparedTo(b.neg()));
    expect(compare(a, a)).toBe(a.comparedTo(a));
  });
});

describe('percentToRate: the percent divided by 100, taken as a product', () => {
  const same = (pct: Decimal) => {
    const rate = percentToRate(pct);
    const quotient = pct.div(HUNDRED);
    // The same value and the same digits: later steps (keys written with toString, roundings) see no difference.
    expect(rate.toString()).toBe(quotient.toString());
    expect([rate.s, rate.e, rate.d]).toEqual([quotient.s, quotient.e, quotient.d]);
  };
  test.each(['2.3', '0.6', '-0.2', '0', '-0', '3.125', '0.000001', '1000', '-100', '2.30'])('%s %%', (pct) => same(new Decimal(pct)));
  // More significant digits than the precision (40): both results are rounded once, half up, alike.
  test('a percent of 45 significant digits', () => same(new Decimal('1.23456789012345678901234567890123456789012345')));
  const decimal = fc.oneof(
    fc.tuple(fc.bigInt({ min: -(10n ** 50n), max: 10n ** 50n }), fc.integer({ min: 0, max: 60 })).map(([n, k]) => new Decimal(`${n}e-${k}`)),
    fc.tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => new Decimal(`${n}e-${k}`)),
  );
  prop.prop([decimal], { numRuns: 5000 })('any Decimal: the same as pct.div(100)', (pct) => same(pct));
});
