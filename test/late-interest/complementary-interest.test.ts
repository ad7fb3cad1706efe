import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import type { IsoDate } from '../../src/calendar/date.js';
import { makeRateHistory } from '../../src/rates/history.js';
import { workingCalendar } from '../../src/calendar/working-day.js';
import { complementaryInterest } from '../../src/late-interest/complementary-interest.js';
import { procurementInterest } from '../../src/late-interest/procurement-interest.js';
import { invoiceProblems } from '../../src/late-interest/input.js';
import { d, ecb } from './histories.js';

// The legal interest rate, « tous les autres cas » (a creditor acting for its business), 2025 (arrêtés of 17/12/2024 and 19/06/2025).
const legal = makeRateHistory('legal interest rate', [
  { effectiveDate: '2025-01-01' as IsoDate, ratePct: new Decimal('3.71') },
  { effectiveDate: '2025-07-01' as IsoDate, ratePct: new Decimal('2.76') },
], '2025-12-31' as IsoDate);

describe('complementary interest: interest and indemnity paid more than 45 days after the principal (CCP R2192-36)', () => {
  test('paid within the 45 days: nothing', () => {
    // Principal paid 03/03/2025: limit 03/03 + 45 = 17/04/2025; paid that day.
    const r = complementaryInterest(new Decimal('125.53'), d('2025-03-03'), d('2025-04-17'), legal);
    expect(r).toEqual({ ok: true, result: { limit: '2025-04-17', start: undefined, days: 0, periods: [], interest: new Decimal(0) } });
  });

  test('30 days late in one semester', () => {
    // 18/04 … 17/05/2025 = 13 + 17 = 30 days at 3,71 %: 125,53 × 0,0371 × 30 / 365 = 139,714 89 / 365 = 0,382 7… → 0,38.
    const r = complementaryInterest(new Decimal('125.53'), d('2025-03-03'), d('2025-05-17'), legal);
    expect(r.ok && [r.result.start, r.result.days, r.result.interest.toFixed(2)]).toEqual(['2025-04-18', 30, '0.38']);
  });

  test('across 30 June: each semester at its own rate, rounded once', () => {
    // 18/04 … 30/06 = 13 + 31 + 30 = 74 days at 3,71 %; 01/07 … 16/07 = 16 days at 2,76 %.
    // 125,53 × (0,0371 × 74 + 0,0276 × 16) / 365 = 125,53 × 3,187 / 365 = 400,064 11 / 365 = 1,096 0… → 1,10.
    const r = complementaryInterest(new Decimal('125.53'), d('2025-03-03'), d('2025-07-16'), legal);
    expect(r.ok && r.result.periods.map((p) => [p.from, p.to, p.days, p.ratePct.toFixed(2)])).toEqual([
      ['2025-04-18', '2025-06-30', 74, '3.71'],
      ['2025-07-01', '2025-07-16', 16, '2.76'],
    ]);
    expect(r.ok && r.result.interest.toFixed(2)).toBe('1.10');
  });

  test('a semester the legal rates do not cover is refused, never guessed', () => {
    const r = complementaryInterest(new Decimal('125.53'), d('2025-11-20'), d('2026-02-10'), legal);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('2026-S1') });
  });

  test('on an invoice: the base is the late interest + the indemnity, the total adds it', () => {
    // Received 02/01/2025, 30 days: Saturday 01/02 → Monday 03/02; principal paid 03/03/2025: 28 days at 11,15 %:
    // 10 000 × 0,1115 × 28 / 365 = 31 220 / 365 = 85,534… → 85,53; + 40 = 125,53; interest paid 17/05/2025 → 0,38 (above).
    const r = procurementInterest(
      { invoiceId: 'x', amount: new Decimal(10000), received: d('2025-01-02'), paid: d('2025-03-03'), paymentDays: 30, suspensionDays: 0, interestPaid: d('2025-05-17') },
      ecb,
      { calendar: workingCalendar(), legalRate: legal },
    );
    expect([r.interest.toFixed(2), r.indemnity.toFixed(2), r.complementary?.interest.toFixed(2), r.total.toFixed(2)]).toEqual(['85.53', '40.00', '0.38', '125.91']);
  });

  test('refused: an interest payment before the principal, and a contract notified before 16/03/2013', () => {
    const invoice = { invoiceId: 'x', amount: new Decimal(10000), received: d('2025-01-02'), paid: d('2025-03-03'), paymentDays: 30, suspensionDays: 0 };
    expect(invoiceProblems({ ...invoice, interestPaid: d('2025-03-01') }, ecb, { legalRate: legal })).toEqual([
      { column: 'interest_paid_date', message: "the interest's payment date 01/03/2025 is before the principal's 03/03/2025" },
    ]);
    expect(invoiceProblems({ ...invoice, interestPaid: d('2025-05-17'), notified: d('2012-01-10') }, ecb, { legalRate: legal })).toEqual([
      { column: 'interest_paid_date', message: expect.stringContaining('décret n° 2002-232') },
    ]);
  });
});
