import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { finalSplit, splitPayment } from '../../src/loan/deferred-interest.js';
import { amortize } from '../../src/loan/schedule.js';
import type { LoanLine } from '../../src/loan/types.js';
import type { IsoDate } from '../../src/calendar/date.js';

const D = (s: string | number) => new Decimal(s);

describe('« intérêts à différer » (article 12)', () => {
  test('interest above the payment: the difference is deferred, nothing is amortised', () => {
    const s = splitPayment(D('26.56'), D('50.00'), D(1000), D(0));
    expect([s.amortisation, s.deferredInterest, s.stockAfter].map((v) => v.toFixed(2))).toEqual(['0.00', '23.44', '23.44']);
  });
  test('a later surplus repays the stock first, then the capital: 92,39 − 51,97 = 40,42 = 39,42 of stock + 1,00 of capital', () => {
    const s = splitPayment(D('92.39'), D('51.97'), D(1000), D('39.42'));
    expect([s.payment, s.amortisation, s.deferredInterest, s.stockAfter].map((v) => v.toFixed(2))).toEqual(['92.39', '1.00', '-39.42', '0.00']);
  });
  test('a payment larger than what is left is cut to what is left', () => {
    const s = splitPayment(D('500'), D('10'), D('100'), D('5'));
    expect([s.payment, s.amortisation, s.deferredInterest].map((v) => v.toFixed(2))).toEqual(['115.00', '100.00', '-5.00']);
  });
  test('rule 4: the last due date repays all the capital and all the stock', () => {
    const s = finalSplit(D('10.89'), D('217.79'), D('3.00'));
    expect([s.payment, s.amortisation, s.deferredInterest, s.stockAfter].map((v) => v.toFixed(2))).toEqual(['231.68', '217.79', '-3.00', '0.00']);
  });
});

describe('a progressive line whose first payments are below the interest', () => {
  // 1 000 € over 20 annual periods at 5 %, progressivity 12 %, fixed rate.
  // Hand computation (40-digit decimals, half-up to the cent at each step):
  // E1 = 26,56; row 1 interest 1 000 × 5 % = 50,00, deferred 23,44, stock 23,44;
  // row 2: E2 = 26,56 × 1,12 = 29,7472 → 29,75; interest 1 023,44 × 5 % = 51,172 → 51,17; deferred 21,42; stock 44,86;
  // row 7: E7 = 26,56 × 1,12^6 = 52,4244… → 52,42; stock rises to 102,19;
  // row 8: E8 = 58,72, interest 55,11: the surplus 3,61 repays the stock (98,58 left);
  // row 12: E12 = 92,39, interest 51,97: 39,42 clears the stock, 1,00 of capital;
  // row 20: capital 217,79 + interest 10,89 = 228,68.
  const line: LoanLine = {
    lineId: 'P',
    principal: D(1000),
    firstDueDate: '2030-01-15' as IsoDate,
    periods: 20,
    periodMonths: 12,
    index: 'none',
    marginPct: D(0),
    ratePct: D(5),
    revision: 'none',
    progressivityPct: D(12),
    progressivityFloorPct: D(0),
    profile: 'payment_priority',
    interestMode: 'equivalent',
    dayCount: '30/360',
    prefinancingMonths: 0,
  };
  const rows = amortize(line).rows.map((r) => [r.payment, r.amortisation, r.interest, r.deferredInterest, r.capitalAfter, r.deferredStock].map((v) => v.toFixed(2)));
  test('rows 1, 2, 7, 8, 12, 13 and 20', () => {
    expect(rows[0]).toEqual(['26.56', '0.00', '50.00', '23.44', '1000.00', '23.44']);
    expect(rows[1]).toEqual(['29.75', '0.00', '51.17', '21.42', '1000.00', '44.86']);
    expect(rows[6]).toEqual(['52.42', '0.00', '54.98', '2.56', '1000.00', '102.19']);
    expect(rows[7]).toEqual(['58.72', '0.00', '55.11', '-3.61', '1000.00', '98.58']);
    expect(rows[11]).toEqual(['92.39', '1.00', '51.97', '-39.42', '999.00', '0.00']);
    expect(rows[12]).toEqual(['103.48', '53.53', '49.95', '0.00', '945.47', '0.00']);
    expect(rows[19]).toEqual(['228.68', '217.79', '10.89', '0.00', '0.00', '0.00']);
  });
});
