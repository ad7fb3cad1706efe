import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { semesterLabel, semesterOf, semesterRate, semesterStart } from '../../src/late-interest/semester-rate.js';
import { addDays, isoDate } from '../../src/calendar/date.js';
import { d, ecb } from './histories.js';

const rate = (date: string) => semesterRate(ecb, d(date))!;

describe('the semester rate: ECB rate in force on 1 January or 1 July + 8 points', () => {
  test('2025-S1: on 01/01/2025 the rate is 3,15 % (decision of 18/12/2024) → 11,15 %', () => {
    const r = rate('2025-02-02');
    expect(semesterLabel(r.semester)).toBe('2025-S1');
    expect(r.ecbRatePct.toFixed(2)).toBe('3.15');
    expect(r.ecbEffectiveDate).toBe('2024-12-18');
    expect(r.ratePct.toFixed(2)).toBe('11.15');
    expect(r.projected).toBe(false);
  });
  test('2025-S1 keeps 11,15 % although the ECB cut to 2,90 % on 05/02/2025: the first day of the semester rules', () => {
    expect(rate('2025-06-30').ratePct.toFixed(2)).toBe('11.15');
  });
  test('2025-S2: on 01/07/2025 the rate is 2,15 % (11/06/2025) → 10,15 %', () => {
    expect(rate('2025-07-01').ratePct.toFixed(2)).toBe('10.15');
  });
  test('2024-S2: 4,25 % (12/06/2024) → 12,25 %; 2024-S1: 4,50 % (20/09/2023) → 12,50 %', () => {
    expect(rate('2024-12-31').ratePct.toFixed(2)).toBe('12.25');
    expect(rate('2024-01-01').ratePct.toFixed(2)).toBe('12.50');
  });
  test('2022-S2: 0,00 % on 01/07/2022 (the 27/07/2022 rise comes later) → 8,00 %', () => {
    expect(rate('2022-09-30').ratePct.toFixed(2)).toBe('8.00');
  });
  test('2026-S1 is known (rate unchanged at the 05/02/2026 decision): 2,15 % → 10,15 %, not projected; 2026-S2 is held, projected', () => {
    expect(rate('2026-03-01').projected).toBe(false);
    expect(rate('2026-03-01').ratePct.toFixed(2)).toBe('10.15');
    expect(rate('2026-07-01').projected).toBe(true);
    expect(rate('2026-07-01').ratePct.toFixed(2)).toBe('10.15');
  });
  test('a semester starting before the history (2011-S2, 01/07/2011 < 14/12/2011) has no rate', () => {
    expect(semesterRate(ecb, d('2011-12-20'))).toBeUndefined();
    expect(rate('2012-01-01').ratePct.toFixed(2)).toBe('9.00');
  });

  const dateArb = fc.date({ min: new Date('2012-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((t) => isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()));

  test.prop([dateArb, fc.integer({ min: 0, max: 183 })])('the rate is constant inside a semester: any day gives the rate of its first day', (date, shift) => {
    const other = addDays(semesterStart(semesterOf(date)), shift);
    const r = rate(date);
    expect(r.ratePct.equals(rate(semesterStart(r.semester)).ratePct)).toBe(true);
    if (semesterLabel(semesterOf(other)) === semesterLabel(r.semester)) expect(rate(other).ratePct.equals(r.ratePct)).toBe(true);
  });
});
