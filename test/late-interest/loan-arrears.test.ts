import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, roundToCent } from '../../src/money/decimal.js';
import { type Arrear, type ArrearPayment, type ArrearResult, arrearInterest } from '../../src/late-interest/loan-arrears.js';
import { addDays, daysBetween, isoDate } from '../../src/calendar/date.js';
import type { RateHistory } from '../../src/rates/history.js';
import { d, flatHistory, livretA } from './histories.js';

const arrear = (amountDue: string, dueDate: string, payments: ArrearPayment[] = []): Arrear => ({ lineId: 'L', dueDate: d(dueDate), amountDue: new Decimal(amountDue), payments });
const pay = (date: string, amount?: string): ArrearPayment => (amount === undefined ? { date: d(date) } : { date: d(date), amount: new Decimal(amount) });

function compute(a: Arrear, history: RateHistory = livretA, asOf?: string): ArrearResult {
  const o = arrearInterest(a, history, asOf === undefined ? undefined : d(asOf));
  if (!o.ok) throw new Error(o.message);
  return o.result;
}

/** from, to, days, Livret A %, rate %, base, interest, capitalised, paid, base after, interest unpaid after, events */
const rows = (r: ArrearResult) =>
  r.periods.map((p) => [
    p.from, p.to, p.days, p.indexPct.toFixed(2), p.ratePct.toFixed(2), p.base.toFixed(2), p.interest.toFixed(2),
    p.capitalised.toFixed(2), p.paid.toFixed(2), p.baseAfter.toFixed(2), p.interestUnpaidAfter.toFixed(2), p.events.join('+'),
  ]);

