import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { Decimal, ONE } from '../../src/money/decimal.js';
import { quotient } from '../../src/money/quotient.js';

/** The reference: decimal.js's own division at the project's precision. */
function expectSameAsDiv(a: Decimal, b: Decimal): void {
  const q = quotient(a, b);
  const reference = a.div(b);
  // Equal values, and the same digits and exponent (a key text is made of them: src/loan/schedule-in-cents.ts).
  expect(q.toString()).toBe(reference.toString());
  expect(q.d).toEqual(reference.d);
  expect(q.e).toBe(reference.e);
  expect(q.s).toBe(reference.s);
}

/** A Decimal of 1 to 50 significant digits, either sign, exponent −40 … +40. */
const decimals = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 50n }), fc.integer({ min: -40, max: 40 }), fc.boolean())
  .map(([digits, exponent, negative]) => new Decimal(`${negative ? '-' : ''}${digits}e${exponent}`));

describe('quotient: a ÷ b as decimal.js divides, on BigInts', () => {
  test.each([
    ['1', '3'], // a repetend: 40 threes
    ['2', '3'], // 0,666…67: rounded up
    ['1', '7'],
    ['10', '4'], // exact: 2,5
    ['1', '8'], // exact, three digits
    ['123456789', '1'],
    ['1', '1'],
    ['-1', '3'],
    ['1', '-3'],
    ['-1', '-3'],
    ['1.0125', '1.0075'], // (1+I')(1+P)/(1+I) of a revision
    ['1.0225', '1.0175'],
    ['0.000001', '3'],
    ['1e-30', '7e25'],
    ['99999999999999999999999999999999999999995', '10'], // 41 digits ending in 5 over 10: the 41st digit is a tie, half up
    ['99999999999999999999999999999999999999994', '10'], // below the tie: down
    ['99999999999999999999999999999999999999999', '1'], // rounds up to 10^41
    ['12345678901234567890123456789012345678905', '1'], // a tie on the dividend's own digits
    ['0', '3'],
  ])('%s ÷ %s', (a, b) => {
    expectSameAsDiv(new Decimal(a), new Decimal(b));
  });

  test('a zero divisor, NaN and infinities are decimal.js’s own', () => {
    expect(quotient(ONE, new Decimal(0)).toString()).toBe('Infinity');
    expect(quotient(new Decimal(0), new Decimal(0)).isNaN()).toBe(true);
    expect(quotient(new Decimal(NaN), ONE).isNaN()).toBe(true);
    expect(quotient(ONE, new Decimal(Infinity)).isZero()).toBe(true);
  });

  prop.prop([decimals, decimals], { numRuns: 20_000 })('the same Decimal as a.div(b)', (a, b) => {
    expectSameAsDiv(a, b);
  });

  prop.prop([fc.bigInt({ min: 1n, max: 10n ** 45n }), fc.bigInt({ min: 1n, max: 10n ** 12n })], { numRuns: 5_000 })(
    'quotients whose 41st digit is a 5 followed by zeros (exact ties) or by something (above the tie)',
    (head, divisor) => {
      // a = (head·10 + 5)·divisor: a ÷ divisor is exact and ends in 5, a tie whenever it has 41 digits.
      const tie = new Decimal(((head * 10n + 5n) * divisor).toString());
      expectSameAsDiv(tie, new Decimal(divisor.toString()));
      expectSameAsDiv(tie.plus(1), new Decimal(divisor.toString()));
      expectSameAsDiv(tie.minus(1), new Decimal(divisor.toString()));
    },
  );

  prop.prop(
    [fc.integer({ min: -500, max: 1500 }), fc.integer({ min: -200, max: 500 }), fc.integer({ min: -300, max: 2000 }), fc.integer({ min: -100, max: 300 })],
    { numRuns: 20_000 },
  )('revisions: (1+I′)(1+P)/(1+I) with rates of up to 4 decimals in percent', (iPrime, p, i, ten) => {
    const rate = (units: number) => new Decimal(units).div(1_000_000);
    const numerator = ONE.plus(rate(iPrime)).times(ONE.plus(rate(p + ten)));
    expectSameAsDiv(numerator, ONE.plus(rate(i)));
  });
});
