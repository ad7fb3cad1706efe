import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { revisedRates } from '../../src/loan/revision.js';
import { amortize } from '../../src/loan/schedule.js';
import { makeRateHistory } from '../../src/rates/history.js';
import type { LoanLine } from '../../src/loan/types.js';
import type { IsoDate } from '../../src/calendar/date.js';

const D = (s: string | number) => new Decimal(s);
const base: LoanLine = {
  lineId: 'R',
  principal: D(100000),
  firstDueDate: '2026-03-01' as IsoDate,
  periods: 3,
  periodMonths: 12,
  index: 'livret_a',
  marginPct: D('0.6'),
  ratePct: D('2.3'),
  revision: 'DL',
  progressivityPct: D('0.5'),
  progressivityFloorPct: D(0),
  profile: 'payment_priority',
  interestMode: 'equivalent',
  dayCount: '30/360',
  prefinancingMonths: 0,
};

describe('rule 5: revisions (article 10)', () => {
  test("I' = T + M: 3,0 + 0,6 = 3,6 %; P' = 1,036 × 1,005 / 1,023 − 1 = 1,7771… %", () => {
    const r = revisedRates(base, D('3.0'));
    expect(r.rate.toFixed()).toBe('0.036');
    expect(r.progressivity.toDecimalPlaces(12).toFixed()).toBe('0.017771260997');
  });
  test("DL floors P': T = 0,5 gives I' = 1,1 % and P' = 1,011 × 1,005 / 1,023 − 1 = −0,6789 %, floored at 0 %", () => {
    expect(revisedRates(base, D('0.5')).progressivity.toFixed()).toBe('0');
    expect(revisedRates({ ...base, revision: 'DR' }, D('0.5')).progressivity.toDecimalPlaces(12).toFixed()).toBe('-0.006788856305');
    expect(revisedRates({ ...base, revision: 'DL', progressivityFloorPct: D('-0.5') }, D('0.5')).progressivity.toFixed()).toBe('-0.005');
  });
  test('SR keeps P', () => {
    expect(revisedRates({ ...base, revision: 'SR' }, D('0.5')).progressivity.toFixed()).toBe('0.005');
  });
  test("I' is never negative: T = 0,25 and M = −1 give 0 %", () => {
    expect(revisedRates({ ...base, marginPct: D(-1) }, D('0.25')).rate.toFixed()).toBe('0');
  });
  test('a change of index recomputes the payment from capital plus stock over the remaining due dates', () => {
    // Index 1,7 % until 2027-02-01, then 3,0 %; margin 0,6 %; SR, P = 0. 100 000 € over 3 annual due dates.
    // Row 1 (2026-03-01, I' = 2,3 %): E = 100 000 × 0,023/(1 − 1,023^−3) = 34 878,2881… → 34 878,29;
    //   interest 2 300,00; amortisation 32 578,29; capital 67 421,71.
    // Row 2 (2027-03-01, I' = 3,6 %): recomputed over 2 due dates: 67 421,71 × 0,036/(1 − 1,036^−2) = 35 541,9704… → 35 541,97;
    //   interest 67 421,71 × 0,036 = 2 427,18156 → 2 427,18; amortisation 33 114,79; capital 34 306,92.
    // Row 3: interest 34 306,92 × 0,036 = 1 235,04912 → 1 235,05; payment 34 306,92 + 1 235,05 = 35 541,97.
    const index = makeRateHistory('Livret A', [
      { effectiveDate: '2020-01-01' as IsoDate, ratePct: D('1.7') },
      { effectiveDate: '2027-02-01' as IsoDate, ratePct: D('3.0') },
    ]);
    const s = amortize({ ...base, revision: 'SR', progressivityPct: D(0) }, { index });
    expect(s.rows.map((r) => [r.ratePct.toFixed(2), r.payment.toFixed(2), r.interest.toFixed(2), r.amortisation.toFixed(2), r.capitalAfter.toFixed(2)])).toEqual([
      ['2.30', '34878.29', '2300.00', '32578.29', '67421.71'],
      ['3.60', '35541.97', '2427.18', '33114.79', '34306.92'],
      ['3.60', '35541.97', '1235.05', '34306.92', '0.00'],
    ]);
  });
});