describe('CDC arrears: worked cases (Livret A + 6 points, exact days / 365, capitalised each year)', () => {
  test('10 000 € due 15/01/2025, unpaid at 01/03/2026: across three Livret A changes and the anniversary 15/01/2026', () => {
    // 15/01 → 01/02/2025, 17 d at 3,0 + 6 = 9 %: 10 000 × 0,09 × 17 / 365 = 41,917… → 41,92
    // 01/02 → 01/08/2025, 181 d at 2,4 + 6 = 8,4 %: 10 000 × 0,084 × 181 / 365 = 416,547… → 416,55
    // 01/08/2025 → 15/01/2026, 167 d at 1,7 + 6 = 7,7 %: 10 000 × 0,077 × 167 / 365 = 352,301… → 352,30
    //   anniversary: 41,92 + 416,55 + 352,30 = 810,77 capitalised (C. civ. 1343-2) → base 10 810,77
    // 15/01 → 01/02/2026, 17 d at 7,7 %: 10 810,77 × 0,077 × 17 / 365 = 38,770… → 38,77
    // 01/02 → 01/03/2026, 28 d at 1,5 + 6 = 7,5 %: 10 810,77 × 0,075 × 28 / 365 = 62,198… → 62,20
    const r = compute(arrear('10000', '2025-01-15'), livretA, '2026-03-01');
    expect(rows(r)).toEqual([
      ['2025-01-15', '2025-02-01', 17, '3.00', '9.00', '10000.00', '41.92', '0.00', '0.00', '10000.00', '41.92', 'livret_a_change'],
      ['2025-02-01', '2025-08-01', 181, '2.40', '8.40', '10000.00', '416.55', '0.00', '0.00', '10000.00', '458.47', 'livret_a_change'],
      ['2025-08-01', '2026-01-15', 167, '1.70', '7.70', '10000.00', '352.30', '810.77', '0.00', '10810.77', '0.00', 'anniversary'],
      ['2026-01-15', '2026-02-01', 17, '1.70', '7.70', '10810.77', '38.77', '0.00', '0.00', '10810.77', '38.77', 'livret_a_change'],
      ['2026-02-01', '2026-03-01', 28, '1.50', '7.50', '10810.77', '62.20', '0.00', '0.00', '10810.77', '100.97', 'as_of'],
    ]);
    expect(r.totalInterest.toFixed(2)).toBe('911.74');
    expect(r.totalCapitalised.toFixed(2)).toBe('810.77');
    expect(r.settledOn).toBeUndefined();
    expect(r.outstandingBase.plus(r.outstandingInterest).toFixed(2)).toBe('10911.74');
  });

  test('the bundled example EX-1: 30 214,17 € due 29/10/2024, 10 000 € paid 15/03/2025 (interest first, C. civ. 1343-1), balance paid 15/01/2026', () => {
    // 29/10/2024 → 01/02/2025, 95 d at 9 %: 30 214,17 × 0,09 × 95 / 365 = 707,756… → 707,76
    // 01/02 → 15/03/2025, 42 d at 8,4 %: 30 214,17 × 0,084 × 42 / 365 = 292,042… → 292,04; unpaid interest 999,80
    //   payment 10 000: 999,80 to interest, 9 000,20 to capital → base 21 213,97
    // 15/03 → 01/08/2025, 139 d at 8,4 %: 21 213,97 × 0,084 × 139 / 365 = 678,614… → 678,61
    // 01/08 → 29/10/2025, 89 d at 7,7 %: 21 213,97 × 0,077 × 89 / 365 = 398,299… → 398,30
    //   anniversary: 678,61 + 398,30 = 1 076,91 capitalised → base 22 290,88
    // 29/10/2025 → 15/01/2026, 78 d at 7,7 %: 22 290,88 × 0,077 × 78 / 365 = 366,791… → 366,79
    //   balance paid: 22 290,88 + 366,79 = 22 657,67
    const r = compute(arrear('30214.17', '2024-10-29', [pay('2025-03-15', '10000'), pay('2026-01-15')]));
    expect(rows(r)).toEqual([
      ['2024-10-29', '2025-02-01', 95, '3.00', '9.00', '30214.17', '707.76', '0.00', '0.00', '30214.17', '707.76', 'livret_a_change'],
      ['2025-02-01', '2025-03-15', 42, '2.40', '8.40', '30214.17', '292.04', '0.00', '10000.00', '21213.97', '0.00', 'payment'],
      ['2025-03-15', '2025-08-01', 139, '2.40', '8.40', '21213.97', '678.61', '0.00', '0.00', '21213.97', '678.61', 'livret_a_change'],
      ['2025-08-01', '2025-10-29', 89, '1.70', '7.70', '21213.97', '398.30', '1076.91', '0.00', '22290.88', '0.00', 'anniversary'],
      ['2025-10-29', '2026-01-15', 78, '1.70', '7.70', '22290.88', '366.79', '0.00', '22657.67', '0.00', '0.00', 'payment+settled'],
    ]);
    expect(r.periods[1]!.paidToInterest.toFixed(2)).toBe('999.80');
    expect(r.periods[1]!.paidToCapital.toFixed(2)).toBe('9000.20');
    expect(r.settledOn).toBe('2026-01-15');
    expect(r.totalInterest.toFixed(2)).toBe('2443.50'); // 707,76 + 292,04 + 678,61 + 398,30 + 366,79
    expect(r.totalPaid.toFixed(2)).toBe('32657.67'); // 30 214,17 + 2 443,50
  });

  test('two anniversaries at a flat 4 % + 6 = 10 %: 1 000,00 then 1 100,00 (interest on capitalised interest); 366 days in a leap year count', () => {
    // 01/03/2025 → 01/03/2026: 365 d, 10 000 × 0,1 = 1 000,00 → base 11 000; → 01/03/2027: 11 000 × 0,1 = 1 100,00 → base 12 100
    const r = compute(arrear('10000', '2025-03-01'), flatHistory('4'), '2027-03-01');
    expect(r.periods.map((p) => [p.days, p.interest.toFixed(2), p.capitalised.toFixed(2), p.baseAfter.toFixed(2), p.events.join('+')])).toEqual([
      [365, '1000.00', '1000.00', '11000.00', 'anniversary'],
      [365, '1100.00', '1100.00', '12100.00', 'anniversary+as_of'],
    ]);
    // 01/03/2023 → 01/03/2024 holds 29/02/2024: 10 000 × 0,1 × 366 / 365 = 1 002,739… → 1 002,74
    expect(compute(arrear('10000', '2023-03-01'), flatHistory('4'), '2024-03-01').totalInterest.toFixed(2)).toBe('1002.74');
  });

  test('due on 29/02/2024: the anniversary falls on 28/02/2025 (no 29 February), 365 days', () => {
    // 10 000 × 10 % × 365 / 365 = 1 000,00 capitalised on 28/02/2025
    const r = compute(arrear('10000', '2024-02-29'), flatHistory('4'), '2025-03-01');
    expect(r.periods.map((p) => [p.to, p.days, p.capitalised.toFixed(2)])).toEqual([['2025-02-28', 365, '1000.00'], ['2025-03-01', 1, '0.00']]);
  });

  test('a payment smaller than the interest goes wholly to interest: the base is unchanged', () => {
    // 01/03 → 31/03/2025, 30 d at 10 %: 10 000 × 0,1 × 30 / 365 = 82,191… → 82,19; 50 paid → 32,19 interest left, base 10 000
    const r = compute(arrear('10000', '2025-03-01', [pay('2025-03-31', '50')]), flatHistory('4'), '2025-04-30');
    expect(r.periods[0]!.interest.toFixed(2)).toBe('82.19');
    expect([r.periods[0]!.paidToInterest.toFixed(2), r.periods[0]!.baseAfter.toFixed(2), r.periods[0]!.interestUnpaidAfter.toFixed(2)]).toEqual(['50.00', '10000.00', '32.19']);
    // 31/03 → 30/04, 30 d on 10 000 again: 82,19; interest owed 32,19 + 82,19 = 114,38
    expect(r.outstandingInterest.toFixed(2)).toBe('114.38');
  });

  test('paid on the due date: no interest; partial payment on the due date lowers the base from day one', () => {
    const full = compute(arrear('5000', '2025-03-01', [pay('2025-03-01')]), flatHistory('4'));
    expect(full.totalInterest.toFixed(2)).toBe('0.00');
    expect(full.settledOn).toBe('2025-03-01');
    // 2 000 paid at once, 3 000 bears 10 % for 73 d: 3 000 × 0,1 × 73 / 365 = 60,00
    const part = compute(arrear('5000', '2025-03-01', [pay('2025-03-01', '2000'), pay('2025-05-13')]), flatHistory('4'));
    expect(part.totalInterest.toFixed(2)).toBe('60.00');
    expect(part.totalPaid.toFixed(2)).toBe('5060.00');
  });

  test('payments after --as-of are not taken', () => {
    const r = compute(arrear('10000', '2025-03-01', [pay('2025-06-01')]), flatHistory('4'), '2025-03-31');
    expect(r.totalPaid.toFixed(2)).toBe('0.00');
    expect(r.totalInterest.toFixed(2)).toBe('82.19');
  });

  test('what cannot be computed says why', () => {
    const why = (a: Arrear, asOf?: string) => {
      const o = arrearInterest(a, livretA, asOf === undefined ? undefined : d(asOf));
      return o.ok ? 'ok' : `${o.kind}: ${o.message}`;
    };
    expect(why(arrear('100', '2021-06-01'), '2025-01-01')).toMatch(/^before_history: due date 01\/06\/2021 is before the Livret A history starts \(01\/02\/2022\)/);
    expect(why(arrear('100', '2025-06-01', [pay('2025-05-31')]))).toMatch(/^payment_before_due/);
    expect(why(arrear('100', '2025-06-01', [pay('2025-06-10', '50')]))).toMatch(/^unsettled: 50\.\d\d still owed after the last payment \(10\/06\/2025\)/);
    expect(why(arrear('100', '2025-06-01', [pay('2025-06-10', '200')]))).toMatch(/^overpaid: payment of 200\.00 on 10\/06\/2025 exceeds the 100\.\d\d owed/);
    expect(why(arrear('100', '2025-06-01', [pay('2025-06-10'), pay('2025-06-20', '1')]))).toMatch(/^after_settled/);
    expect(why(arrear('100', '2025-06-01'), '2025-05-01')).toMatch(/^as_of_before_due/);
  });
});

