import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, ZERO, sum } from '../../src/money/decimal.js';
import { amortize } from '../../src/loan/schedule.js';
import type { LoanLine } from '../../src/loan/types.js';
import { guaranteeLine } from '../../src/guarantee/schedule.js';
import { exposure, yearlyStatement } from '../../src/guarantee/statement.js';
import { guaranteeYear, yearFigures } from '../../src/guarantee/yearly.js';
import type { Guarantee } from '../../src/guarantee/types.js';
import { bundledLivretA, livretAScenarioArb, loanLineArb } from '../helpers/loan-arbitraries.js';
import { completeSharesArb, partialSharesArb } from './arbitraries.js';

const d = (s: string) => new Decimal(s);
const guarantee = (guarantor: string, sharePct: Decimal, lineId: string): Guarantee => ({ lineId, guarantor, sharePct, developmentOperation: false });
const LINE_180000: LoanLine = {
  lineId: '5676228', principal: d('569627.00'), firstDueDate: '2026-10-29' as LoanLine['firstDueDate'], periods: 25, periodMonths: 12,
  index: 'livret_a', marginPct: d('0.6'), ratePct: d('2.3'), revision: 'DL', progressivityPct: ZERO, progressivityFloorPct: ZERO,
  profile: 'payment_priority', interestMode: 'equivalent', dayCount: '30/360', prefinancingMonths: 0,
};
const money = (f: { capitalStart: Decimal; annuity: Decimal; amortisation: Decimal; interest: Decimal; capitalEnd: Decimal }) =>
  [f.capitalStart, f.annuity, f.amortisation, f.interest, f.capitalEnd].map((v) => v.toFixed(2));

describe('yearly statement of CDC 180000 (article 16 guarantors)', () => {
  const lines = guaranteeLine(amortize(LINE_180000, { index: bundledLivretA() }), [
    guarantee('DEPARTEMENT DE L ALLIER', d('40'), '5676228'),
    guarantee('COMMUNE DE GANNAT', d('60'), '5676228'),
  ]);

  test('2027: the line owes due date 2 (29/10/2027); Gannat holds 60 % of it', () => {
    const [, gannat] = yearlyStatement(lines, 2027);
    const e = gannat!.entries[0]!;
    // Contract table, row 1 → row 2: 552 514,25 on 1 January, 30 214,17 = 17 506,34 + 12 707,83, 535 007,91 on 31 December.
    expect(money(e.line)).toEqual(['552514.25', '30214.17', '17506.34', '12707.83', '535007.91']);
    // 60 %: 331 508,55; 18 128,502 → 18 128,50; 535 007,91 × 0,6 = 321 004,746 → 321 004,75; amortisation 331 508,55 − 321 004,75 = 10 503,80;
    // interest 18 128,50 − 10 503,80 = 7 624,70.
    expect(money(e.part)).toEqual(['331508.55', '18128.50', '10503.80', '7624.70', '321004.75']);
    expect(money(gannat!.total)).toEqual(money(e.part));
  });

  test('2026, the first due date: 1 January holds the whole principal', () => {
    const [allier] = yearlyStatement(lines, 2026);
    expect(money(allier!.entries[0]!.part)).toEqual(['227850.80', '12085.67', '6845.10', '5240.57', '221005.70']);
  });

  test('2051: the line is repaid, no longer in the statement', () => {
    expect(yearlyStatement(lines, 2051).every((s) => s.entries.length === 0)).toBe(true);
  });

  test('exposure: each guarantor from 2025 (disbursement, one period before the first due date) to 2050; annuities add up to its part of the 755 354,37 total', () => {
    const years = exposure(lines);
    const gannat = years.filter((y) => y.guarantor === 'COMMUNE DE GANNAT');
    expect(gannat.map((y) => y.year)).toEqual(Array.from({ length: 26 }, (_, i) => 2025 + i));
    const allier = years.filter((y) => y.guarantor === 'DEPARTEMENT DE L ALLIER');
    // 755 354,37 split by rows: both parts add up to the contract's « Total » of the Echéance column.
    expect(sum([...gannat, ...allier].map((y) => y.figures.annuity)).toFixed(2)).toBe('755354.37');
    expect(sum(gannat.map((y) => y.figures.amortisation)).toFixed(2)).toBe('341776.20');
    expect(gannat[gannat.length - 1]!.figures.capitalEnd.isZero()).toBe(true);
  });
});

describe('yearly figures: properties', () => {
  test.prop([loanLineArb({ maxPeriods: 40 }), livretAScenarioArb, fc.oneof(completeSharesArb(3), partialSharesArb(3)), fc.integer({ min: 2008, max: 2080 })], { numRuns: 100 })(
    '1 January capital − the year\'s amortisation = 31 December capital, for the line and each guaranteed part, and for the totals',
    (line, index, shares, year) => {
      const lines = guaranteeLine(amortize(line, { index }), shares.map((s, i) => guarantee(`G${i}`, s, line.lineId)));
      for (const l of lines) {
        const y = guaranteeYear(l, year);
        for (const f of [y.line, y.part]) expect(f.capitalStart.minus(f.amortisation).toFixed(2)).toBe(f.capitalEnd.toFixed(2));
        expect(y.part.annuity.toFixed(2)).toBe(y.part.amortisation.plus(y.part.interest).minus(y.part.deferredInterest).toFixed(2));
      }
      for (const s of yearlyStatement(lines, year)) expect(s.total.capitalStart.minus(s.total.amortisation).toFixed(2)).toBe(s.total.capitalEnd.toFixed(2));
    },
  );

  test.prop([loanLineArb({ maxPeriods: 40 }), livretAScenarioArb])('the years chain: each year starts with the capital the previous one ended with', (line, index) => {
    const s = amortize(line, { index });
    const first = Number(s.rows[0]!.dueDate.slice(0, 4));
    const last = Number(s.rows[s.rows.length - 1]!.dueDate.slice(0, 4));
    let before = yearFigures(s.rows, s.summary.amortisedCapital, first - 1);
    expect(before.capitalEnd.toFixed(2)).toBe(s.summary.amortisedCapital.toFixed(2));
    for (let y = first; y <= last; y++) {
      const f = yearFigures(s.rows, s.summary.amortisedCapital, y);
      expect(f.capitalStart.toFixed(2)).toBe(before.capitalEnd.toFixed(2));
      before = f;
    }
    expect(before.capitalEnd.isZero()).toBe(true);
  });
});
