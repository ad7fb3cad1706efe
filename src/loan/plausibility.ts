import { Decimal, compare, dec } from '../money/decimal.js';
import { type IsoDate, toFrenchDate } from '../calendar/date.js';
import { type RateHistory, rateInForce } from '../rates/history.js';
import { amortisationStart, prefinancingStart } from './prefinancing.js';
import type { LoanLine } from './types.js';

/**
 * The bounds past which a loan line looks mistyped. A line outside them is
 * amortised all the same, to the cent: a plausibility warning never changes
 * a figure (`--no-warnings` mutes it).
 */
export const PLAUSIBILITY = {
  /** Points between `rate_pct` and index + margin at the effective date beyond which the rate looks mistyped. */
  rateGapPoints: dec(1),
  /** An annual rate above this, in %, looks mistyped. */
  maxAnnualRatePct: dec(20),
  /** A margin over the index outside this range, in %, looks mistyped. */
  minMarginPct: dec(-2),
  maxMarginPct: dec(5),
  /** A principal outside this range, in €, looks mistyped. */
  minPrincipal: dec(100),
  maxPrincipal: dec('10000000000'),
  /** A line longer than this (prefinancing and amortisation), in years, looks mistyped. */
  maxYears: 80,
} as const;

/** A plausibility warning about one line, with the column it is about (a LOANS.csv column name). */
export interface LineWarning {
  readonly columnName: string;
  readonly message: string;
}

/** « 2,3 % »: a percentage as a French reader writes it. */
function pct(d: Decimal): string {
  return `${d.toFixed().replace('.', ',')} %`;
}

