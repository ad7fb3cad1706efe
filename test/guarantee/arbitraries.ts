import fc from 'fast-check';
import { Decimal } from '../../src/money/decimal.js';

/** Shares in % (to the hundredth) of 1 to `max` guarantors adding up to exactly 100 %: cuts of 10 000 basis points. */
export function completeSharesArb(max = 5): fc.Arbitrary<Decimal[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 0, maxLength: max - 1 })
    .map((cuts) => {
      const points = [0, ...[...cuts].sort((a, b) => a - b), 10000];
      return points.slice(1).map((p, i) => new Decimal(p - points[i]!).div(100));
    });
}

/** Shares of 1 to `max` guarantors adding up to less than 100 %. */
export function partialSharesArb(max = 4): fc.Arbitrary<Decimal[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 9998 }), { minLength: 1, maxLength: max })
    .map((cuts) => {
      const points = [0, ...[...cuts].sort((a, b) => a - b)];
      return points.slice(1).map((p, i) => new Decimal(p - points[i]!).div(100));
    });
}

/** An amount in cents, up to 50 million euros, possibly negative. */
export const amountArb = (minCents = -5_000_000_000, maxCents = 5_000_000_000): fc.Arbitrary<Decimal> =>
  fc.integer({ min: minCents, max: maxCents }).map((c) => new Decimal(c).div(100));
