import { describe, expect, test } from 'vitest';
import { easterSunday, publicHolidays } from '../../src/calendar/public-holidays.js';

describe('easterSunday (Gregorian computus)', () => {
  // Published Easter dates (any almanac): the two extremes of the cycle (22 March 1818, 25 April 1943 and 2038) and recent years.
  test.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('publicHolidays', () => {
  test('2025, national: the eleven days of Code du travail L3133-1', () => {
    // Easter 20/04/2025: Monday 21/04, Ascension = Easter + 39 = 29/05, Whit Monday = Easter + 50 = 09/06.
    expect(publicHolidays(2025).map((h) => `${h.date} ${h.name}`)).toEqual([
      "2025-01-01 Jour de l'an",
      '2025-04-21 Lundi de Pâques',
      '2025-05-01 Fête du travail',
      '2025-05-08 Victoire 1945',
      '2025-05-29 Ascension',
      '2025-06-09 Lundi de Pentecôte',
      '2025-07-14 Fête nationale',
      '2025-08-15 Assomption',
      '2025-11-01 Toussaint',
      '2025-11-11 Armistice 1918',
      '2025-12-25 Noël',
    ]);
  });
  test('Alsace-Moselle adds Good Friday (Easter − 2) and 26 December (Code du travail L3134-13)', () => {
    const extra = publicHolidays(2025, 'alsace-moselle').filter((h) => !publicHolidays(2025).some((n) => n.date === h.date));
    expect(extra.map((h) => `${h.date} ${h.name}`)).toEqual(['2025-04-18 Vendredi saint', '2025-12-26 Saint-Étienne']);
  });
  test('2008: Ascension and 1 May fall on the same Thursday; both are listed', () => {
    // Easter 23/03/2008 + 39 = 01/05/2008.
    expect(publicHolidays(2008).filter((h) => h.date === '2008-05-01').map((h) => h.name)).toEqual(['Fête du travail', 'Ascension']);
  });
});
