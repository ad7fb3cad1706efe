import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { amortize } from '../../src/loan/schedule.js';
import { accrualApprox, amortizeInCentsTo, periodFactor } from '../../src/loan/schedule-in-cents.js';
import { test as prop, fc } from '@fast-check/vitest';
import type { Factor } from '../../src/money/cents.js';
import type { InterestMode, PeriodMonths } from '../../src/loan/types.js';
import { CentsRowWriter, scheduleBody } from '../../src/loan/render.js';
import { ByteWriter } from '../../src/output/byte-writer.js';
import { periodRate } from '../../src/loan/period-rate.js';
import { accrualFactor } from '../../src/loan/interest.js';
import { countDays } from '../../src/calendar/day-count.js';
import { amortisationStart } from '../../src/loan/prefinancing.js';
import { contractRates } from '../../src/loan/revision.js';
import type { LoanLine } from '../../src/loan/types.js';
import type { IsoDate } from '../../src/calendar/date.js';
import { loanLine } from '../../src/loan/plain-line.js';
import type { TableFormat } from '../../src/output/format.js';
import { bundledLivretA } from '../helpers/loan-arbitraries.js';

/**
 * Differential test aimed at half-cent ties (issue 17): lines whose interest,
 * before rounding, falls exactly on a half-cent (proportional rates, whose
 * period rate is a short decimal) or within a millionth of a cent of one
 * (equivalent rates and actual-day accruals, fractional powers), on
 * quarterly, monthly and actual-day lines. There the double the hot path
 * uses cannot decide, and the Decimal must: the bytes of every table equal
 * the Decimal core's.
 */

const index = bundledLivretA();

// A fixed-rate line read as LOANS.csv would give it (defaults for the rest); each case changes what it aims at.
const base: LoanLine = loanLine({ lineId: 'T', principal: 100000, firstDueDate: '2027-03-15', periods: 12, periodicity: 3, ratePct: 2.3, interestMode: 'proportional' });

function directBody(line: LoanLine, format: TableFormat): string {
  const out = new ByteWriter(1024);
  const writer = new CentsRowWriter(out, format);
  writer.begin(line.lineId);
  writer.total(amortizeInCentsTo(line, { index }, writer)!);
  return new TextDecoder().decode(out.bytes());
}

/** The factor of a row's interest, from the core's own functions: the period rate, or the accrual of its actual days. */
function interestFactor(line: LoanLine, from: IsoDate, to: IsoDate): Decimal {
  const rate = contractRates(line).rate;
  return line.dayCount === '30/360' ? periodRate(rate, line.periodMonths, line.interestMode) : accrualFactor(rate, countDays(line.dayCount, from, to), line.dayCount, line.interestMode);
}

/** How far a number of cents lies from the nearest half-cent. */
const fromHalfCent = (cents: Decimal) => cents.minus(cents.floor()).minus('0.5').abs().toNumber();

/** Each row's interest before rounding, in cents: how far it lies from a half-cent. */
function distancesToHalfCent(line: LoanLine): number[] {
  const schedule = amortize(line, { index });
  let previous = amortisationStart(line);
  let capital = line.principal;
  return schedule.rows.map((row) => {
    const cents = capital.times(100).times(interestFactor(line, previous, row.dueDate));
    previous = row.dueDate;
    capital = row.capitalAfter;
    return fromHalfCent(cents);
  });
}

/**
 * Lines of the given kind whose first interest falls on (or within
 * `tolerance` of) a half-cent: principals are searched with the first
 * factor as a double, each found one confirmed in Decimals.
 */
