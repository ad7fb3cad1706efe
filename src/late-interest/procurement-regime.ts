import { Decimal, ZERO, dec } from '../money/decimal.js';
import type { IsoDate } from '../calendar/date.js';
import { PROCUREMENT_MARGIN_PCT } from './semester-rate.js';

/**
 * The rules of late payment that apply to a contract, by the date it was
 * notified. The rules of today (loi n° 2013-100 of 28 January 2013, art.
 * 37 to 44, décret n° 2013-269 of 29 March 2013, now CCP L2192-12 to
 * L2192-15 and R2192-31 to R2192-36) apply to contracts concluded from
 * 16 March 2013 (loi n° 2013-100, art. 44). Before, décret n° 2002-232 of
 * 21 February 2002, art. 5, as amended by décret n° 2008-408 of 28 April
 * 2008: the ECB rate of the semester + 7 points, and no 40 € indemnity
 * (it came with the 2013 law).
 */
export const CURRENT_RULES_FROM = '2013-03-16' as IsoDate;

/** The margin over the ECB rate for contracts notified before 16 March 2013 (décret n° 2002-232, art. 5). */
export const PRE_2013_MARGIN_PCT: Decimal = dec(7);

/** « Indemnité forfaitaire pour frais de recouvrement » (L2192-13, D2192-35): 40 €, once per late invoice, without VAT. */
export const FIXED_RECOVERY_INDEMNITY: Decimal = dec(40);

export interface ProcurementRegime {
  readonly kind: 'current' | 'pre-2013';
  /** Points over the ECB rate of the semester. */
  readonly marginPct: Decimal;
  /** The fixed indemnity due once per late invoice. */
  readonly indemnity: Decimal;
  /** The texts, for notes and the README. */
  readonly texts: string;
}

export const CURRENT_REGIME: ProcurementRegime = {
  kind: 'current',
  marginPct: PROCUREMENT_MARGIN_PCT,
  indemnity: FIXED_RECOVERY_INDEMNITY,
  texts: 'CCP R2192-31 and D2192-35 (formerly décret n° 2013-269): ECB rate + 8 points, 40 € indemnity',
};

export const PRE_2013_REGIME: ProcurementRegime = {
  kind: 'pre-2013',
  marginPct: PRE_2013_MARGIN_PCT,
  indemnity: ZERO,
  texts: 'décret n° 2002-232 art. 5 (as amended by décret n° 2008-408): ECB rate + 7 points, no indemnity; the 2013 rules apply to contracts concluded from 16/03/2013 (loi n° 2013-100 art. 44)',
};

/**
 * The regime of a contract: the current one when its notification date is
 * unknown or on or after 16 March 2013, else the rules of 2002–2013.
 *
 * Example: notified 01/02/2013 → ECB + 7, no indemnity; notified
 * 16/03/2013 or not given → ECB + 8 and 40 €.
 */
export function procurementRegime(notified: IsoDate | undefined): ProcurementRegime {
  return notified !== undefined && notified < CURRENT_RULES_FROM ? PRE_2013_REGIME : CURRENT_REGIME;
}
