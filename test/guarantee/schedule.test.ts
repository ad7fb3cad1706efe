import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, HUNDRED, ZERO, roundToCent, sum } from '../../src/money/decimal.js';
import { parseDecimal } from '../../src/money/parse.js';
import { amortize } from '../../src/loan/schedule.js';
import type { LoanLine } from '../../src/loan/types.js';
import { guaranteeLine } from '../../src/guarantee/schedule.js';
import { splitByShares } from '../../src/guarantee/split.js';
import type { Guarantee, GuaranteedRow } from '../../src/guarantee/types.js';
import { bundledLivretA, livretAScenarioArb, loanLineArb } from '../helpers/loan-arbitraries.js';
import { CDC_180000_TABLE } from '../loan/fixtures/cdc-180000-table.js';
import { completeSharesArb, partialSharesArb } from './arbitraries.js';

const d = (s: string) => new Decimal(s);
const guarantee = (guarantor: string, sharePct: Decimal, lineId = '5676228'): Guarantee => ({ lineId, guarantor, sharePct, developmentOperation: false });

/** Article 9 of CDC contract 180000: line 5676228 (the engine's golden line). */
const LINE_180000: LoanLine = {
  lineId: '5676228', principal: d('569627.00'), firstDueDate: '2026-10-29' as LoanLine['firstDueDate'], periods: 25, periodMonths: 12,
  index: 'livret_a', marginPct: d('0.6'), ratePct: d('2.3'), revision: 'DL', progressivityPct: ZERO, progressivityFloorPct: ZERO,
  profile: 'payment_priority', interestMode: 'equivalent', dayCount: '30/360', prefinancingMonths: 0,
};
/** The contract's printed table: payment, amortisation, interest, deferred interest, capital after, stock. */
const golden = CDC_180000_TABLE.split('\n').map((l) => l.split('\t').slice(3).map((a) => parseDecimal(a)!.toFixed(2)));
const FIGURES = ['payment', 'amortisation', 'interest', 'deferredInterest', 'capitalAfter', 'deferredStock'] as const;
const figures = (r: GuaranteedRow) => FIGURES.map((k) => r[k]);

describe('CDC 180000, article 16: Département de l\'Allier 40 %, Commune de Gannat 60 %', () => {
  const schedule = amortize(LINE_180000, { index: bundledLivretA() });
  const [allier, gannat] = guaranteeLine(schedule, [guarantee('DEPARTEMENT DE L ALLIER', d('40')), guarantee('COMMUNE DE GANNAT', d('60'))]);

  test('guaranteed principal: 341 776,20 € for Gannat (deliberation 26/71, article 1) and 227 850,80 € for the Allier', () => {
    expect(gannat!.principal.toFixed(2)).toBe('341776.20');
    expect(allier!.principal.toFixed(2)).toBe('227850.80');
  });

  test('the two guaranteed schedules add up to the contract\'s table, row by row and figure by figure', () => {
    expect(golden).toHaveLength(25);
    golden.forEach((g, i) => {
      const a = figures(allier!.rows[i]!);
      const b = figures(gannat!.rows[i]!);
      expect(a.map((v, k) => v.plus(b[k]!).toFixed(2))).toEqual(g);
    });
  });

  test('each guarantor\'s cumulated amortisation is its guaranteed principal; its capital ends at zero', () => {
    expect(sum(gannat!.rows.map((r) => r.amortisation)).toFixed(2)).toBe('341776.20');
    expect(sum(allier!.rows.map((r) => r.amortisation)).toFixed(2)).toBe('227850.80');
    expect(gannat!.rows[24]!.capitalAfter.isZero() && allier!.rows[24]!.capitalAfter.isZero()).toBe(true);
  });

  test('first rows by hand', () => {
    // Row 1: capital after 552 514,25 → 60 % = 331 508,55 exactly; amortisation 341 776,20 − 331 508,55 = 10 267,65;
    // payment 60 % × 30 214,17 = 18 128,502 → 18 128,50; interest 18 128,50 − 10 267,65 = 7 860,85 (60 % × 13 101,42 = 7 860,852).
    expect(figures(gannat!.rows[0]!).map((v) => v.toFixed(2))).toEqual(['18128.50', '10267.65', '7860.85', '0.00', '331508.55', '0.00']);
    // Row 3 for the Allier: payment 40 % × 30 214,17 = 12 085,668 → 12 085,67; capital 40 % × 535 007,91 = 214 003,164 → 214 003,16
    // and 40 % × 517 098,92 = 206 839,568 → 206 839,57, amortisation 7 163,59; interest 12 085,67 − 7 163,59 = 4 922,08
    // (40 % × 12 305,18 = 4 922,072: the cent that makes the row balance goes to the interest, never to the payment).
    expect(figures(allier!.rows[2]!).map((v) => v.toFixed(2))).toEqual(['12085.67', '7163.59', '4922.08', '0.00', '206839.57', '0.00']);
  });
});