function tiedLines(kind: Partial<LoanLine>, tolerance: number, wanted: number): { lines: LoanLine[]; ties: number } {
  const model: LoanLine = { ...base, ...kind };
  const factor = interestFactor(model, amortisationStart(model), model.firstDueDate);
  const approx = factor.toNumber();
  const lines: LoanLine[] = [];
  let ties = 0;
  for (let c = 1_000_000; lines.length < wanted && c < 9_000_000; c++) {
    const x = c * approx;
    if (Math.abs(x - Math.floor(x) - 0.5) > tolerance + 1e-6) continue;
    if (fromHalfCent(new Decimal(c).times(factor)) > tolerance) continue;
    const line: LoanLine = { ...model, lineId: String(c), principal: new Decimal(c).div(100) };
    lines.push(line);
    ties += distancesToHalfCent(line).filter((d) => d <= tolerance).length;
  }
  return { lines, ties };
}

describe('differential test at half-cent ties: the cents path writes the Decimal core’s bytes', () => {
  const cases: [string, Partial<LoanLine>, number][] = [
    ['quarterly, proportional 2,3 % (period rate 0,575 %: exact ties)', { periodMonths: 3, interestMode: 'proportional', ratePct: new Decimal('2.3') }, 0],
    ['monthly, proportional 2,4 % (period rate 0,2 %: exact ties)', { periodMonths: 1, interestMode: 'proportional', ratePct: new Decimal('2.4'), periods: 24 }, 0],
    ['quarterly, equivalent 2,3 % (a fractional power: near ties)', { periodMonths: 3, interestMode: 'equivalent', ratePct: new Decimal('2.3') }, 1e-5],
    ['monthly, equivalent 3,1 % (near ties)', { periodMonths: 1, interestMode: 'equivalent', ratePct: new Decimal('3.1'), periods: 24 }, 1e-5],
    ['annual actual/365, proportional 3,65 % (exact ties on 365-day years)', { periodMonths: 12, dayCount: 'actual/365', interestMode: 'proportional', ratePct: new Decimal('3.65') }, 0],
    ['quarterly actual/360, proportional 3,6 % (exact ties)', { periodMonths: 3, dayCount: 'actual/360', interestMode: 'proportional', ratePct: new Decimal('3.6') }, 0],
    ['quarterly actual/365, equivalent 2,3 % (near ties)', { periodMonths: 3, dayCount: 'actual/365', interestMode: 'equivalent', ratePct: new Decimal('2.3') }, 1e-5],
  ];
  test.each(cases)('%s', (_, kind, tolerance) => {
    const { lines, ties } = tiedLines(kind, tolerance, 40);
    expect(lines.length).toBe(40);
    expect(ties).toBeGreaterThanOrEqual(40);
    for (const line of lines) {
      const reference = amortize(line, { index });
      expect(directBody(line, 'csv')).toBe(scheduleBody(reference, 'csv'));
      expect(directBody(line, 'csv-fr')).toBe(scheduleBody(reference, 'csv-fr'));
    }
  }, 120_000);
});

describe('the fractional powers as doubles: the exact value lies within the stated bound', () => {
  /** |approx − exact| ≤ bound × |exact|, in Decimals. */
  const holds = (f: Factor) => {
    const exact = f.exact();
    const gap = new Decimal(f.approx).minus(exact).abs();
    expect(gap.lte(exact.abs().times(f.relativeError))).toBe(true);
  };
  // Rates of −99 % to 1 000 % with up to six decimals in percent, as LOANS.csv gives them.
  const rateArb = fc.integer({ min: -99_000_000, max: 1_000_000_000 }).map((n) => new Decimal(n).div(1e8));
  const months = fc.constantFrom<PeriodMonths>(1, 2, 3, 4, 6, 12);
  const mode = fc.constantFrom<InterestMode>('equivalent', 'proportional');
  prop.prop([rateArb, months, mode], { numRuns: 2000 })('period rates and growths', (rate, m, md) => {
    holds(periodFactor(rate, m, md, () => periodRate(rate, m, md)));
  });
  prop.prop([rateArb, fc.integer({ min: 1, max: 800 }), fc.constantFrom('actual/365' as const, 'actual/360' as const), mode], { numRuns: 2000 })('accruals over actual days', (rate, days, dayCount, md) => {
    holds(accrualApprox(rate, days, dayCount, md));
  });
});
