import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { allocate, financingNeed, minimumTo1068, to1068Problem } from '../../src/budget/allocation.js';
import { resultTable } from '../../src/budget/results.js';
import type { BudgetResults } from '../../src/budget/types.js';
import { SITIV_2023 } from './fixtures.js';
import { budgetResultsArb, signedAmount, nonNegativeAmount } from './arbitraries.js';

const D = (s: string) => new Decimal(s);
const Z = D('0');

function budget(i: [string, string, string], o: [string, string, string], rarI: [string, string] = ['0', '0'], rarO: [string, string] = ['0', '0']): BudgetResults {
  return {
    investment: { expenditure: D(i[0]), receipts: D(i[1]), carriedOver: D(i[2]) },
    operating: { expenditure: D(o[0]), receipts: D(o[1]), carriedOver: D(o[2]) },
    rarInvestment: { expenditure: D(rarI[0]), receipts: D(rarI[1]) },
    rarOperating: { expenditure: D(rarO[0]), receipts: D(rarO[1]) },
  };
}

function figures(r: BudgetResults, chosen?: Decimal) {
  const a = allocate(resultTable(r), chosen);
  return {
    need: a.financingNeed.toFixed(2),
    min: a.minimumTo1068.toFixed(2),
    to1068: a.to1068.toFixed(2),
    to002: a.to002.toFixed(2),
    to001: a.carriedOver001.toFixed(2),
    uncovered: a.uncoveredNeed.toFixed(2),
  };
}

describe('allocation of the result (R2311-11, R2311-12)', () => {
  test('surplus covering the need (SITIV 2023): 598 255,81 to 1068, 282 218,28 to 002, −168 599,36 to 001', () => {
    expect(figures(SITIV_2023)).toEqual({ need: '598255.81', min: '598255.81', to1068: '598255.81', to002: '282218.28', to001: '-168599.36', uncovered: '0.00' });
  });

  test('surplus smaller than the need: all of it to 1068, nothing to 002, the rest of the need reported uncovered', () => {
    // A2 = 300 000 − 500 000 − 50 000 = −250 000; B2 = 40 000 − 100 000 = −60 000; need 310 000.
    // A3 = 1 000 000 − 900 000 + 20 000 = 120 000 < 310 000: 120 000 to 1068, 190 000 uncovered.
    const r = budget(['500000', '300000', '-50000'], ['900000', '1000000', '20000'], ['100000', '40000']);
    expect(figures(r)).toEqual({ need: '310000.00', min: '120000.00', to1068: '120000.00', to002: '0.00', to001: '-250000.00', uncovered: '190000.00' });
  });

  test('operating deficit: nothing to 1068, the deficit to 002 in expenditure, the whole need uncovered', () => {
    // A3 = 1 000 000 − 1 050 000 + 10 000 = −40 000; A2 = 250 000 − 200 000 − 80 000 = −30 000 → need 30 000.
    const r = budget(['200000', '250000', '-80000'], ['1050000', '1000000', '10000']);
    expect(figures(r)).toEqual({ need: '30000.00', min: '0.00', to1068: '0.00', to002: '-40000.00', to001: '-30000.00', uncovered: '30000.00' });
  });

  test('investment surplus even after RAR: no need, the whole operating surplus to 002, the surplus to 001 in receipts', () => {
    // A2 = 180 000 − 100 000 + 5 000 = 85 000; B2 = −60 000; A2 + B2 = 25 000 ≥ 0: no need. A3 = 80 000 − 30 000 = 50 000.
    const r = budget(['100000', '180000', '5000'], ['30000', '80000', '0'], ['60000', '0']);
    expect(figures(r)).toEqual({ need: '0.00', min: '0.00', to1068: '0.00', to002: '50000.00', to001: '85000.00', uncovered: '0.00' });
  });

  test('the assembly puts more than the minimum into 1068: 700 000,00, and 880 474,09 − 700 000,00 = 180 474,09 goes to 002', () => {
    expect(figures(SITIV_2023, D('700000.00'))).toEqual({ need: '598255.81', min: '598255.81', to1068: '700000.00', to002: '180474.09', to001: '-168599.36', uncovered: '0.00' });
  });

  test('the assembly may capitalise even without need, up to the whole surplus', () => {
    const r = budget(['100000', '180000', '5000'], ['30000', '80000', '0']);
    expect(figures(r, D('50000'))).toMatchObject({ to1068: '50000.00', to002: '0.00' });
  });

  test('what the assembly cannot vote: below the minimum, above the surplus, anything with a deficit, fractions of a cent', () => {
    const t = resultTable(SITIV_2023);
    expect(to1068Problem(t, D('598255.80'))).toContain('at least 598255.81');
    expect(to1068Problem(t, D('880474.10'))).toContain('at most the operating surplus, 880474.09');
    expect(to1068Problem(t, D('880474.09'))).toBeUndefined();
    expect(to1068Problem(t, D('600000.005'))).toContain('at most two decimals');
    const deficit = resultTable(budget(['200000', '250000', '-80000'], ['1050000', '1000000', '10000']));
    expect(to1068Problem(deficit, D('1'))).toContain('not a surplus');
    expect(to1068Problem(deficit, Z)).toBeUndefined();
    expect(() => allocate(t, D('1'))).toThrow(RangeError);
  });

  test('a zero operating result: nothing to allocate', () => {
    expect(minimumTo1068(Z, D('100')).toFixed(2)).toBe('0.00');
    expect(financingNeed(D('0')).toFixed(2)).toBe('0.00');
  });
});

describe('invariants of the allocation', () => {
  test.prop([budgetResultsArb])('1068 + 002 equals the operating cumulated result when it is positive', (r) => {
    const t = resultTable(r);
    fc.pre(t.operating.cumulated.greaterThan(0));
    const a = allocate(t);
    expect(a.to1068.plus(a.to002).equals(t.operating.cumulated)).toBe(true);
  });
  test.prop([budgetResultsArb, fc.integer({ min: 0, max: 1000 })])('so it does with any 1068 the assembly may vote between the minimum and the surplus', (r, per1000) => {
    const t = resultTable(r);
    fc.pre(t.operating.cumulated.greaterThan(0));
    const min = allocate(t).minimumTo1068;
    const chosen = min.plus(t.operating.cumulated.minus(min).times(per1000).div(1000)).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    const a = allocate(t, chosen);
    expect(a.to1068.plus(a.to002).equals(t.operating.cumulated)).toBe(true);
    expect(a.uncoveredNeed.isZero() || a.to1068.equals(t.operating.cumulated)).toBe(true);
  });
  test.prop([signedAmount, nonNegativeAmount])('the minimum to 1068 never exceeds the result nor the need, and is never negative', (result, need) => {
    const m = minimumTo1068(result, need);
    expect(m.isNegative() && !m.isZero()).toBe(false);
    expect(m.lessThanOrEqualTo(need)).toBe(true);
    if (result.greaterThan(0)) expect(m.lessThanOrEqualTo(result)).toBe(true);
    else expect(m.isZero()).toBe(true);
  });
  test.prop([budgetResultsArb])('001 is A2 whole; the need is covered by 1068 or reported uncovered', (r) => {
    const t = resultTable(r);
    const a = allocate(t);
    expect(a.carriedOver001.equals(t.investment.cumulated)).toBe(true);
    expect(a.to1068.plus(a.uncoveredNeed).equals(a.financingNeed)).toBe(true);
  });
});
