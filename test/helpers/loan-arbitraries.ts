import fc from 'fast-check';
import { Decimal } from '../../src/money/decimal.js';
import { isoDate } from '../../src/calendar/date.js';
import { livretAHistory } from '../../src/rates/livret-a.js';
import type { RatePoint, RateHistory } from '../../src/rates/history.js';
import type { LoanLine, PeriodMonths } from '../../src/loan/types.js';

/** Decimals with a fixed number of places, from integers (no float ever holds the value). */
export function decimalArb(minUnits: number, maxUnits: number, places: number): fc.Arbitrary<Decimal> {
  return fc.integer({ min: minUnits, max: maxUnits }).map((u) => new Decimal(u).div(new Decimal(10).pow(places)));
}

/** The bundled Livret A history, as data/livret-a.csv holds it. */
export const LIVRET_A_POINTS: readonly [string, string][] = [
  ['2008-02-01', '3.5'], ['2008-08-01', '4.0'], ['2009-02-01', '2.5'], ['2009-05-01', '1.75'], ['2009-08-01', '1.25'],
  ['2010-08-01', '1.75'], ['2011-02-01', '2.0'], ['2011-08-01', '2.25'], ['2013-02-01', '1.75'], ['2013-08-01', '1.25'],
  ['2014-08-01', '1.0'], ['2015-08-01', '0.75'], ['2020-02-01', '0.5'], ['2022-02-01', '1.0'], ['2022-08-01', '2.0'],
  ['2023-02-01', '3.0'], ['2025-02-01', '2.4'], ['2025-08-01', '1.7'], ['2026-02-01', '1.5'], ['2026-08-01', '1.7'],
];

export function bundledLivretA(): RateHistory {
  return livretAHistory(LIVRET_A_POINTS.map(([d, r]) => ({ effectiveDate: d as RatePoint['effectiveDate'], ratePct: new Decimal(r) })));
}

/** A random index scenario: a value every six months from 2008, between 0 % and 6 % (sometimes strongly negative margins make I' hit 0). */
export const livretAScenarioArb: fc.Arbitrary<RateHistory> = fc
  .array(fc.integer({ min: 0, max: 600 }), { minLength: 90, maxLength: 90 })
  .map((hundredths) =>
    livretAHistory(
      hundredths.map((h, i) => ({
        effectiveDate: isoDate(2008 + Math.floor(i / 2), i % 2 === 0 ? 2 : 8, 1),
        ratePct: new Decimal(h).div(100),
      })),
    ),
  );

const periodMonthsArb = fc.constantFrom<PeriodMonths>(12, 6, 3, 1);

/** Any loan line the engine accepts: every profile, revision mode, periodicity, day count and interest mode. */
export function loanLineArb(options: { maxPeriods?: number; prefinancing?: boolean } = {}): fc.Arbitrary<LoanLine> {
  const maxPeriods = options.maxPeriods ?? 60;
  return fc
    .record({
      id: fc.integer({ min: 1, max: 9_999_999 }),
      principal: decimalArb(100_00, 5_000_000_00, 2),
      year: fc.integer({ min: 2012, max: 2040 }), // with 24 months of prefinancing, still after the Livret A history starts (2008-02-01)
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      periods: fc.integer({ min: 1, max: maxPeriods }),
      periodMonths: periodMonthsArb,
      indexed: fc.boolean(),
      marginPct: decimalArb(-200, 200, 2),
      ratePct: decimalArb(0, 800, 2),
      revision: fc.constantFrom('DL', 'DR', 'SR'),
      progressivityPct: decimalArb(-300, 300, 2),
      floorPct: decimalArb(-100, 100, 2),
      profile: fc.constantFrom('payment_priority', 'amortisation_priority'),
      interestMode: fc.constantFrom('equivalent', 'proportional'),
      dayCount: fc.constantFrom('30/360', 'actual/365', 'actual/360'),
      prefinancingMonths: options.prefinancing === false ? fc.constant(0) : fc.constantFrom(0, 0, 0, 6, 12, 24),
    })
    .map((r) => {
      const day = Math.min(r.day, new Date(Date.UTC(r.year, r.month, 0)).getUTCDate());
      return {
        lineId: String(r.id),
        principal: r.principal,
        firstDueDate: isoDate(r.year, r.month, day),
        periods: r.periods,
        periodMonths: r.periodMonths,
        index: r.indexed ? 'livret_a' : 'none',
        marginPct: r.indexed ? r.marginPct : new Decimal(0),
        ratePct: r.ratePct,
        revision: r.indexed ? (r.revision as LoanLine['revision']) : 'none',
        progressivityPct: r.progressivityPct,
        progressivityFloorPct: r.floorPct,
        profile: r.profile as LoanLine['profile'],
        interestMode: r.interestMode as LoanLine['interestMode'],
        dayCount: r.dayCount as LoanLine['dayCount'],
        prefinancingMonths: r.prefinancingMonths,
      } satisfies LoanLine;
    });
}
