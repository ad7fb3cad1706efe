import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { paymentDeadline, paymentDelay } from '../../src/late-interest/procurement-deadline.js';
import { addDays, daysBetween, isoDate } from '../../src/calendar/date.js';
import { d } from './histories.js';

describe('deadline, first day of interest, days late (calendar days: no working calendar given)', () => {
  test('issue 4 worked case: received 02/01/2025 + 30 days → deadline 01/02/2025; paid 03/03/2025 → interest from 02/02/2025, 30 days (28 in February)', () => {
    expect(paymentDelay(d('2025-01-02'), d('2025-03-03'), 30)).toEqual({ nominalDeadline: '2025-02-01', deadline: '2025-02-01', extendedBecause: undefined, interestStart: '2025-02-02', daysLate: 30 });
  });
  test('paid on the deadline day: on time, no interest', () => {
    expect(paymentDelay(d('2025-03-03'), d('2025-04-02'), 30)).toEqual({ nominalDeadline: '2025-04-02', deadline: '2025-04-02', extendedBecause: undefined, interestStart: undefined, daysLate: 0 });
  });
  test('paid the day after the deadline: one day of interest, starting that day', () => {
    expect(paymentDelay(d('2025-03-03'), d('2025-04-03'), 30)).toEqual({ nominalDeadline: '2025-04-02', deadline: '2025-04-02', extendedBecause: undefined, interestStart: '2025-04-03', daysLate: 1 });
  });
  test('a suspension adds its days: 15/09/2025 + 30 + 10 = 25/10/2025', () => {
    expect(paymentDeadline(d('2025-09-15'), 30, 10)).toBe('2025-10-25');
  });
  test('a public health establishment (50 days): 20/10/2025 + 50 = 09/12/2025', () => {
    expect(paymentDeadline(d('2025-10-20'), 50)).toBe('2025-12-09');
  });
  test('a leap year: received 15/02/2024, 30 days → 16/03/2024 (29 February counts)', () => {
    expect(paymentDeadline(d('2024-02-15'), 30)).toBe('2024-03-16');
  });

  const dateArb = fc.date({ min: new Date('2012-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((t) => isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()));

  test.prop([dateArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 400 })])(
    'days late = paid − deadline when late, else 0; interest starts the day after the deadline',
    (received, days, suspension, after) => {
      const paid = addDays(received, after);
      const r = paymentDelay(received, paid, days, suspension);
      expect(daysBetween(received, r.deadline)).toBe(days + suspension);
      expect(r.daysLate).toBe(Math.max(0, daysBetween(r.deadline, paid)));
      expect(r.interestStart).toBe(r.daysLate > 0 ? addDays(r.deadline, 1) : undefined);
    },
  );
});
