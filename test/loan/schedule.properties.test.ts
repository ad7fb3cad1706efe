import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, ZERO, roundToCent, sum } from '../../src/money/decimal.js';
import { amortize } from '../../src/loan/schedule.js';
import { periodRate, periodProgressivity } from '../../src/loan/period-rate.js';
import { roundedFirstPayment } from '../../src/loan/payment.js';
import { revisedRates } from '../../src/loan/revision.js';
import { rateInForce } from '../../src/rates/history.js';
import type { LoanLine } from '../../src/loan/types.js';
import { bundledLivretA, livretAScenarioArb, loanLineArb } from '../helpers/loan-arbitraries.js';

const history = bundledLivretA();
const runs = { numRuns: 150 };

describe('invariants of every schedule', () => {
  test.prop([loanLineArb(), livretAScenarioArb], runs)('amortisations add up to the capital amortised; the last row leaves capital and stock at zero', (line, index) => {
    const s = amortize(line, { index });
    expect(sum(s.rows.map((r) => r.amortisation)).toFixed(2)).toBe(s.summary.amortisedCapital.toFixed(2));
    expect(s.summary.amortisedCapital.toFixed(2)).toBe(line.principal.plus(s.summary.capitalisedInterest).toFixed(2));
    const last = s.rows[s.rows.length - 1]!;
    expect(last.capitalAfter.isZero()).toBe(true);
    expect(last.deferredStock.isZero()).toBe(true);
  });

  test.prop([loanLineArb(), livretAScenarioArb], runs)('each row balances: payment = amortisation + interest − deferred, and capital and stock follow', (line, index) => {
    const s = amortize(line, { index });
    let capital = s.summary.amortisedCapital;
    let stock = ZERO;
    for (const r of s.rows) {
      expect(r.payment.toFixed(2)).toBe(r.amortisation.plus(r.interest).minus(r.deferredInterest).toFixed(2));
      expect(r.amortisation.isNegative() && !r.amortisation.isZero()).toBe(false);
      capital = capital.minus(r.amortisation);
      stock = stock.plus(r.deferredInterest);
      expect(r.capitalAfter.toFixed(2)).toBe(capital.toFixed(2));
      expect(r.deferredStock.toFixed(2)).toBe(stock.toFixed(2));
      expect(r.deferredStock.isNegative() && !r.deferredStock.isZero()).toBe(false);
      // Every figure is a whole number of cents.
      for (const v of [r.payment, r.amortisation, r.interest, r.deferredInterest, r.capitalAfter, r.deferredStock]) expect(v.decimalPlaces()).toBeLessThanOrEqual(2);
    }
  });

  test.prop([loanLineArb(), livretAScenarioArb], runs)('the rate column never goes below zero', (line, index) => {
    const s = amortize({ ...line, marginPct: line.index === 'none' ? line.marginPct : line.marginPct.minus(3) }, { index });
    for (const r of s.rows) expect(r.ratePct.isNegative() && !r.ratePct.isZero()).toBe(false);
  });

  test.prop([loanLineArb({ prefinancing: false }).filter((l) => l.dayCount === '30/360')], runs)(
    "the interest of each row is the half-up rounding of base × period rate (article 11, 30/360)",
    (line) => {
      const s = amortize(line, { index: history });
      let base = s.summary.amortisedCapital;
      for (const r of s.rows) {
        const rates = line.index === 'none' ? { rate: line.ratePct.div(100) } : revisedRates(line, rateInForce(history, r.dueDate)!.ratePct);
        const t = periodRate(rates.rate, line.periodMonths, line.interestMode);
        expect(r.interest.toFixed(2)).toBe(roundToCent(base.times(t)).toFixed(2));
        base = r.capitalAfter.plus(r.deferredStock);
      }
    },
  );

  test.prop([loanLineArb({ prefinancing: false }).map((l): LoanLine => ({ ...l, index: 'none', revision: 'none', marginPct: ZERO, progressivityPct: ZERO, profile: 'payment_priority' }))], runs)(
    'without revision or progressivity, every payment but the last is equal',
    (line) => {
      const s = amortize(line);
      const payments = s.rows.slice(0, -1).map((r) => r.payment.toFixed(2));
      expect(new Set(payments).size).toBeLessThanOrEqual(1);
    },
  );
});

describe('DR: recomputing at a due date and carrying forward', () => {
  // A DR line whose index never moves: each due date could recompute the payment from capital plus stock
  // (as a revision would) or carry it forward; the two agree within a cent for each row since the last computation.
  const drLine = loanLineArb({ prefinancing: false }).map(
    (l): LoanLine => ({ ...l, index: 'livret_a', revision: 'DR', profile: 'payment_priority', dayCount: '30/360', progressivityPct: l.progressivityPct }),
  );
  test.prop([drLine, fc.integer({ min: 0, max: 600 })], runs)('agree within a cent a row', (line, hundredths) => {
    const flat = { ...history, points: [{ effectiveDate: history.points[0]!.effectiveDate, ratePct: new Decimal(hundredths).div(100) }] };
    const s = amortize(line, { index: flat });
    const rates = revisedRates(line, flat.points[0]!.ratePct);
    const t = periodRate(rates.rate, line.periodMonths, line.interestMode);
    const p = periodProgressivity(rates.progressivity, line.periodMonths, line.interestMode);
    for (let k = 2; k < s.rows.length; k++) {
      const before = s.rows[k - 2]!;
      const recomputed = roundedFirstPayment(before.capitalAfter.plus(before.deferredStock), t, p, line.periods - k + 1);
      const carried = s.rows[k - 1]!;
      if (carried.deferredInterest.isNegative() || before.deferredStock.greaterThan(0)) continue; // stock repaid this row: payment is the carried one by construction
      expect(recomputed.minus(carried.payment).abs().lessThanOrEqualTo(new Decimal('0.01').times(k - 1))).toBe(true);
    }
  });
});
