import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { addDays, addMonths, daysBetween, isoDate, parseDate, toFrenchDate, ymd, type IsoDate } from '../../src/calendar/date.js';
import { countDays } from '../../src/calendar/day-count.js';

const d = (s: string) => s as IsoDate;

describe('dates', () => {
  test('ISO and French forms; impossible dates refused', () => {
    expect(parseDate('2026-10-29')).toBe('2026-10-29');
    expect(parseDate('29/10/2026')).toBe('2026-10-29');
    expect(parseDate('1/2/2026')).toBe('2026-02-01');
    expect(parseDate('31/02/2026')).toBeUndefined();
    expect(parseDate('2025-02-29')).toBeUndefined();
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2026-13-01')).toBeUndefined();
    expect(parseDate('29.10.2026')).toBeUndefined();
    expect(toFrenchDate(d('2026-10-29'))).toBe('29/10/2026');
  });
  test.each([
    ['1900-01-01', 1900, 1, 1],
    ['2026-10-29', 2026, 10, 29],
    ['2199-12-31', 2199, 12, 31],
    ['2024-02-29', 2024, 2, 29],
  ] as const)('ymd(%s): year %i, month %i, day %i', (date, year, month, day) => {
    expect(ymd(d(date))).toEqual({ year, month, day });
  });
  prop.prop([fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })])('ymd reads back what isoDate writes', (t) => {
    const [year, month, day] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
    expect(ymd(isoDate(year, month, day))).toEqual({ year, month, day });
  });

  test('adding months keeps the day or falls back to the month’s end', () => {
    expect(addMonths(d('2026-10-29'), 12)).toBe('2027-10-29');
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(d('2026-10-29'), -12)).toBe('2025-10-29');
  });
  test('exact days, across a daylight-saving change and a leap day', () => {
    expect(daysBetween(d('2025-03-01'), d('2025-04-01'))).toBe(31);
    expect(daysBetween(d('2024-02-28'), d('2024-03-01'))).toBe(2);
    expect(daysBetween(d('2025-01-02'), d('2025-02-01'))).toBe(30);
    expect(addDays(d('2025-01-02'), 30)).toBe('2025-02-01');
  });
  test('30/360 counts 30 days a month', () => {
    expect(countDays('30/360', d('2025-10-29'), d('2026-10-29'))).toBe(360);
    expect(countDays('30/360', d('2026-01-31'), d('2026-02-28'))).toBe(28);
    expect(countDays('30/360', d('2026-04-29'), d('2026-10-29'))).toBe(180);
    expect(countDays('actual/365', d('2025-01-01'), d('2025-07-01'))).toBe(181);
  });
  const dateArb = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((x) => isoDate(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()));
  prop.prop([dateArb, fc.integer({ min: -20000, max: 20000 })])('addDays and daysBetween agree', (a, n) => {
    expect(daysBetween(a, addDays(a, n))).toBe(n);
  });
});

describe('our date arithmetic agrees with date-fns (the oracle)', async () => {
  const fns = await import('date-fns');
  const dateArb = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((x) => isoDate(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate()));
  const local = (s: IsoDate) => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  prop.prop([dateArb, fc.integer({ min: -600, max: 600 })])('addMonths', (a, n) => {
    const r = fns.addMonths(local(a), n);
    expect(addMonths(a, n)).toBe(isoDate(r.getFullYear(), r.getMonth() + 1, r.getDate()));
  });
  prop.prop([dateArb, dateArb])('daysBetween', (a, b) => {
    expect(daysBetween(a, b)).toBe(fns.differenceInCalendarDays(local(b), local(a)));
  });
});

describe('parseDate: an ISO date taken as it is, the same reading as the general one', () => {
  test.each([
    ['1900-01-01', '1900-01-01'],
    ['2199-12-31', '2199-12-31'],
    ['1899-12-31', undefined], // out of finloc's range
    ['2200-01-01', undefined],
    ['2023-02-29', undefined],
    ['2024-02-29', '2024-02-29'],
    ['2023-00-10', undefined],
    ['2023-1a-10', undefined],
    ['2023/01/10', undefined],
  ])('%s: %s', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });
  // Spaces around a cell are trimmed by the general reading: the plain one never takes them.
  const digit = fc.constantFrom('0', '1', '2', '3', '9');
  const cell = fc.oneof(
    fc.tuple(fc.constantFrom('19', '20', '21', '22', '18'), digit, digit, fc.constantFrom('0', '1'), digit, fc.constantFrom('0', '1', '2', '3'), digit).map(([c, y1, y2, m1, m2, d1, d2]) => `${c}${y1}${y2}-${m1}${m2}-${d1}${d2}`),
    fc.array(fc.constantFrom('0', '1', '2', '9', '-', '/', ' ', 'a'), { minLength: 8, maxLength: 11 }).map((chars) => chars.join('')),
  );
  prop.prop([cell], { numRuns: 5000 })('any text shaped like a date: the same reading with and without spaces around', (text) => {
    expect(parseDate(text)).toBe(parseDate(` ${text} `));
  });
});
