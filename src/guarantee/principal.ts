import { type Decimal, HUNDRED, roundToCent } from '../money/decimal.js';
import type { GuaranteedLine } from './types.js';

/** The guaranteed principal of one guarantee, beside what its deliberation states. */
export interface PrincipalCheck {
  readonly guaranteed: GuaranteedLine;
  /** The guarantor's part of the line's principal (splitByShares). */
  readonly computed: Decimal;
  /** principal × share rounded half-up, the deliberation's own arithmetic; differs from computed only where the shares' parts had to be made to add up. */
  readonly halfUp: Decimal;
  readonly stated?: Decimal;
  /** stated − computed. */
  readonly difference?: Decimal;
  /** True when no amount is stated or the stated one is the computed one. */
  readonly holds: boolean;
}

/**
 * « La garantie de la Collectivité est accordée à hauteur de la somme en
 * principal de 341 776,20 euros »: the amount a deliberation states must be
 * the line's principal × the share (Gannat 26/71: 60 % × 569 627,00).
 */
export function checkPrincipal(guaranteed: GuaranteedLine): PrincipalCheck {
  const computed = guaranteed.principal;
  const halfUp = roundToCent(guaranteed.schedule.line.principal.times(guaranteed.guarantee.sharePct).div(HUNDRED));
  const stated = guaranteed.guarantee.statedPrincipal;
  if (stated === undefined) return { guaranteed, computed, halfUp, holds: true };
  const difference = stated.minus(computed);
  return { guaranteed, computed, halfUp, stated, difference, holds: difference.isZero() };
}
