import { type Decimal, HUNDRED, roundToCent } from '../money/decimal.js';
import { type Check, checkFigure } from '../report/check.js';
import type { GuaranteedLine } from './types.js';

/** The guaranteed principal of one guarantee, beside what its deliberation states. */
export interface PrincipalCheck {
  readonly guaranteed: GuaranteedLine;
  /** The guarantor's part of the line's principal (splitByShares). */
  readonly computed: Decimal;
  /** principal × share rounded half-up, the deliberation's own arithmetic; differs from computed only where the shares' parts had to be made to add up. */
  readonly halfUp: Decimal;
  /**
   * The stated principal (declared) against the computed one (recomputed),
   * difference = stated − computed; absent when the deliberation states none.
   * Its item is `guarantor/line_id`.
   */
  readonly check?: Check;
}

/**
 * « La garantie de la Collectivité est accordée à hauteur de la somme en
 * principal de 341 776,20 euros »: the amount a deliberation states must be
 * the line's principal × the share (Gannat 26/71: 60 % × 569 627,00).
 */
export function checkPrincipal(guaranteed: GuaranteedLine): PrincipalCheck {
  const computed = guaranteed.principal;
  const halfUp = roundToCent(guaranteed.schedule.line.principal.times(guaranteed.guarantee.sharePct).div(HUNDRED));
  const { guarantor, lineId, statedPrincipal } = guaranteed.guarantee;
  if (statedPrincipal === undefined) return { guaranteed, computed, halfUp };
  const suspects = [{ value: halfUp, note: 'the principal × the share rounded half-up; the largest remainder moved a cent so that the shares add up to the line' }];
  return { guaranteed, computed, halfUp, check: checkFigure(`${guarantor}/${lineId}`, statedPrincipal, computed, suspects) };
}
