import { getISODay } from 'date-fns';
import { type IsoDate, addDays, ymd } from './date.js';
import { type HolidayRegime, type PublicHoliday, publicHolidays } from './public-holidays.js';

/**
 * Which days are not worked: Saturdays, Sundays, the public holidays of a
 * regime and the buyer's own closed days (« jours chômés »).
 */
export interface WorkingCalendar {
  readonly regime: HolidayRegime;
  /** Closed days of the buyer, added to the public holidays. */
  readonly closedDays: ReadonlySet<IsoDate>;
}

export function workingCalendar(regime: HolidayRegime = 'national', closedDays: Iterable<IsoDate> = []): WorkingCalendar {
  return { regime, closedDays: new Set(closedDays) };
}

const holidayCache = new Map<string, Map<IsoDate, string>>();

function holidaysOf(year: number, regime: HolidayRegime): Map<IsoDate, string> {
  const key = `${regime}:${year}`;
  let days = holidayCache.get(key);
  if (!days) holidayCache.set(key, (days = new Map(publicHolidays(year, regime).map((h: PublicHoliday) => [h.date, h.name]))));
  return days;
}

/**
 * Why a day is not worked (« samedi », « dimanche », the holiday's name,
 * « jour chômé »), or undefined for a working day (« jour ouvrable » in the
 * CCAG's sense: neither Saturday, Sunday, public holiday nor closed day).
 */
export function nonWorkingReason(date: IsoDate, calendar: WorkingCalendar): string | undefined {
  const { year, month, day } = ymd(date);
  const weekday = getISODay(new Date(year, month - 1, day));
  if (weekday === 6) return 'samedi';
  if (weekday === 7) return 'dimanche';
  const holiday = holidaysOf(year, calendar.regime).get(date);
  if (holiday !== undefined) return holiday;
  return calendar.closedDays.has(date) ? 'jour chômé' : undefined;
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  return nonWorkingReason(date, calendar) === undefined;
}

/**
 * The day a period whose last calendar day is `lastDay` ends: that day if
 * it is worked, else the first working day after it (CCAG-FCS and
 * CCAG-Travaux 2021, art. 3.3; règlement (CEE, Euratom) 1182/71, art. 3(4)).
 *
 * Example: Saturday 01/02/2025 → Monday 03/02/2025; Thursday 01/05/2025
 * (Fête du travail) → Friday 02/05/2025; Friday 18/04/2025 in
 * Alsace-Moselle (Vendredi saint) → Tuesday 22/04/2025 (Easter Monday
 * between).
 */
export function endOnWorkingDay(lastDay: IsoDate, calendar: WorkingCalendar): IsoDate {
  let day = lastDay;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}
