import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { type Invoice, lateInterestAmount, procurementInterest, procurementTotals } from '../../src/late-interest/procurement-interest.js';
import { semesterLabel } from '../../src/late-interest/semester-rate.js';
import { addDays, isoDate } from '../../src/calendar/date.js';
import { d, ecb } from './histories.js';

/** Issue 4's figures are on calendar days (the command's --calendar-days); the default moves a deadline off a weekend or holiday. */
const ON_CALENDAR_DAYS = { calendar: 'calendar-days' } as const;

const invoice = (amount: string, received: string, paid: string, paymentDays = 30, suspensionDays = 0): Invoice => ({
  invoiceId: 'X', amount: new Decimal(amount), received: d(received), paid: d(paid), paymentDays, suspensionDays,
});

describe('worked cases, figures written out', () => {
  test('issue 4: 10 000,00 € TTC received 02/01/2025, paid 03/03/2025 → 11,15 %, 30 days, 91,64 € + 40 € = 131,64 €', () => {
    // 10 000 × 0,1115 × 30 / 365 = 33 450 / 365 = 91,643 8… → 91,64
    const r = procurementInterest(invoice('10000.00', '2025-01-02', '2025-03-03'), ecb, ON_CALENDAR_DAYS);
    expect(r.deadline).toBe('2025-02-01');
    expect(r.interestStart).toBe('2025-02-02');
    expect(r.daysLate).toBe(30);
    expect(r.ratePct!.toFixed(2)).toBe('11.15');
    expect(semesterLabel(r.semester!)).toBe('2025-S1');
    expect(r.interest.toFixed(2)).toBe('91.64');
    expect(r.indemnity.toFixed(2)).toBe('40.00');
    expect(r.total.toFixed(2)).toBe('131.64');
  });
  test('interest starts in 2025-S1 and runs into 2025-S2: the first semester’s 11,15 % applies to the whole delay, not 10,15 %', () => {
    // Received 10/05/2025, deadline 09/06/2025, interest from 10/06/2025; paid 15/07/2025: 21 + 15 = 36 days.
    // 4 800 × 0,1115 × 36 / 365 = 19 267,2 / 365 = 52,786 8… → 52,79 (at 10,15 % it would be 48,05).
    const r = procurementInterest(invoice('4800.00', '2025-05-10', '2025-07-15'), ecb, ON_CALENDAR_DAYS);
    expect(r.daysLate).toBe(36);
    expect(semesterLabel(r.semester!)).toBe('2025-S1');
    expect(r.ratePct!.toFixed(2)).toBe('11.15');
    expect(r.interest.toFixed(2)).toBe('52.79');
    expect(r.total.toFixed(2)).toBe('92.79');
  });
  test('paid on the deadline day: no interest, no indemnity', () => {
    const r = procurementInterest(invoice('25320.50', '2025-03-03', '2025-04-02'), ecb, ON_CALENDAR_DAYS);
    expect(r.late).toBe(false);
    expect(r.daysLate).toBe(0);
    expect(r.interestStart).toBeUndefined();
    expect(r.ratePct).toBeUndefined();
    expect([r.interest, r.indemnity, r.total].map((x) => x.toFixed(2))).toEqual(['0.00', '0.00', '0.00']);
  });
  test('suspension of 10 days, 2025-S2 (2,15 % + 8 = 10,15 %): 1 234,56 × 0,1015 × 26 / 365 = 3 258,003 84 / 365 = 8,926… → 8,93', () => {
    const r = procurementInterest(invoice('1234.56', '2025-09-15', '2025-11-20', 30, 10), ecb, ON_CALENDAR_DAYS);
    expect(r.deadline).toBe('2025-10-25');
    expect(r.daysLate).toBe(26);
    expect(r.interest.toFixed(2)).toBe('8.93');
  });
  test('50 days (health establishment): 87 000 × 0,1015 × 10 / 365 = 88 305 / 365 = 241,931… → 241,93', () => {
    const r = procurementInterest(invoice('87000', '2025-10-20', '2025-12-19', 50), ecb, ON_CALENDAR_DAYS);
    expect(r.daysLate).toBe(10);
    expect(r.interest.toFixed(2)).toBe('241.93');
  });
  test('a leap year still divides by 365: 36 500 × 12,50 % (2024-S1) received 15/01/2024, paid 15/03/2024 → 30 days with 29 February; 136 875 / 365 = 375,00', () => {
    const r = procurementInterest(invoice('36500', '2024-01-15', '2024-03-15'), ecb, ON_CALENDAR_DAYS);
    expect(r.deadline).toBe('2024-02-14');
    expect(r.daysLate).toBe(30);
    expect(r.ratePct!.toFixed(2)).toBe('12.50');
    expect(r.interest.toFixed(2)).toBe('375.00');
  });
  test('a half-cent tie goes up: 730 × 10 % × 1 / 365 = 0,2 exactly; 73 × 12,5 % × 1 / 365 = 0,025 → 0,03', () => {
    expect(lateInterestAmount(new Decimal(730), new Decimal(10), 1).toFixed(2)).toBe('0.20');
    expect(lateInterestAmount(new Decimal(73), new Decimal('12.5'), 1).toFixed(2)).toBe('0.03');
  });
  test('totals: 91,64 + 52,79 + 0 = 144,43 interest; 2 × 40 = 80 indemnity; 224,43', () => {
    const t = procurementTotals([
      procurementInterest(invoice('10000.00', '2025-01-02', '2025-03-03'), ecb, ON_CALENDAR_DAYS),
      procurementInterest(invoice('4800.00', '2025-05-10', '2025-07-15'), ecb, ON_CALENDAR_DAYS),
      procurementInterest(invoice('25320.50', '2025-03-03', '2025-04-02'), ecb, ON_CALENDAR_DAYS),
    ]);
    expect([t.invoices, t.lateInvoices]).toEqual([3, 2]);
    expect([t.interest, t.indemnity, t.total].map((x) => x.toFixed(2))).toEqual(['144.43', '80.00', '224.43']);
  });
  test('a semester after the last known decision holds 2,15 % and is marked projected', () => {
    const r = procurementInterest(invoice('1000', '2026-06-15', '2026-08-14'), ecb, ON_CALENDAR_DAYS);
    expect(semesterLabel(r.semester!)).toBe('2026-S2');
    expect(r.rateProjected).toBe(true);
    expect(r.ratePct!.toFixed(2)).toBe('10.15');
  });
});

