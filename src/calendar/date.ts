/**
 * A calendar date without time or time zone, as written in the acts.
 * Held as its ISO text ("2026-10-29"): it compares in order as a string,
 * prints as is, and crosses worker threads and JSON unchanged.
 */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidYmd(year, month, day)) throw new RangeError(`impossible date ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** The ISO text of a date known to be valid (the hot path's due dates), without checking it again. */
export function isoDateUnchecked(year: number, month: number, day: number): IsoDate {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as IsoDate;
}

/**
 * The dates finloc reads or computes: from 1 January 1900 to 31 December
 * 2199. A date read outside is refused; a loan whose due dates would go
 * past the last is refused before any computing (src/loan/validate.ts).
 */
export const FIRST_DATE = '1900-01-01' as IsoDate;
export const LAST_DATE = '2199-12-31' as IsoDate;
export const FIRST_DATE_FR = '01/01/1900';
export const LAST_DATE_FR = '31/12/2199';

/** Whether a date lies in finloc's range (FIRST_DATE … LAST_DATE). */
export function isInDateRange(date: IsoDate): boolean {
  return date >= FIRST_DATE && date <= LAST_DATE;
}

function readYmd(text: string): { y: number; mo: number; d: number } | undefined {
  const s = text.trim();
  let m = ISO.exec(s);
  if (m) return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]) };
  m = FRENCH.exec(s);
  if (m) return { y: Number(m[3]), mo: Number(m[2]), d: Number(m[1]) };
  return undefined;
}

/**
 * Reads "2026-10-29" or "29/10/2026"; undefined for anything else, an
 * impossible date or one outside 1900-01-01 … 2199-12-31.
 */
export function parseDate(text: string): IsoDate | undefined {
  const plain = plainIsoDate(text);
  if (plain !== undefined) return plain;
  const r = readYmd(text);
  if (!r || !isValidYmd(r.y, r.mo, r.d)) return undefined;
  const date = isoDate(r.y, r.mo, r.d);
  return isInDateRange(date) ? date : undefined;
}

/**
 * A cell that is already an ISO date in finloc's range ("2023-07-12", as
 * most files write them), given back as it is: `readYmd`'s expressions, its
 * numbers and `isoDate`'s new text would make the same string. Anything
 * else: undefined, for the general reading. The first due date is read on
 * every line, most often before V8 has optimised anything: 1 300 dates in a
 * fresh process took 4,5 to 5,1 ms the general way, 2,3 to 2,4 ms this way.
 *
 *     plainIsoDate('2023-07-12');  // '2023-07-12'
 *     plainIsoDate('2023-02-30');  // undefined (parseDate then refuses it)
 */
function plainIsoDate(text: string): IsoDate | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(i);
    if (i !== 4 && i !== 7 && (c < 48 || c > 57)) return undefined;
  }
  // Shaped as an IsoDate: its numbers are read as every IsoDate's are.
  const { year, month, day } = ymd(text as IsoDate);
  if (!isValidYmd(year, month, day)) return undefined;
  return isInDateRange(text as IsoDate) ? (text as IsoDate) : undefined;
}

/** A well-formed, possible date that parseDate refuses only for lying outside 1900–2199. */
export function isDateOutOfRange(text: string): boolean {
  const r = readYmd(text);
  return r !== undefined && r.mo >= 1 && r.mo <= 12 && r.d >= 1 && r.d <= 31 && (r.y < 1900 || r.y > 2199);
}

/** The year and month `months` after (or before) a date's, without building a date: for range checks of far-off dates. */
export function monthIndexAfter(date: IsoDate, months: number): number {
  const { year, month } = ymd(date);
  return year * 12 + (month - 1) + months;
}

export function ymd(date: IsoDate): { year: number; month: number; day: number } {
  // An IsoDate is "YYYY-MM-DD": its digits read by their codes, several times a line in a portfolio, without the
  // three strings and conversions of slice and Number.
  const digit = (i: number) => date.charCodeAt(i) - 48;
  return { year: digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3), month: digit(5) * 10 + digit(6), day: digit(8) * 10 + digit(9) };
}

export function toFrenchDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * Adds months, keeping the day of month or falling back to the month's last
 * day (31/01 + 1 month = 28/02), as date-fns's addMonths does. Plain integer
 * arithmetic: it runs for every row of every table.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = ymd(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = ymd(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Exact number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000);
}

function utcDay(date: IsoDate): number {
  const { year, month, day } = ymd(date);
  return Date.UTC(year, month - 1, day);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
