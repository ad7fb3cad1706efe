import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { amortizeLine, bundledLivretA } from '../../node/index.js';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

// Issue 14, item 1: « différé d'amortissement », interest-only due dates before amortisation.

describe('deferral_periods: interest only, then the line amortises over the due dates left', () => {
  test('1 000 € at 10 %, 4 annual due dates of which 2 interest-only', async () => {
    const dir = tempDir();
    const r = await runFinloc(['amortize', writeFile(dir, 'd.csv', 'line_id;principal;first_due_date;periods;rate_pct;différé d\'amortissement\nD;1000;01/01/2027;4;10;2\n')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').slice(1)).toEqual([
      // Interest only: 1 000 × 10 % = 100,00; capital unchanged.
      'D,1,2027-01-01,10.00,100.00,0.00,100.00,0.00,1000.00,0.00',
      'D,2,2028-01-01,10.00,100.00,0.00,100.00,0.00,1000.00,0.00',
      // Then 1 000 over the 2 due dates left: 1 000 × 0,1 / (1 − 1,1^−2) = 100 / 0,173 553 7… = 576,190 4… → 576,19;
      // 576,19 − 100,00 = 476,19 repaid; 523,81 × 0,1 = 52,381 → 52,38; last: 523,81 + 52,38 = 576,19.
      'D,3,2029-01-01,10.00,576.19,476.19,100.00,0.00,523.81,0.00',
      'D,4,2030-01-01,10.00,576.19,523.81,52.38,0.00,0.00,0.00',
    ]);
  });

  test('refused: as many interest-only due dates as due dates', async () => {
    const dir = tempDir();
    const r = await runFinloc(['amortize', writeFile(dir, 'd.csv', 'line_id,principal,first_due_date,periods,rate_pct,deferral_periods\nD,1000,2027-01-01,4,10,4\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(deferral_periods): expected fewer interest-only due dates than due dates (4), got 4');
  });

  const lineArb = fc.record({
    principal: fc.integer({ min: 100_000, max: 100_000_000 }).map((c) => new Decimal(c).div(100)),
    periods: fc.integer({ min: 2, max: 40 }),
    deferralShare: fc.double({ min: 0, max: 0.9, noNaN: true }),
    periodicity: fc.constantFrom('annual', 'semiannual', 'quarterly', 'monthly'),
    indexed: fc.boolean(),
    ratePct: fc.integer({ min: 10, max: 900 }).map((b) => new Decimal(b).div(100)),
    progressivityPct: fc.constantFrom('0', '0.5', '2.75', '-1'),
    profile: fc.constantFrom('payment_priority', 'amortisation_priority'),
    dayCount: fc.constantFrom('30/360', 'actual/365'),
  });
  test.prop([lineArb], { numRuns: 60 })('each deferral row pays exactly its interest and repays nothing; every table closes', (l) => {
    const deferral = Math.min(l.periods - 1, Math.floor(l.periods * l.deferralShare));
    const s = amortizeLine(
      {
        principal: l.principal, firstDueDate: '2027-06-15', periods: l.periods, periodicity: l.periodicity, ratePct: l.ratePct,
        ...(l.indexed ? { index: 'livret_a', marginPct: '0.6', revision: 'DL' } : {}),
        progressivityPct: l.progressivityPct, profile: l.profile, dayCount: l.dayCount, deferralPeriods: deferral,
      },
      { index: bundledLivretA() },
    );
    s.rows.slice(0, deferral).forEach((r) => {
      expect(r.payment.equals(r.interest)).toBe(true);
      expect(r.amortisation.isZero()).toBe(true);
      expect(r.capitalAfter.equals(s.summary.amortisedCapital)).toBe(true);
    });
    const last = s.rows[s.rows.length - 1]!;
    expect([last.capitalAfter.toFixed(2), last.deferredStock.toFixed(2)]).toEqual(['0.00', '0.00']);
    expect(s.summary.totalAmortisation.equals(s.summary.amortisedCapital)).toBe(true);
  });
});
