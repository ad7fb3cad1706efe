import { type IsoDate, daysBetween, ymd } from './date.js';

/**
 * Day-count conventions (« base de calcul des intérêts », article 9 and 11
 * of the CDC contract).
 */
export type DayCount = '30/360' | 'actual/365' | 'actual/360';

export const DAY_COUNTS: readonly DayCount[] = ['30/360', 'actual/365', 'actual/360'];

/** Days counted between two dates under the convention (30/360: every month has 30 days). */
export function countDays(convention: DayCount, from: IsoDate, to: IsoDate): number {
  if (convention !== '30/360') return daysBetween(from, to);
  const a = ymd(from);
  const b = ymd(to);
  // 30/360 (« mois de 30 jours, année de 360 jours »), the 30E/360 form.
  const d1 = Math.min(a.day, 30);
  const d2 = Math.min(b.day, 30);
  return (b.year - a.year) * 360 + (b.month - a.month) * 30 + (d2 - d1);
}

/** Number of days in the year under the convention. */
export function yearBasis(convention: DayCount): number {
  return convention === 'actual/365' ? 365 : 360;
}