const runs = { numRuns: 100 };

describe('guaranteed schedules: properties over any line the engine accepts', () => {
  test.prop([loanLineArb({ maxPeriods: 40 }), livretAScenarioArb, completeSharesArb()], runs)(
    'shares adding up to 100 %: the parts of every figure of every row add up to the figure',
    (line, index, shares) => {
      const s = amortize(line, { index });
      const parts = guaranteeLine(s, shares.map((p, i) => guarantee(`G${i}`, p, line.lineId)));
      s.rows.forEach((row, k) => {
        for (const f of FIGURES) expect(sum(parts.map((p) => p.rows[k]![f])).toFixed(2)).toBe(row[f].toFixed(2));
      });
    },
  );

  test.prop([loanLineArb({ maxPeriods: 40 }), livretAScenarioArb, fc.oneof(completeSharesArb(), partialSharesArb())], runs)(
    'cumulated guaranteed amortisation = guaranteed capital (the guaranteed principal, plus its part of capitalised prefinancing interest)',
    (line, index, shares) => {
      const s = amortize(line, { index });
      const parts = guaranteeLine(s, shares.map((p, i) => guarantee(`G${i}`, p, line.lineId)));
      const principal = splitByShares(line.principal, shares);
      parts.forEach((p, i) => {
        expect(sum(p.rows.map((r) => r.amortisation)).toFixed(2)).toBe(p.capitalBefore.toFixed(2));
        expect(p.principal.toFixed(2)).toBe(principal[i]!.toFixed(2));
        if (s.summary.capitalisedInterest.isZero()) expect(p.capitalBefore.toFixed(2)).toBe(p.principal.toFixed(2));
        expect(p.rows[p.rows.length - 1]!.capitalAfter.isZero()).toBe(true);
      });
    },
  );

  test.prop([loanLineArb({ maxPeriods: 40, prefinancing: false }), livretAScenarioArb, partialSharesArb()], runs)(
    'below 100 %: the guaranteed principal is principal × share rounded half-up, as a deliberation writes it',
    (line, index, shares) => {
      const parts = guaranteeLine(amortize(line, { index }), shares.map((p, i) => guarantee(`G${i}`, p, line.lineId)));
      parts.forEach((p, i) => expect(p.principal.toFixed(2)).toBe(roundToCent(line.principal.times(shares[i]!).div(HUNDRED)).toFixed(2)));
    },
  );

  test.prop([loanLineArb({ maxPeriods: 40 }), livretAScenarioArb, fc.oneof(completeSharesArb(), partialSharesArb())], runs)(
    'every guarantor row balances like the line: payment = amortisation + interest − deferred; capital and stock follow; payment is the share of the payment',
    (line, index, shares) => {
      const s = amortize(line, { index });
      const parts = guaranteeLine(s, shares.map((p, i) => guarantee(`G${i}`, p, line.lineId)));
      parts.forEach((p, i) => {
        let capital = p.capitalBefore;
        let stock = ZERO;
        p.rows.forEach((r, k) => {
          expect(r.payment.toFixed(2)).toBe(r.amortisation.plus(r.interest).minus(r.deferredInterest).toFixed(2));
          capital = capital.minus(r.amortisation);
          stock = stock.plus(r.deferredInterest);
          expect(r.capitalAfter.toFixed(2)).toBe(capital.toFixed(2));
          expect(r.deferredStock.toFixed(2)).toBe(stock.toFixed(2));
          expect(r.payment.minus(s.rows[k]!.payment.times(shares[i]!).div(HUNDRED)).abs().lessThan(d('0.01'))).toBe(true);
        });
      });
    },
  );

  test.prop([loanLineArb({ maxPeriods: 40 }), livretAScenarioArb, fc.integer({ min: 1, max: 9999 })], runs)(
    'two guarantors: no guaranteed amortisation is ever negative',
    (line, index, bp) => {
      const shares = [new Decimal(bp).div(100), new Decimal(10000 - bp).div(100)];
      for (const p of guaranteeLine(amortize(line, { index }), shares.map((x, i) => guarantee(`G${i}`, x, line.lineId)))) {
        for (const r of p.rows) expect(r.amortisation.greaterThanOrEqualTo(0)).toBe(true);
      }
    },
  );
});
