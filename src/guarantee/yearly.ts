import { type Decimal, ZERO, sum } from '../money/decimal.js';
import { isoDate, yearOf } from '../calendar/date.js';
import { prefinancingStart } from '../loan/prefinancing.js';
import type { GuaranteedLine, GuaranteedRow } from './types.js';

/** What a line (or a guarantor's part of it) owes over one calendar year. */
export interface YearFigures {
  /** Capital remaining on 1 January (« capital restant dû au 1er janvier »). */
  readonly capitalStart: Decimal;
  /** « Annuité »: the payments falling due in the year. */
  readonly annuity: Decimal;
  readonly amortisation: Decimal;
  readonly interest: Decimal;
  readonly deferredInterest: Decimal;
  /** Capital remaining on 31 December. */
  readonly capitalEnd: Decimal;
}

/** The figures of a row that a year's statement adds up: a loan's row or a guarantor's part of it. */
type FlowRow = Pick<GuaranteedRow, 'dueDate' | 'payment' | 'amortisation' | 'interest' | 'deferredInterest' | 'capitalAfter'>;

/**
 * The year's figures from a schedule's rows: capital after the last due
 * date before 1 January (or the capital amortised, before the first one),
 * the sums of the due dates of the year, and the capital after the last of
 * them. The 31 December capital is thus the 1 January capital less the
 * year's amortisation, by the schedule's own identity.
 */
export function yearFigures(rows: readonly FlowRow[], capitalBefore: Decimal, year: number): YearFigures {
  const first = isoDate(year, 1, 1);
  const last = isoDate(year, 12, 31);
  let capitalStart = capitalBefore;
  const inYear: FlowRow[] = [];
  for (const r of rows) {
    if (r.dueDate < first) capitalStart = r.capitalAfter;
    else if (r.dueDate <= last) inYear.push(r);
  }
  return {
    capitalStart,
    annuity: sum(inYear.map((r) => r.payment)),
    amortisation: sum(inYear.map((r) => r.amortisation)),
    interest: sum(inYear.map((r) => r.interest)),
    deferredInterest: sum(inYear.map((r) => r.deferredInterest)),
    capitalEnd: inYear.length > 0 ? inYear[inYear.length - 1]!.capitalAfter : capitalStart,
  };
}

export const NO_FIGURES: YearFigures = {
  capitalStart: ZERO, annuity: ZERO, amortisation: ZERO, interest: ZERO, deferredInterest: ZERO, capitalEnd: ZERO,
};

export function addFigures(a: YearFigures, b: YearFigures): YearFigures {
  return {
    capitalStart: a.capitalStart.plus(b.capitalStart),
    annuity: a.annuity.plus(b.annuity),
    amortisation: a.amortisation.plus(b.amortisation),
    interest: a.interest.plus(b.interest),
    deferredInterest: a.deferredInterest.plus(b.deferredInterest),
    capitalEnd: a.capitalEnd.plus(b.capitalEnd),
  };
}

/** First year a line is owed: the year its money is lent (start of prefinancing, or of amortisation). */
export function firstYear(line: GuaranteedLine): number {
  return yearOf(prefinancingStart(line.schedule.line));
}

/** Last year a line is owed: the year of its last due date. */
export function lastYear(line: GuaranteedLine): number {
  return yearOf(line.schedule.rows[line.schedule.rows.length - 1]!.dueDate);
}

/** Whether a line belongs to the year: lent by its end, and not repaid before it began. */
export function owedInYear(line: GuaranteedLine, year: number): boolean {
  return firstYear(line) <= year && year <= lastYear(line);
}

/** One guarantee's figures for the year: the whole line's and the guarantor's part. */
export interface GuaranteeYear {
  readonly guaranteed: GuaranteedLine;
  readonly line: YearFigures;
  readonly part: YearFigures;
}

export function guaranteeYear(guaranteed: GuaranteedLine, year: number): GuaranteeYear {
  return {
    guaranteed,
    line: yearFigures(guaranteed.schedule.rows, guaranteed.schedule.summary.amortisedCapital, year),
    part: yearFigures(guaranteed.rows, guaranteed.capitalBefore, year),
  };
}