const dateArb = fc.date({ min: new Date('2012-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((t) => isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()));
const amountArb = fc.bigInt({ min: 1n, max: 100_000_000_00n }).map((c) => new Decimal(c.toString()).div(100));
const periodArb = fc.constantFrom(30, 50, 60);

describe('invariants', () => {
  test.prop([amountArb, dateArb, periodArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 90 })])(
    'paid on or before the deadline: zero interest, zero indemnity',
    (amount, received, days, suspension, early) => {
      const paid = addDays(received, Math.max(0, days + suspension - early));
      const r = procurementInterest({ invoiceId: 'P', amount, received, paid, paymentDays: days, suspensionDays: suspension }, ecb, ON_CALENDAR_DAYS);
      expect(r.late).toBe(false);
      expect(r.total.isZero()).toBe(true);
    },
  );
  test.prop([amountArb, dateArb, periodArb, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 })])(
    'interest never decreases when payment is later',
    (amount, received, days, a, b) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      const at = (k: number) => procurementInterest({ invoiceId: 'P', amount, received, paid: addDays(received, k), paymentDays: days, suspensionDays: 0 }, ecb, ON_CALENDAR_DAYS);
      expect(at(early).interest.lessThanOrEqualTo(at(late).interest)).toBe(true);
      expect(at(early).total.lessThanOrEqualTo(at(late).total)).toBe(true);
    },
  );
  test.prop([amountArb, amountArb, dateArb, fc.integer({ min: 31, max: 800 })])(
    'linear in the amount up to rounding: I(a + b) is within one cent of I(a) + I(b), and I(k·a) within k/2 + 1/2 cent of k·I(a)',
    (a, b, received, after) => {
      const at = (amount: Decimal) =>
        procurementInterest({ invoiceId: 'P', amount, received, paid: addDays(received, after), paymentDays: 30, suspensionDays: 0 }, ecb, ON_CALENDAR_DAYS).interest;
      expect(at(a.plus(b)).minus(at(a)).minus(at(b)).abs().lessThanOrEqualTo('0.01')).toBe(true);
      for (const k of [2, 3, 10]) expect(at(a.times(k)).minus(at(a).times(k)).abs().lessThanOrEqualTo(new Decimal('0.005').times(k + 1))).toBe(true);
    },
  );
});
