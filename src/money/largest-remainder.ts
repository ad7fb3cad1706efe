import { Decimal, ZERO, roundToCent, sum } from './decimal.js';

const CENT = new Decimal('0.01');

/**
 * Rounds exact parts of a whole to the cent so that they add up exactly to
 * `total` — the largest-remainder method (« méthode du plus fort reste »),
 * the one implementation of the project (guarantee split, `finloc share`).
 *
 * Each part is first rounded half-up (the figure a deliberation writes).
 * When those rounded parts miss `total` by k cents, the k parts rounding
 * moved furthest from their exact value move back one cent each, ties to
 * the part listed first. Half-up parts that already add up are kept. A
 * negative total is rounded as its opposite, so the rule is symmetric.
 * Every part ends less than one cent from its exact value.
 *
 * `exact` must add up to `total` (up to Decimal precision) and `total`
 * must be in whole cents.
 *
 * @example
 * // 100,00 in three equal parts of 33,333…: half-up gives 33,33 × 3 = 99,99;
 * // the one cent missing goes to the first listed (equal remainders).
 * roundToTotal(d('100'), [third, third, third]) // [33.34, 33.33, 33.33]
 */
export function roundToTotal(total: Decimal, exact: readonly Decimal[]): Decimal[] {
  if (total.isNegative()) {
    return roundToTotal(
      total.negated(),
      exact.map((e) => e.negated()),
    ).map((p) => (p.isZero() ? ZERO : p.negated()));
  }
  const parts = exact.map(roundToCent);
  const missingCents = total.minus(sum(parts)).div(CENT).toNumber();
  if (missingCents === 0 || parts.length === 0) return parts;
  // What rounding took from each part (exact − rounded): the largest gain a cent back first.
  const order = parts
    .map((p, i) => ({ i, left: exact[i]!.minus(p) }))
    .sort((a, b) => (missingCents > 0 ? b.left.comparedTo(a.left) || a.i - b.i : a.left.comparedTo(b.left) || b.i - a.i));
  const step = missingCents > 0 ? CENT : CENT.negated();
  for (let k = 0; k < Math.abs(missingCents); k++) {
    const { i } = order[k % order.length]!;
    parts[i] = parts[i]!.plus(step);
  }
  return parts;
}

/**
 * Splits `total` (whole cents, any sign) in proportion to non-negative
 * weights whose sum is positive: the exact parts total × weight / Σ
 * weights, and their rounding by {@link roundToTotal}.
 *
 * @example
 * // 100,00 by keys 1, 1, 1: exact 33,333… each; rounded 33,34 / 33,33 / 33,33.
 * splitInProportion(d('100'), [d(1), d(1), d(1)])
 */
export function splitInProportion(total: Decimal, weights: readonly Decimal[]): { exact: Decimal[]; rounded: Decimal[] } {
  const whole = sum(weights);
  if (weights.some((w) => w.isNegative()) || !whole.greaterThan(0)) throw new RangeError('splitInProportion: weights must be zero or more, with a positive total');
  const exact = weights.map((w) => total.times(w).div(whole));
  return { exact, rounded: roundToTotal(total, exact) };
}
