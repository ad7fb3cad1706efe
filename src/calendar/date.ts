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

/** Reads "2026-10-29" or "29/10/2026"; undefined for anything else or an impossible date. */
export function parseDate(text: string): IsoDate | undefined {
  const s = text.trim();
  let m = ISO.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidYmd(y, mo, d) ? isoDate(y, mo, d) : undefined;
  }
  m = FRENCH.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidYmd(y, mo, d) ? isoDate(y, mo, d) : undefined;
  }
  return undefined;
}

export function ymd(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
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
