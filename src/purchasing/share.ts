import { type Decimal, roundToCent, sum } from '../money/decimal.js';
import { splitInProportion } from '../money/largest-remainder.js';
import { type Report, column, note, report } from '../report/model.js';

/** A member and its sharing key (« clé de répartition »): expenses already made, population, number of procedures… */
export interface ShareKey {
  readonly memberId: string;
  /** Zero or more; the keys' total must be positive. */
  readonly key: Decimal;
}

/** A member's part of the amount. */
export interface MemberShare {
  readonly memberId: string;
  readonly key: Decimal;
  /** amount × key / Σ keys, unrounded (40 significant digits). */
  readonly exact: Decimal;
  /** The exact share rounded half-up to the cent. */
  readonly halfUp: Decimal;
  /** The share to the cent: the shares add up to the amount exactly. */
  readonly share: Decimal;
}

/**
 * Shares an amount among members in proportion to their keys, to the cent,
 * so that the shares add up exactly to the amount: each share is the exact
 * one rounded half-up, and when those miss the amount by k cents the k
 * shares rounding moved furthest move back one cent each, ties to the member
 * listed first — the largest-remainder method, the same implementation as
 * the guarantee split (src/money/largest-remainder.ts). A negative amount
 * (damages received, to give back) is shared as its opposite.
 *
 * Used for the litigation costs and damages of a purchasing group
 * (« groupement de commandes »), shared in proportion to the expenses each
 * member has already made, or any cost shared by a key.
 *
 * @example
 * // 100,00 € by three equal keys: 33,333… each; half-up 33,33 × 3 = 99,99;
 * // the missing cent to the first listed: 33,34 / 33,33 / 33,33.
 * shareAmount(d('100'), [{ memberId: 'A', key: d(1) }, { memberId: 'B', key: d(1) }, { memberId: 'C', key: d(1) }])
 */
export function shareAmount(amount: Decimal, keys: readonly ShareKey[]): MemberShare[] {
  if (!roundToCent(amount).equals(amount)) throw new RangeError(`shareAmount: the amount must be in whole cents, got ${amount.toFixed()}`);
  const { exact, rounded } = splitInProportion(
    amount,
    keys.map((k) => k.key),
  );
  return keys.map((k, i) => ({ memberId: k.memberId, key: k.key, exact: exact[i]!, halfUp: roundToCent(exact[i]!), share: rounded[i]! }));
}

/** Decimals of the exact share shown in the output (the rounding works on 40 significant digits). */
export const EXACT_SHARE_DECIMALS = 6;

/** The shares as a report: one row per member, and a note naming the shares the largest remainder moved off the half-up one. */
export function shareAsReport(amount: Decimal, shares: readonly MemberShare[]): Report {
  const totalKey = sum(shares.map((s) => s.key));
  const rows = shares.map((s) => ({
    member_id: s.memberId,
    key: s.key,
    exact_share: s.exact.toDecimalPlaces(EXACT_SHARE_DECIMALS),
    half_up: s.halfUp,
    share: s.share,
    adjustment: s.share.minus(s.halfUp),
  }));
  const moved = shares.filter((s) => !s.share.equals(s.halfUp));
  const notes = moved.length
    ? [note(`largest remainder: ${moved.map((s) => `${s.memberId} ${s.share.minus(s.halfUp).isPositive() ? '+' : '−'}0.01`).join(', ')} off the half-up share, so that the shares add up to ${amount.toFixed(2)}`)]
    : [];
  return report(
    'share',
    [
      {
        key: 'shares',
        title: 'Répartition',
        columns: [
          column('member_id', 'Membre', 'identifier'),
          column('key', 'Clé de répartition', 'number'),
          column('exact_share', 'Part exacte', 'number', 'montant × clé / total des clés'),
          column('half_up', 'Part arrondie au centime', 'amount'),
          column('share', 'Part', 'amount', 'méthode du plus fort reste'),
          column('adjustment', 'Ajustement', 'amount'),
        ],
        rows,
      },
    ],
    { notes, facts: { amount: amount.toFixed(2), total_key: totalKey.toFixed(), members: shares.length, total_shares: sum(shares.map((s) => s.share)).toFixed(2) } },
  );
}