const dateArb = fc.date({ min: new Date('2022-02-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((t) => isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()));
const amountArb = fc.bigInt({ min: 1n, max: 10_000_000_00n }).map((c) => new Decimal(c.toString()).div(100));
const paymentsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 1, max: 40 })), { maxLength: 5 });

describe('invariants', () => {
  test.prop([amountArb, dateArb, paymentsArb, fc.integer({ min: 0, max: 1500 })])(
    'nothing is lost: amount due + interest = paid + base still owed + interest still owed; sub-periods are contiguous',
    (amount, due, parts, horizon) => {
      // Each payment is a share (in 40ths) of the amount due; the balance may stay owed at the horizon.
      const payments = parts
        .filter(([day]) => day <= horizon)
        .map(([day, share]) => ({ date: addDays(due, day), amount: roundToCent(amount.times(share).div(400)) }))
        .filter((p) => p.amount.greaterThan(0));
      const o = arrearInterest({ lineId: 'P', dueDate: due, amountDue: amount, payments }, livretA, addDays(due, horizon));
      if (!o.ok) {
        expect(o.kind).toBe('after_settled'); // small shares never overpay, but can follow a settlement
        return;
      }
      const r = o.result;
      expect(amount.plus(r.totalInterest).equals(r.totalPaid.plus(r.outstandingBase).plus(r.outstandingInterest))).toBe(true);
      expect(r.periods[0]!.from).toBe(due);
      for (let i = 1; i < r.periods.length; i++) expect(r.periods[i]!.from).toBe(r.periods[i - 1]!.to);
      expect(r.periods.reduce((s, p) => s + p.days, 0)).toBe(daysBetween(due, r.computedTo));
      for (const p of r.periods) expect(p.ratePct.equals(p.indexPct.plus(6))).toBe(true);
    },
  );
  test.prop([amountArb, dateArb, fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 1200 })])(
    'with no payment, interest never decreases when the date of computation is later',
    (amount, due, a, b) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      const at = (k: number) => compute({ lineId: 'P', dueDate: due, amountDue: amount, payments: [] }, livretA, addDays(due, k)).totalInterest;
      expect(at(early).lessThanOrEqualTo(at(late))).toBe(true);
    },
  );
  test.prop([amountArb, dateArb, fc.integer({ min: 0, max: 364 }), fc.constantFrom('0.5', '1.7', '3')])(
    'within the first year at one rate, interest is simple: amount × (index + 6) % × days / 365, rounded once, nothing capitalised',
    (amount, due, days, index) => {
      // The first anniversary is 365 or 366 days after the due date: 364 days never reach it.
      const r = compute({ lineId: 'P', dueDate: due, amountDue: amount, payments: [] }, flatHistory(index), addDays(due, days));
      expect(r.totalInterest.equals(roundToCent(amount.times(new Decimal(index).plus(6)).div(100).times(days).div(365)))).toBe(true);
      expect(r.totalCapitalised.isZero()).toBe(true);
    },
  );
  test.prop([amountArb, dateArb, fc.integer({ min: 1, max: 1500 })])('settled in full: paid = amount due + all interest', (amount, due, day) => {
    const r = compute({ lineId: 'P', dueDate: due, amountDue: amount, payments: [{ date: addDays(due, day) }] });
    expect(r.settledOn).toBe(addDays(due, day));
    expect(r.totalPaid.equals(amount.plus(r.totalInterest))).toBe(true);
  });
});
