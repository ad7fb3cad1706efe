import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { addDays, daysBetween, isoDate } from '../../src/calendar/date.js';
import { isWorkingDay, nonWorkingReason, workingCalendar } from '../../src/calendar/working-day.js';
import { publicHolidays } from '../../src/calendar/public-holidays.js';
import { paymentDeadline, paymentDelay } from '../../src/late-interest/procurement-deadline.js';

const dateArb = fc
  .date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true })
  .map((t) => isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()));
const regimeArb = fc.constantFrom('national' as const, 'alsace-moselle' as const);

describe('the working-day end of a payment period', () => {
  test.prop([dateArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 365 }), fc.integer({ min: 0, max: 200 }), regimeArb])(
    'the deadline is a working day (never Saturday, Sunday or holiday), at most 4 days after the calendar one, and every day between is not worked',
    (start, days, suspension, after, regime) => {
      const calendar = workingCalendar(regime);
      const r = paymentDelay(start, addDays(start, after), days, suspension, calendar);
      const nominal = paymentDeadline(start, days, suspension);
      expect(r.nominalDeadline).toBe(nominal);
      expect(isWorkingDay(r.deadline, calendar)).toBe(true);
      const { year } = { year: Number(r.deadline.slice(0, 4)) };
      expect(publicHolidays(year, regime).some((h) => h.date === r.deadline)).toBe(false);
      const weekday = new Date(`${r.deadline}T00:00:00Z`).getUTCDay();
      expect(weekday === 0 || weekday === 6).toBe(false);
      const moved = daysBetween(nominal, r.deadline);
      expect(moved).toBeGreaterThanOrEqual(0);
      expect(moved).toBeLessThanOrEqual(4);
      for (let k = 0; k < moved; k++) expect(nonWorkingReason(addDays(nominal, k), calendar)).toBeDefined();
      expect(r.extendedBecause === undefined).toBe(moved === 0);
    },
  );

  test.prop([dateArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 365 }), fc.integer({ min: 0, max: 400 })])(
    'on calendar days (--calendar-days) the figures are those of the former rule: deadline = start + period + suspension, days late = paid − deadline',
    (start, days, suspension, after) => {
      const paid = addDays(start, after);
      const r = paymentDelay(start, paid, days, suspension);
      // The former rule, written out: no extension.
      const deadline = addDays(start, days + suspension);
      const daysLate = Math.max(0, daysBetween(deadline, paid));
      expect(r).toEqual({ nominalDeadline: deadline, deadline, extendedBecause: undefined, interestStart: daysLate > 0 ? addDays(deadline, 1) : undefined, daysLate });
    },
  );
});
