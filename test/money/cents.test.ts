import { describe, expect, it } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { MAX_EXACT_CENTS, factorOf, lazyFactor, toCents } from '../../src/money/cents.js';

describe('toCents: the number of cents of an amount, as the Decimal product gives it', () => {
  // Amounts of up to 16 digits and 0 to 4 decimals (whole cents or not), either sign, around every power of 10^7.
  const amountArb = fc
    .tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 4 }))
    .map(([units, decimals]) => new Decimal(units.toString()).div(10 ** decimals));
  prop.prop([amountArb], { numRuns: 5000 })('equal to amount × 100 as a number', (amount) => {
    expect(Object.is(toCents(amount), amount.times(100).toNumber())).toBe(true);
  });
  prop.prop([fc.integer({ min: 0, max: 30 }), fc.integer({ min: -3, max: 3 })])('around the powers of ten and 2^50 cents', (power, offset) => {
    for (const amount of [new Decimal(10).pow(power).plus(offset).div(100), new Decimal(MAX_EXACT_CENTS + offset).div(100)]) {
      expect(Object.is(toCents(amount), amount.times(100).toNumber())).toBe(true);
    }
  });
});

describe('Factor: a double with its error bound, the Decimal on demand', () => {
  it('gives the Decimal it was made of, and its double', () => {
    const t = factorOf(new Decimal('0.005'));
    expect(t.exact().toString()).toBe('0.005');
    expect(t.approx).toBe(0.005);
  });

  it('computes a lazy Decimal once, at the first call, and keeps it', () => {
    let calls = 0;
    const f = lazyFactor(1 / 3, 2 ** -52, () => {
      calls++;
      return new Decimal(1).div(3);
    });
    expect(calls).toBe(0);
    const first = f.exact();
    expect(f.exact()).toBe(first);
    expect(calls).toBe(1);
  });

  // The optimised row loop inlines exact() at a half-cent tie: one function for every factor, or V8 throws that loop's
  // code away at the first tie of another factor (« wrong call target », src/money/cents.ts).
  it('calls one and the same exact() whatever the factor', () => {
    const a = factorOf(new Decimal('0.02'));
    const b = lazyFactor(0.01, 2 ** -52, () => new Decimal('0.01'));
    expect(a.exact).toBe(b.exact);
  });
});
