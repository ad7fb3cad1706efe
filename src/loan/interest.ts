import { type CentRounding, Decimal, ONE, roundToCentWith } from '../money/decimal.js';
import { type DayCount, countDays, yearBasis } from '../calendar/day-count.js';
import type { IsoDate } from '../calendar/date.js';
import type { InterestMode } from './types.js';

/**
 * Interest of one period on base B (capital remaining plus the stock of
 * deferred interest, article 11), before rounding.
 * 30/360 uses the period rate: every period has its nominal length.
 * Actual day counts use the days between the two dates:
 * equivalent B·((1+I)^(d/base) − 1), proportional B·I·d/base.
 */
export function exactPeriodInterest(
  base: Decimal,
  annualRate: Decimal,
  periodRate: Decimal,
  dayCount: DayCount,
  mode: InterestMode,
  from: IsoDate,
  to: IsoDate,
): Decimal {
  if (dayCount === '30/360') return base.times(periodRate);
  return base.times(accrualFactor(annualRate, countDays(dayCount, from, to), dayCount, mode));
}

/** Rule 1: the period's interest, rounded half-up to the cent. */
export function periodInterest(
  base: Decimal,
  annualRate: Decimal,
  periodRate: Decimal,
  dayCount: DayCount,
  mode: InterestMode,
  from: IsoDate,
  to: IsoDate,
  rounding: CentRounding = 'half-up',
): Decimal {
  return roundToCentWith(exactPeriodInterest(base, annualRate, periodRate, dayCount, mode, from, to), rounding);
}

/** Growth factor minus one over d days: (1+I)^(d/base) − 1 or I·d/base. */
export function accrualFactor(annualRate: Decimal, days: number, dayCount: DayCount, mode: InterestMode): Decimal {
  if (days <= 0) return new Decimal(0);
  const fraction = new Decimal(days).div(yearBasis(dayCount));
  if (mode === 'proportional') return annualRate.times(fraction);
  return ONE.plus(annualRate).pow(fraction).minus(ONE);
}