/** « 1 234,56 € ». */
function euros(d: Decimal): string {
  const [int, frac] = d.toFixed(2).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac} €`;
}

/**
 * The index value the contract's rate I was set from: I is « actualisé à la
 * date d'effet du contrat », a date LOANS.csv does not give; finloc takes the
 * value in force at the start of the line's first phase (the prefinancing
 * start, else the start of the amortisation phase, one period before the
 * first due date), or at the first due date when the history starts later.
 */
export function indexAtEffectiveDate(line: LoanLine, index: RateHistory): { ratePct: Decimal; date: IsoDate; what: string } | undefined {
  try {
    const start = line.prefinancingMonths > 0 ? prefinancingStart(line) : amortisationStart(line);
    const what = line.prefinancingMonths > 0 ? 'start of the prefinancing phase' : 'start of the amortisation phase';
    const atStart = rateInForce(index, start);
    if (atStart !== undefined) return { ratePct: atStart.ratePct, date: start, what };
    const atFirst = rateInForce(index, line.firstDueDate);
    return atFirst === undefined ? undefined : { ratePct: atFirst.ratePct, date: line.firstDueDate, what: 'first due date' };
  } catch {
    return undefined; // a date the calendar refuses: the line's own validation says so
  }
}

/** index + margin, and the rates within `rateGapPoints` of it (bounds included): |rate − expected| ≤ 1 ⟺ low ≤ rate ≤ high. */
interface RateRange {
  readonly expected: Decimal;
  readonly low: Decimal;
  readonly high: Decimal;
}

/**
 * The range of plausible rates for an index value and a margin, made once
 * for each pair of Decimals: the index value is the history's, and lines read
 * from a file share the Decimal of a margin written alike (readRow remembers
 * readings). Made for every line, the sum, difference and absolute value
 * were two thirds of the plausibility checks' time on a portfolio
 * (docs/performance.md, issue 17).
 */
function rateRange(indexPct: Decimal, marginPct: Decimal): RateRange {
  let byMargin = rangesByIndex.get(indexPct);
  if (byMargin === undefined) rangesByIndex.set(indexPct, (byMargin = new WeakMap()));
  let range = byMargin.get(marginPct);
  if (range === undefined) {
    const expected = indexPct.plus(marginPct);
    byMargin.set(marginPct, (range = { expected, low: expected.minus(PLAUSIBILITY.rateGapPoints), high: expected.plus(PLAUSIBILITY.rateGapPoints) }));
  }
  return range;
}

/** Dropped with the Decimals they were made for. */
const rangesByIndex = new WeakMap<Decimal, WeakMap<Decimal, RateRange>>();

/**
 * An annual rate above 20 % looks mistyped (« did you mean 3,45 %? » for
 * 345): a line's own rate, or a step's (src/loan/rate-steps.ts).
 */
export function highRateWarning(rate: Decimal): string | undefined {
  const P = PLAUSIBILITY;
  if (compare(rate, P.maxAnnualRatePct) <= 0) return undefined;
  const guess = rate.div(100);
  return `annual rate ${pct(rate)} is above ${pct(P.maxAnnualRatePct)}` + (guess.lessThanOrEqualTo(P.maxAnnualRatePct) ? `; did you mean ${pct(guess)}?` : '');
}

/**
 * What looks mistyped in a loan line (issue 11): an indexed line whose
 * `rate_pct` is more than one point from index + margin at the effective
 * date (« did you mean 2,3 %? » when the rate × 100 or ÷ 100 fits), an annual
 * rate above 20 %, a margin outside −2 % … +5 %, a principal under 100 € or
 * over 10 billion €, a line longer than 80 years. Nothing here changes a
 * figure; the caller locates each warning (file, line, column).
 */
export function loanLineWarnings(line: LoanLine, index?: RateHistory): LineWarning[] {
  const P = PLAUSIBILITY;
  const warnings: LineWarning[] = [];
  const rate = line.ratePct;
  if (line.index !== 'none' && index !== undefined) {
    const at = indexAtEffectiveDate(line, index);
    if (at !== undefined) {
      const { expected, low, high } = rateRange(at.ratePct, line.marginPct);
      const fits = (r: Decimal) => compare(r, low) >= 0 && compare(r, high) <= 0;
      if (!fits(rate)) {
        const guess = [rate.times(100), rate.div(100)].find(fits);
        warnings.push({
          columnName: 'rate_pct',
          message:
            `rate ${pct(rate)} is ${rate.minus(expected).abs().toFixed().replace('.', ',')} points from ${index.name} ${pct(at.ratePct)} ` +
            `(in force on ${toFrenchDate(at.date)}, ${at.what}) + margin ${pct(line.marginPct)} = ${pct(expected)}` +
            (guess !== undefined ? `; did you mean ${pct(guess)}?` : '; check rate_pct and margin_pct'),
        });
      }
    }
  }
  const high = highRateWarning(rate);
  if (high !== undefined) warnings.push({ columnName: 'rate_pct', message: high });
  if (line.index !== 'none' && (compare(line.marginPct, P.minMarginPct) < 0 || compare(line.marginPct, P.maxMarginPct) > 0)) {
    warnings.push({ columnName: 'margin_pct', message: `margin ${pct(line.marginPct)} over the index is outside ${pct(P.minMarginPct)} … +${pct(P.maxMarginPct)}` });
  }
  if (compare(line.principal, P.minPrincipal) < 0) {
    warnings.push({ columnName: 'principal', message: `principal ${euros(line.principal)} is under 100 €` });
  } else if (compare(line.principal, P.maxPrincipal) > 0) {
    warnings.push({ columnName: 'principal', message: `principal ${euros(line.principal)} is over 10 billion €` });
  }
  const months = line.prefinancingMonths + line.periods * line.periodMonths;
  if (months > P.maxYears * 12) {
    const years = dec(months).div(12);
    warnings.push({
      columnName: line.prefinancingMonths > P.maxYears * 12 ? 'prefinancing_months' : 'periods',
      message:
        `the line lasts ${years.toDecimalPlaces(2).toFixed().replace('.', ',')} years ` +
        `(${line.prefinancingMonths > 0 ? `${line.prefinancingMonths} months of prefinancing + ` : ''}${line.periods} due dates × ${line.periodMonths} months), more than ${P.maxYears}`,
    });
  }
  return warnings;
}
