import { type IsoDate, compareDates, daysBetween, isLeapYear, isoDate } from '../calendar/date.js';
import { Decimal, roundToCent } from '../money/decimal.js';

/** The days a contract runs within a year, out of the year's days. */
export interface Proration {
  /** Days of the contract within the year, both ends included. */
  readonly contractDays: number;
  /** 365, or 366 in a leap year. */
  readonly yearDays: number;
  /** contractDays / yearDays, exact. */
  readonly fraction: Decimal;
}

/**
 * The share of a yearly participation due for a contract running from
 * `start` to `end` (both included; either may be absent: from 1 January,
 * to 31 December): the days of the contract within `year` / the days of
 * the year (365 or 366). The SIGERLy convention prorates « en fonction de
 * la durée effective de chaque marché subséquent »; a subsequent contract
 * starts on the day its supply is switched on (« mise en service »), not on
 * the first of a month, so the duration is counted in days, as a yearly
 * amount is earned day by day; a count in months would need a rule for
 * part months, which the convention does not give.
 *
 * @example
 * // 01/06/2026 → 31/12/2026, 7 months: 30 + 31 + 31 + 30 + 31 + 30 + 31 = 214 days / 365.
 * prorationInYear(2026, '2026-06-01', '2026-12-31') // { contractDays: 214, yearDays: 365, fraction: 214/365 }
 */
export function prorationInYear(year: number, start?: IsoDate, end?: IsoDate): Proration {
  const first = isoDate(year, 1, 1);
  const last = isoDate(year, 12, 31);
  const from = start !== undefined && compareDates(start, first) > 0 ? start : first;
  const to = end !== undefined && compareDates(end, last) < 0 ? end : last;
  const yearDays = isLeapYear(year) ? 366 : 365;
  const contractDays = compareDates(from, to) > 0 ? 0 : daysBetween(from, to) + 1;
  return { contractDays, yearDays, fraction: new Decimal(contractDays).div(yearDays) };
}

/** A yearly amount prorated, rounded half-up to the cent once: amount × contract days / year days. */
export function prorate(annual: Decimal, p: Proration): Decimal {
  return roundToCent(annual.times(p.contractDays).div(p.yearDays));
}
