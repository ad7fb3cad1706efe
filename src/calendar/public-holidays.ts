import { addDays as addDaysToDate, format } from 'date-fns';
import { type IsoDate, isoDate } from './date.js';

/**
 * French public holidays (« jours fériés », Code du travail L3133-1),
 * computed, not listed, so that any year from 1900 to 2199 is right.
 * date-fns does the day arithmetic (no hot path here: a few dates per
 * invoice); Easter is the one thing it has no function for.
 */

/** Which calendar: the national one, or Alsace-Moselle's, which adds Good Friday and 26 December (Code du travail L3134-13). */
export type HolidayRegime = 'national' | 'alsace-moselle';

export interface PublicHoliday {
  readonly date: IsoDate;
  /** Its French name, as a finance officer writes it. */
  readonly name: string;
}

/**
 * Easter Sunday of a Gregorian year (the « computus » of Meeus, Jones and
 * Butcher): 2024 → 31 March, 2025 → 20 April, 2026 → 5 April.
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function daysAfter(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(addDaysToDate(new Date(y, m - 1, d), days), 'yyyy-MM-dd') as IsoDate;
}

/**
 * The public holidays of a year, in date order.
 *
 * Example, 2025 (national): 01/01 Jour de l'an, 21/04 Lundi de Pâques,
 * 01/05 Fête du travail, 08/05 Victoire 1945, 29/05 Ascension, 09/06
 * Lundi de Pentecôte, 14/07 Fête nationale, 15/08 Assomption, 01/11
 * Toussaint, 11/11 Armistice, 25/12 Noël; Alsace-Moselle adds 18/04
 * Vendredi saint and 26/12 Saint-Étienne.
 */
export function publicHolidays(year: number, regime: HolidayRegime = 'national'): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number, name: string): PublicHoliday => ({ date: isoDate(year, month, day), name });
  const days: PublicHoliday[] = [
    fixed(1, 1, "Jour de l'an"),
    { date: daysAfter(easter, 1), name: 'Lundi de Pâques' },
    fixed(5, 1, 'Fête du travail'),
    fixed(5, 8, 'Victoire 1945'),
    { date: daysAfter(easter, 39), name: 'Ascension' },
    { date: daysAfter(easter, 50), name: 'Lundi de Pentecôte' },
    fixed(7, 14, 'Fête nationale'),
    fixed(8, 15, 'Assomption'),
    fixed(11, 1, 'Toussaint'),
    fixed(11, 11, 'Armistice 1918'),
    fixed(12, 25, 'Noël'),
  ];
  if (regime === 'alsace-moselle') days.push({ date: daysAfter(easter, -2), name: 'Vendredi saint' }, fixed(12, 26, 'Saint-Étienne'));
  return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
