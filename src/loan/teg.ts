import { Decimal, rateToPercent } from '../money/decimal.js';
import { periodsPerYear } from './period-rate.js';
import type { PeriodMonths } from './types.js';

/**
 * TEG (article 4): « calculé selon un mode proportionnel au taux de période
 * établi à partir d'une période de mois normalisés et rapporté à une année
 * civile »: the period rate times the number of periods in a year, in %.
 * Without fees (the CDC line has none) it rests on the interest rate alone.
 */
export function tegPercent(periodRate: Decimal, periodMonths: PeriodMonths): Decimal {
  return rateToPercent(periodRate.times(periodsPerYear(periodMonths)));
}
