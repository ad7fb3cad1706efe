import { addDays, ymd, isoDate, type IsoDate } from '../calendar/date.js';
import { makeRateHistory, type RateHistory, type RatePoint } from './history.js';

/**
 * The Livret A rate is set twice a year, with effect on 1 February and
 * 1 August (règlement CRBF n° 86-13, article 3). The last published value
 * is therefore known until the day before the next of those dates; later
 * due dates hold it as a projection.
 */
export function livretAKnownUntil(lastEffectiveDate: IsoDate): IsoDate {
  const { year, month } = ymd(lastEffectiveDate);
  const next = month < 2 ? isoDate(year, 2, 1) : month < 8 ? isoDate(year, 8, 1) : isoDate(year + 1, 2, 1);
  return addDays(next, -1);
}

export function livretAHistory(points: readonly RatePoint[]): RateHistory {
  const h = makeRateHistory('Livret A', points);
  return makeRateHistory('Livret A', h.points, livretAKnownUntil(h.points[h.points.length - 1]!.effectiveDate));
}
