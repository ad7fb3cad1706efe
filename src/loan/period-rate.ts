import { Decimal, ONE } from '../money/decimal.js';
import type { InterestMode, PeriodMonths } from './types.js';

const TWELVE = new Decimal(12);

/**
 * « Taux de période » t from an annual rate I (both as fractions) for a
 * period of m months (rule 1, article 11):
 * equivalent t = (1+I)^(m/12) − 1; proportional t = I·m/12.
 */
export function periodRate(annualRate: Decimal, periodMonths: PeriodMonths, mode: InterestMode): Decimal {
  if (periodMonths === 12) return annualRate;
  if (mode === 'proportional') return annualRate.times(periodMonths).div(TWELVE);
  return ONE.plus(annualRate).pow(new Decimal(periodMonths).div(TWELVE)).minus(ONE);
}

/**
 * The per-period growth p of the payments from the annual progressivity P.
 * The contract only states P per year; for shorter periods we grow each
 * payment by the period equivalent of P in the line's interest mode, so that
 * twelve months of growth give exactly P (equivalent) or P (proportional).
 */
export function periodProgressivity(annualProgressivity: Decimal, periodMonths: PeriodMonths, mode: InterestMode): Decimal {
  return periodRate(annualProgressivity, periodMonths, mode);
}

export function periodsPerYear(periodMonths: PeriodMonths): number {
  return 12 / periodMonths;
}
