import { type Decimal, HUNDRED, ZERO, roundToCent, sum } from '../money/decimal.js';
import { roundToTotal } from '../money/largest-remainder.js';

/** Whether shares (in %) cover the whole figure: then the parts must add up to it exactly. */
export function sharesComplete(sharesPct: readonly Decimal[]): boolean {
  return sum(sharesPct).equals(HUNDRED);
}

/**
 * Splits one amount between guarantors by their shares (« quotités
 * garanties »), in cents.
 *
 * Each part is the amount × share rounded half-up to the cent, the way
 * deliberations write it (60 % of 569 627,00 = 341 776,20). When the shares
 * total 100 % those rounded parts must also add up to the amount; when they
 * miss it by k cents (three thirds, or 50/50 of an odd cent), the k parts
 * that rounding moved furthest from their exact share are moved back one
 * cent each — the largest-remainder method (« méthode du plus fort reste »,
 * the project's one implementation: `roundToTotal`, src/money/largest-remainder.ts),
 * ties going to the guarantor listed first. Whenever the half-up parts
 * already add up, they are kept as they are.
 *
 * Below 100 % nothing has to add up (the rest is not guaranteed): each part
 * is the half-up one. A negative amount (deferred interest repaid) is split
 * as its opposite, so the rule is symmetric.
 */
export function splitByShares(amount: Decimal, sharesPct: readonly Decimal[]): Decimal[] {
  if (amount.isNegative()) return splitByShares(amount.negated(), sharesPct).map((p) => (p.isZero() ? ZERO : p.negated()));
  const exact = sharesPct.map((s) => amount.times(s).div(HUNDRED));
  if (!sharesComplete(sharesPct)) return exact.map(roundToCent);
  return roundToTotal(amount, exact);
}
