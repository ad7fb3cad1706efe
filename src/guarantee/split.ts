import { Decimal, HUNDRED, ZERO, roundToCent, sum } from '../money/decimal.js';

const CENT = new Decimal('0.01');

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
 * cent each — the largest-remainder method (« méthode du plus fort reste »),
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
  const parts = exact.map(roundToCent);
  if (!sharesComplete(sharesPct)) return parts;
  const missingCents = amount.minus(sum(parts)).div(CENT).toNumber();
  if (missingCents === 0) return parts;
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
