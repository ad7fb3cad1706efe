import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { dec, sum } from '../../src/money/decimal.js';
import { beneficiaryTotals, envelopeTotals, grandTotal, kindTotals } from '../../src/subsidy/totals.js';
import { envelopeBalances, overallBalance } from '../../src/subsidy/envelopes.js';
import { nameKey } from '../../src/subsidy/grouping.js';
import { grantsArb } from './arbitraries.js';

describe('totals: invariants', () => {
  test.prop([grantsArb])('each envelope total is the sum of its grants; ceilings + firm = total', (grants) => {
    for (const e of envelopeTotals(grants)) {
      const mine = grants.filter((g) => nameKey(g.envelope) === e.key);
      expect(e.total.equals(sum(mine.map((g) => g.amount)))).toBe(true);
      expect(e.ceilings.equals(sum(mine.filter((g) => g.ceiling).map((g) => g.amount)))).toBe(true);
      expect(e.ceilings.plus(e.firm).equals(e.total)).toBe(true);
      expect(e.grants).toBe(mine.length);
    }
  });
  test.prop([grantsArb])('envelopes, kinds and beneficiaries each partition the grand total', (grants) => {
    const all = grandTotal(grants).total;
    expect(sum(envelopeTotals(grants).map((e) => e.total)).equals(all)).toBe(true);
    expect(sum(kindTotals(grants).map((k) => k.total)).equals(all)).toBe(true);
    expect(sum(beneficiaryTotals(grants).map((b) => b.total)).equals(all)).toBe(true);
    expect(all.equals(sum(grants.map((g) => g.amount)))).toBe(true);
  });
  test.prop([grantsArb])("a beneficiary's total is the sum over envelopes of what it gets from each", (grants) => {
    for (const b of beneficiaryTotals(grants)) {
      expect(b.total.equals(sum(b.byEnvelope.map((e) => e.total)))).toBe(true);
      for (const e of b.byEnvelope) {
        const mine = grants.filter((g) => nameKey(g.beneficiary) === nameKey(b.beneficiary) && nameKey(g.envelope) === e.envelopeKey);
        expect(e.total.equals(sum(mine.map((g) => g.amount)))).toBe(true);
      }
    }
  });
  test.prop([grantsArb, fc.array(fc.integer({ min: 0, max: 20_000_000 }), { minLength: 4, maxLength: 4 })])(
    'remaining = envelope − total, overspent exactly when negative; the overall balance adds up',
    (grants, voted) => {
      const names = ['operating', 'exceptional', 'culture', 'unused'];
      const envelopes = names.map((name, i) => ({ name, amount: dec(voted[i]!).div(100) }));
      const totals = envelopeTotals(grants);
      const balances = envelopeBalances(envelopes, totals);
      for (const b of balances) {
        const total = totals.find((t) => t.key === b.key)?.total ?? dec(0);
        expect(b.remaining.equals(b.amount.minus(total))).toBe(true);
        expect(b.overspent).toBe(b.amount.lessThan(total));
      }
      const overall = overallBalance(balances);
      expect(overall.remaining.equals(sum(balances.map((b) => b.remaining)))).toBe(true);
      expect(overall.committed.equals(grandTotal(grants).total)).toBe(true);
    },
  );
});
