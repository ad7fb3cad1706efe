import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { alertThresholdPct, deficitAlert } from '../../src/budget/deficit-alert.js';
import { resultTable } from '../../src/budget/results.js';
import type { BudgetResults } from '../../src/budget/types.js';
import { SITIV_2023 } from './fixtures.js';

const D = (s: string) => new Decimal(s);

/** A2 = 250 000 − 200 000 − 80 000 = −30 000; A3 = 1 000 000 − 1 050 000 + 10 000 = −40 000; no RAR: A1 + B1 = −70 000. */
function deficitBudget(extra: Partial<BudgetResults> = {}, rarInvestmentExpenditure = '0'): BudgetResults {
  return {
    investment: { expenditure: D('200000'), receipts: D('250000'), carriedOver: D('-80000') },
    operating: { expenditure: D('1050000'), receipts: D('1000000'), carriedOver: D('10000') },
    rarInvestment: { expenditure: D(rarInvestmentExpenditure), receipts: D('0') },
    rarOperating: { expenditure: D('0'), receipts: D('0') },
    ...extra,
  };
}
const alert = (r: BudgetResults) => deficitAlert(r, resultTable(r));

describe('deficit alert (CGCT L1612-14 communes, R1612-31 groupings and other bodies)', () => {
  test('SITIV 2023 closes with a surplus of 282 218,28 restes à réaliser included: no deficit, no alert', () => {
    const a = alert(SITIV_2023);
    expect([a.deficit.toFixed(2), a.ratioPct!.toFixed(2), a.flagged]).toEqual(['0.00', '0.00', false]);
  });
  test('a deficit of 70 000 on 1 000 000 of receipts is 7 %: flagged from 20 000 inhabitants (5 %), not below (10 %)', () => {
    expect(alert(deficitBudget({ population: D('25000') }))).toMatchObject({ flagged: true, populationKnown: true });
    expect(alert(deficitBudget({ population: D('25000') })).thresholdPct.toFixed()).toBe('5');
    expect(alert(deficitBudget({ population: D('15000') })).flagged).toBe(false);
    const unknown = alert(deficitBudget());
    expect([unknown.deficit.toFixed(2), unknown.ratioPct!.toFixed(2), unknown.thresholdPct.toFixed(), unknown.flagged, unknown.populationKnown]).toEqual([
      '70000.00',
      '7.00',
      '10',
      false,
      false,
    ]);
  });
  test('exactly 20 000 inhabitants takes the 5 % threshold; 19 999 the 10 % one', () => {
    expect(alertThresholdPct(D('20000')).toFixed()).toBe('5');
    expect(alertThresholdPct(D('19999')).toFixed()).toBe('10');
    expect(alertThresholdPct(undefined).toFixed()).toBe('10');
  });
  test('« égal ou supérieur »: RAR of 30 000 bring the deficit to exactly 100 000 = 10 % of 1 000 000, flagged; 29 999,99 of RAR is not', () => {
    expect(alert(deficitBudget({}, '30000')).flagged).toBe(true);
    expect(alert(deficitBudget({}, '30000')).deficit.toFixed(2)).toBe('100000.00');
    const below = alert(deficitBudget({}, '29999.99'));
    expect([below.deficit.toFixed(2), below.flagged]).toEqual(['99999.99', false]);
  });
  test('on real operating receipts when given: 70 000 / 650 000 = 10,769…% ≥ 10 %, flagged', () => {
    const a = alert(deficitBudget({ operatingReceiptsReal: D('650000') }));
    expect([a.receiptsBasis, a.receipts.toFixed(2), a.ratioPct!.toDecimalPlaces(2).toFixed(2), a.flagged]).toEqual(['real', '650000.00', '10.77', true]);
  });
  test('no operating receipts at all: no ratio; a deficit is still flagged', () => {
    const a = alert(deficitBudget({ operatingReceiptsReal: D('0') }));
    expect(a.ratioPct).toBeUndefined();
    expect(a.flagged).toBe(true);
  });
});
