import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, ZERO } from '../../src/money/decimal.js';
import { amortize } from '../../src/loan/schedule.js';
import type { LoanLine } from '../../src/loan/types.js';
import { guaranteeLine } from '../../src/guarantee/schedule.js';
import { borrowerRatio, ceilingRatio, firstFullAnnuity, prudentialRatios, shareRatio } from '../../src/guarantee/ratios.js';
import type { Guarantee } from '../../src/guarantee/types.js';
import { amountArb } from './arbitraries.js';

const d = (s: string) => new Decimal(s);

describe('ratio (a), plafonnement: L2252-1 al. 2, D1511-30 to D1511-33', () => {
  test('terms, limit, margin and verdict by hand', () => {
    const r = ceilingRatio({
      guaranteedAnnuities: d('37936.29'), newLoanFirstAnnuity: d('3589.09'), ownDebtNetAnnuity: d('1234567.89'),
      provisions: d('25000.00'), realOperatingRevenue: d('9412345.67'),
    });
    // 37 936,29 + 3 589,09 + 1 234 567,89 − 25 000,00 × 1 = 1 251 093,27; 50 % × 9 412 345,67 = 4 706 172,835 (not rounded: no rule rounds it).
    expect(r.total.toFixed()).toBe('1251093.27');
    expect(r.limit.toFixed()).toBe('4706172.835');
    expect(r.margin.toFixed()).toBe('3455079.565');
    expect(r.holds).toBe(true);
  });

  test('exceeded by one cent', () => {
    // 50 % × 1 000 000,00 = 500 000,00 < 400 000,00 + 0,01 + 100 000,00 − 0.
    const r = ceilingRatio({ guaranteedAnnuities: d('400000.01'), newLoanFirstAnnuity: ZERO, ownDebtNetAnnuity: d('100000'), provisions: ZERO, realOperatingRevenue: d('1000000') });
    expect(r.margin.toFixed(2)).toBe('-0.01');
    expect(r.holds).toBe(false);
  });

  test.prop([amountArb(0), amountArb(0), amountArb(0), amountArb(0), amountArb(0)])('the verdict agrees with the terms', (a, n, own, prov, rrf) => {
    const r = ceilingRatio({ guaranteedAnnuities: a, newLoanFirstAnnuity: n, ownDebtNetAnnuity: own, provisions: prov, realOperatingRevenue: rrf });
    expect(r.total.equals(a.plus(n).plus(own).minus(prov))).toBe(true);
    expect(r.limit.equals(rrf.div(2))).toBe(true);
    expect(r.holds).toBe(r.total.lessThanOrEqualTo(r.limit));
    expect(r.holds).toBe(!r.margin.isNegative() || r.margin.isZero());
  });
});

describe('ratio (b), division des risques: L2252-1 al. 3, D1511-34', () => {
  test('10 % of the total that may be guaranteed', () => {
    // may be guaranteed: 4 706 172,835 − 1 234 567,89 + 25 000 = 3 496 604,945; 10 % = 349 660,4945.
    const r = borrowerRatio({ borrower: 'SEM', lineIds: ['SEM-AMG-07'], annuities: d('32873.87'), newLoanFirstAnnuity: ZERO, mayBeGuaranteed: d('3496604.945') });
    expect(r.limit.toFixed()).toBe('349660.4945');
    expect(r.holds).toBe(true);
  });

  test.prop([amountArb(0), amountArb(0), amountArb()])('the verdict agrees with the terms', (a, n, may) => {
    const r = borrowerRatio({ borrower: 'X', lineIds: [], annuities: a, newLoanFirstAnnuity: n, mayBeGuaranteed: may });
    expect(r.total.equals(a.plus(n))).toBe(true);
    expect(r.limit.equals(may.div(10))).toBe(true);
    expect(r.holds).toBe(r.total.lessThanOrEqualTo(r.limit));
  });
});

