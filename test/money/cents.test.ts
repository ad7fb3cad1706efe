import { describe, expect } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { MAX_EXACT_CENTS, toCents } from '../../src/money/cents.js';

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
