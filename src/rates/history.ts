import { Decimal } from '../money/decimal.js';
import { type IsoDate, compareDates } from '../calendar/date.js';

/** One value of an index or a reference rate, from its date of effect. */
export interface RatePoint {
  readonly effectiveDate: IsoDate;
  readonly ratePct: Decimal;
}

/**
 * A rate history (Livret A, ECB main refinancing rate…): values by date of
 * effect, in order. Values after `knownUntil` are projections: the last
 * value is held (the CDC's convention for indicative tables).
 */
export interface RateHistory {
  readonly name: string;
  readonly points: readonly RatePoint[];
  readonly knownUntil: IsoDate;
}

export interface RateInForce {
  readonly ratePct: Decimal;
  readonly effectiveDate: IsoDate;
  /** True when the date lies after the last known value's validity: the value is held, not published. */
  readonly projected: boolean;
}

export function makeRateHistory(name: string, points: readonly RatePoint[], knownUntil?: IsoDate): RateHistory {
  if (points.length === 0) throw new RangeError(`${name}: a rate history needs at least one value`);
  const sorted = [...points].sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.effectiveDate === sorted[i - 1]!.effectiveDate) {
      throw new RangeError(`${name}: two values from ${sorted[i]!.effectiveDate}`);
    }
  }
  const last = sorted[sorted.length - 1]!;
  return { name, points: sorted, knownUntil: knownUntil ?? last.effectiveDate };
}

export function historyStart(history: RateHistory): IsoDate {
  return history.points[0]!.effectiveDate;
}

/** The value in force on `date`: the last one whose date of effect is on or before it; undefined before the history starts. */
export function rateInForce(history: RateHistory, date: IsoDate): RateInForce | undefined {
  const at = pointInForce(history, date);
  if (at < 0) return undefined;
  const p = history.points[at]!;
  return { ratePct: p.ratePct, effectiveDate: p.effectiveDate, projected: compareDates(date, history.knownUntil) > 0 };
}

/** The rank in `points` of the value in force on `date`, or −1 before the history starts. */
export function pointInForce(history: RateHistory, date: IsoDate): number {
  const pts = history.points;
  if (date < pts[0]!.effectiveDate) return -1;
  let lo = 0;
  let hi = pts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pts[mid]!.effectiveDate <= date) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