describe('ratio (c), partage des risques: L2252-1 al. 4, D1511-35', () => {
  test('50 % on a loan, 80 % for an « opération d\'aménagement »', () => {
    expect(shareRatio({ lineId: 'L', borrower: 'B', developmentOperation: false, sharePct: d('50') }).holds).toBe(true);
    expect(shareRatio({ lineId: 'L', borrower: 'B', developmentOperation: false, sharePct: d('50.01') }).holds).toBe(false);
    expect(shareRatio({ lineId: 'L', borrower: 'B', developmentOperation: true, sharePct: d('80') }).holds).toBe(true);
    expect(shareRatio({ lineId: 'L', borrower: 'B', developmentOperation: true, sharePct: d('80.5') }).holds).toBe(false);
  });

  test.prop([fc.integer({ min: 1, max: 10000 }), fc.boolean()])('the verdict agrees with the terms', (bp, dev) => {
    const r = shareRatio({ lineId: 'L', borrower: 'B', developmentOperation: dev, sharePct: new Decimal(bp).div(100) });
    expect(r.limitPct.toFixed()).toBe(dev ? '80' : '50');
    expect(r.holds).toBe(r.sharePct.lessThanOrEqualTo(r.limitPct));
  });
});

describe('prudentialRatios over a portfolio', () => {
  const fixed = (lineId: string, principal: string, first: string, periods: number, ratePct: string): LoanLine => ({
    lineId, principal: d(principal), firstDueDate: first as LoanLine['firstDueDate'], periods, periodMonths: 12, index: 'none', marginPct: ZERO,
    ratePct: d(ratePct), revision: 'none', progressivityPct: ZERO, progressivityFloorPct: ZERO, profile: 'amortisation_priority',
    interestMode: 'equivalent', dayCount: '30/360', prefinancingMonths: 0,
  });
  const g = (lineId: string, guarantor: string, share: string, extra: Partial<Guarantee> = {}): Guarantee => ({
    lineId, guarantor, sharePct: d(share), developmentOperation: false, ...extra,
  });
  // Constant amortisation (amortisation_priority, no progressivity): 100 000 over 10 years at 3 % → 10 000 a year.
  // 2027 is the 3rd due date: interest on 80 000 = 2 400; payment 12 400.
  const a = guaranteeLine(amortize(fixed('A', '100000', '2025-06-30', 10, '3')), [g('A', 'Ville', '50', { borrower: 'Asso' }), g('A', 'Dept', '30', { borrower: 'Asso' })]);
  // 2027 is the 1st due date of B: 50 000 over 5 years at 2 %: 10 000 + 1 000 interest = 11 000.
  const b = guaranteeLine(amortize(fixed('B', '50000', '2027-03-31', 5, '2')), [g('B', 'Ville', '40', { borrower: 'asso' })]);
  const h = guaranteeLine(amortize(fixed('H', '900000', '2026-01-15', 30, '2')), [g('H', 'Ville', '100', { exempt: 'logement_social', borrower: 'OPH' })]);
  const lines = [...a, ...b, ...h];
  const r = prudentialRatios(lines, { guarantor: 'VILLE', year: 2027, realOperatingRevenue: d('200000'), ownDebtNetAnnuity: d('80000'), guaranteeProvisions: d('1000'), newLineId: 'B' });

  test('the exempt line is left out of the three ratios and listed with its reason', () => {
    expect(r.exempt).toEqual([{ lineId: 'H', borrower: 'OPH', reason: 'logement_social' }]);
    expect(r.shares.map((s) => s.lineId)).toEqual(['A', 'B']);
  });

  test('ceiling: 50 % × 12 400 = 6 200 already guaranteed; B counts by its first full annuity, 40 % × 11 000 = 4 400', () => {
    expect(firstFullAnnuity(b[0]!).toFixed(2)).toBe('4400.00');
    expect(r.ceiling.guaranteedAnnuities.toFixed(2)).toBe('6200.00');
    expect(r.ceiling.newLoanFirstAnnuity.toFixed(2)).toBe('4400.00');
    // 6 200 + 4 400 + 80 000 − 1 000 = 89 600 ≤ 100 000.
    expect(r.ceiling.total.toFixed(2)).toBe('89600.00');
    expect(r.ceiling.holds).toBe(true);
  });

  test('borrowers compared without case: « Asso » and « asso » are one debtor, 10 600 > 10 % × (100 000 − 80 000 + 1 000) = 2 100', () => {
    expect(r.borrowers).toHaveLength(1);
    expect(r.borrowers[0]!.total.toFixed(2)).toBe('10600.00');
    expect(r.borrowers[0]!.limit.toFixed(2)).toBe('2100.00');
    expect(r.borrowers[0]!.holds).toBe(false);
    expect(r.holds).toBe(false);
  });

  test('shares: A is guaranteed 50 % + 30 % = 80 % by local authorities, above 50 %', () => {
    expect(r.shares[0]!.sharePct.toFixed()).toBe('80');
    expect(r.shares[0]!.holds).toBe(false);
    expect(r.shares[1]!.holds).toBe(true);
  });
});
