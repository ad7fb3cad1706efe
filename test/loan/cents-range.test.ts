import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../../src/money/decimal.js';
import { centsPathFits } from '../../src/loan/cents-range.js';
import { amortize } from '../../src/loan/schedule.js';
import { loanLine } from '../../src/loan/plain-line.js';
import { InputError } from '../../src/errors.js';
import { bundledLivretA } from '../helpers/loan-arbitraries.js';

const livretA = bundledLivretA(); // highest value 4,0 % (01/08/2008)

describe('centsPathFits: the bound written in its doc comment', () => {
  test.each([
    // ln 10^8 + 1,05 × 0,023 × 26 ≈ 19,05 ≤ ln 2^50 ≈ 34,66; + ln 26 ≈ 22,3 ≤ ln 2^53 ≈ 36,74
    { what: '1 M€ at 2,3 % over 25 years', line: { principal: 1e6, ratePct: 2.3, periods: 25 }, cents: 1e8, fits: true },
    // Livret A at its highest (4 %) + 100 %: 18,42 + 1,05 × 1,04 × 41 ≈ 63,2 > 34,66
    { what: '1 M€ at Livret A + 100 % over 40 years', line: { principal: 1e6, ratePct: 2.3, periods: 40, index: 'livret_a', marginPct: 100, revision: 'DL' }, cents: 1e8, fits: false },
    // 10 bn€ at 5 %, 480 monthly due dates: 27,63 + 1,05 × 0,05 × 41 ≈ 29,78 ≤ 34,66; + ln 481 ≈ 35,96 ≤ 36,74
    { what: '10 bn€ at 5 % over 40 years, monthly', line: { principal: 1e10, ratePct: 5, periods: 480, periodicity: 'monthly' }, cents: 1e12, fits: true },
    // 10 bn€ at 10 %: 27,63 + 1,05 × 0,1 × 41 ≈ 31,94; + 6,18 ≈ 38,1 > 36,74 (the totals might pass 2^53)
    { what: '10 bn€ at 10 % over 40 years, monthly', line: { principal: 1e10, ratePct: 10, periods: 480, periodicity: 'monthly' }, cents: 1e12, fits: false },
    // One cent at 1 000 %: ln 1 + 1,05 × 10 × 101 ≈ 1 060 > 34,66
    { what: 'one cent at 1 000 % over 100 years', line: { principal: 0.01, ratePct: 1000, periods: 100 }, cents: 1, fits: false },
    // One cent at 1 000 % over 2 years: 0 + 1,05 × 10 × 3 = 31,5 ≤ 34,66; + ln 3 ≈ 32,6 ≤ 36,74
    { what: 'one cent at 1 000 % over 2 years', line: { principal: 0.01, ratePct: 1000, periods: 2 }, cents: 1, fits: true },
    { what: 'a capital past 2^50 cents', line: { principal: 2e13, ratePct: 0, periods: 1 }, cents: 2e15, fits: false },
  ])('$what: $fits', ({ line, cents, fits }) => {
    expect(centsPathFits(loanLine({ firstDueDate: '2027-01-01', ...line }), cents, livretA)).toBe(fits);
  });
});

describe('the bound holds: a line it admits never has a figure past 2^50 cents, nor a total past 2^53', () => {
  // Lines near the bound: large principals, high rates and margins, long lives, every profile and day count.
  const lineArb = fc.record({
    principalCents: fc.integer({ min: 1, max: 2 ** 30 }).chain((m) => fc.integer({ min: 0, max: 5 }).map((e) => m * 10 ** e)),
    ratePct: fc.integer({ min: 0, max: 20_000 }).map((h) => h / 100),
    indexed: fc.boolean(),
    marginPct: fc.integer({ min: -200, max: 20_000 }).map((h) => h / 100),
    progressivityPct: fc.integer({ min: -2_000, max: 5_000 }).map((h) => h / 100),
    periodicity: fc.constantFrom('annual', 'semiannual', 'quarterly', 'monthly'),
    years: fc.integer({ min: 1, max: 60 }),
    profile: fc.constantFrom('payment_priority', 'amortisation_priority'),
    interestMode: fc.constantFrom('equivalent', 'proportional'),
    dayCount: fc.constantFrom('30/360', 'actual/365', 'actual/360'),
    revision: fc.constantFrom('DL', 'DR', 'SR'),
  });
  test('on a seeded sample of 400 lines, about half of them admitted', () => {
    let admitted = 0;
    for (const r of fc.sample(lineArb, { seed: 11, numRuns: 400 })) {
      const perYear = { annual: 1, semiannual: 2, quarterly: 4, monthly: 12 }[r.periodicity];
      const line = loanLine({
        principal: new Decimal(r.principalCents).div(100),
        firstDueDate: '2027-03-31',
        periods: r.years * perYear,
        periodicity: r.periodicity,
        ratePct: r.ratePct,
        ...(r.indexed ? { index: 'livret_a', marginPct: r.marginPct, revision: r.revision } : {}),
        progressivityPct: r.progressivityPct,
        profile: r.profile,
        interestMode: r.interestMode,
        dayCount: r.dayCount,
      });
      if (!centsPathFits(line, r.principalCents, livretA)) continue;
      admitted++;
      let schedule;
      try {
        schedule = amortize(line, { index: livretA });
      } catch (e) {
        // Past 10^15 € the core refuses; an admitted line never gets there (2^53 cents ≈ 9 × 10^13 €).
        expect(e).not.toBeInstanceOf(InputError);
        throw e;
      }
      const cents = (d: Decimal) => d.abs().times(100).toNumber();
      for (const row of schedule.rows) {
        for (const figure of [row.payment, row.amortisation, row.interest, row.deferredInterest, row.capitalAfter, row.deferredStock]) {
          expect(cents(figure)).toBeLessThanOrEqual(2 ** 50);
        }
      }
      const s = schedule.summary;
      for (const total of [s.totalPayment, s.totalAmortisation, s.totalInterest, s.totalDeferredInterest]) expect(cents(total)).toBeLessThanOrEqual(2 ** 53);
    }
    expect(admitted).toBeGreaterThan(100);
    expect(admitted).toBeLessThan(400);
  });
});
