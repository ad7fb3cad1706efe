import { FIRST_DATE, FIRST_DATE_FR, LAST_DATE, LAST_DATE_FR, compareDates, isInDateRange, monthIndexAfter, toFrenchDate } from '../calendar/date.js';
import { historyStart } from '../rates/history.js';
import { formatMachine } from '../money/format.js';
import { Decimal, ZERO, compare } from '../money/decimal.js';
import { amortisationStart, prefinancingStart } from './prefinancing.js';
import type { Disbursement, LoanLine } from './types.js';
import { rateStepProblems } from './rate-steps.js';
import type { RateHistory } from '../rates/history.js';

/** A progressivity at or below −100 % would make payments vanish or change sign. */
const MINUS_HUNDRED = new Decimal(-100);

export interface LineProblem {
  readonly columnName?: string;
  readonly message: string;
}

const DECIMAL_FIELDS = ['principal', 'marginPct', 'ratePct', 'progressivityPct', 'progressivityFloorPct'] as const;

/**
 * What a JavaScript caller may get wrong in a LoanLine's shape: a number
 * where a Decimal is expected (`principal: 1200000`), a date that is not an
 * ISO string. Checked before any rule, so that the error names the field
 * instead of failing deep in the engine.
 */
export function loanLineShapeProblems(line: LoanLine): LineProblem[] {
  if (typeof line !== 'object' || line === null) return [{ message: 'expected a loan line object (use loanLine() to build one from plain values)' }];
  const problems: LineProblem[] = [];
  for (const field of DECIMAL_FIELDS) {
    if (!Decimal.isDecimal(line[field])) problems.push({ columnName: field, message: `expected a Decimal, got ${JSON.stringify(line[field]) ?? typeof line[field]} (loanLine() builds a line from plain numbers and strings)` });
  }
  if (typeof line.firstDueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(line.firstDueDate)) problems.push({ columnName: 'firstDueDate', message: `expected an ISO date such as 2027-01-15, got ${JSON.stringify(line.firstDueDate)}` });
  for (const field of ['periods', 'periodMonths', 'prefinancingMonths'] as const) {
    if (!Number.isInteger(line[field])) problems.push({ columnName: field, message: `expected a whole number, got ${JSON.stringify(line[field])}` });
  }
  return problems;
}

/** The longest loan: 100 years (1 200 months) from the start of prefinancing, or of amortisation, to the last due date. */
export const MAX_LOAN_MONTHS = 1200;
const MAX_PERIODS = 1200;
const MAX_PREFINANCING_MONTHS = 120;

/**
 * The line's length and dates, before any date is computed: at most 1 200
 * due dates, 120 months of prefinancing, 100 years in all, every date from
 * the start of prefinancing to the last due date within 1900–2199.
 */
function spanProblems(line: LoanLine): LineProblem[] {
  const problems: LineProblem[] = [];
  if (line.periods > MAX_PERIODS) problems.push({ columnName: 'periods', message: `expected at most 1 200 due dates, got ${line.periods}` });
  const deferral = line.deferralPeriods ?? 0;
  if (!Number.isInteger(deferral) || deferral < 0 || deferral >= line.periods) {
    problems.push({ columnName: 'deferral_periods', message: `expected fewer interest-only due dates than due dates (${line.periods}), got ${deferral}` });
  }
  if (line.prefinancingMonths < 0 || line.prefinancingMonths > MAX_PREFINANCING_MONTHS) {
    problems.push({ columnName: 'prefinancing_months', message: `expected a prefinancing of 0 to ${MAX_PREFINANCING_MONTHS} months, got ${line.prefinancingMonths}` });
  }
  if (problems.length > 0) return problems;
  const months = line.prefinancingMonths + line.periods * line.periodMonths;
  if (months > MAX_LOAN_MONTHS) {
    problems.push({
      columnName: 'periods',
      message: `a loan of ${formatYears(months)} (${line.periods} ${PERIODICITY[line.periodMonths] ?? `${line.periodMonths}-monthly`} due dates${line.prefinancingMonths > 0 ? ` after ${line.prefinancingMonths} months of prefinancing` : ''}); the limit is 100 years`,
    });
    return problems;
  }
  if (!isInDateRange(line.firstDueDate)) {
    problems.push({ columnName: 'first_due_date', message: `expected a date between ${FIRST_DATE_FR} and ${LAST_DATE_FR}, got ${line.firstDueDate}` });
    return problems;
  }
  const last = monthIndexAfter(line.firstDueDate, (line.periods - 1) * line.periodMonths);
  if (last > monthIndexAfter(LAST_DATE, 0)) {
    problems.push({ columnName: 'periods', message: `the last due date would fall in ${monthYear(last)}, after ${LAST_DATE_FR}, the last date finloc computes` });
  }
  const start = monthIndexAfter(line.firstDueDate, -line.periodMonths - line.prefinancingMonths);
  if (start < monthIndexAfter(FIRST_DATE, 0)) {
    problems.push({
      columnName: line.prefinancingMonths > 0 ? 'prefinancing_months' : 'first_due_date',
      message: `the loan would start in ${monthYear(start)} (one period before the first due date${line.prefinancingMonths > 0 ? ', less its prefinancing' : ''}), before ${FIRST_DATE_FR}, the first date finloc computes`,
    });
  }
  return problems;
}

const PERIODICITY: Record<number, string> = { 12: 'annual', 6: 'semiannual', 4: 'four-monthly', 3: 'quarterly', 2: 'bimonthly', 1: 'monthly' };

function monthYear(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(index - year * 12 + 1).padStart(2, '0')}/${year}`;
}

function formatYears(months: number): string {
  return months % 12 === 0 ? `${months / 12} years` : `${Math.floor(months / 12)} years and ${months % 12} months`;
}

/** What makes a line impossible to amortise, each problem with the column it comes from. */
export function loanLineProblems(
  line: LoanLine,
  options: { readonly index?: RateHistory; readonly disbursements?: readonly Disbursement[] },
): LineProblem[] {
  const shape = loanLineShapeProblems(line);
  if (shape.length > 0) return shape;
  const problems: LineProblem[] = [];
  if (compare(line.principal, ZERO) <= 0) problems.push({ columnName: 'principal', message: 'expected an amount greater than zero' });
  if (!Number.isInteger(line.periods) || line.periods < 1) problems.push({ columnName: 'periods', message: 'expected a whole number of due dates, at least 1' });
  if (compare(line.progressivityPct, MINUS_HUNDRED) <= 0) problems.push({ columnName: 'progressivity_pct', message: 'expected a progressivity above -100 %' });
  if (line.fees !== undefined && (!Decimal.isDecimal(line.fees) || line.fees.isNegative() || !line.fees.lessThan(line.principal))) {
    problems.push({ columnName: 'fees', message: `expected fees of zero or more, below the line amount, got ${String(line.fees)}` });
  }
  if (compare(line.ratePct, ZERO) < 0) problems.push({ columnName: 'rate_pct', message: 'expected a rate of zero or more (article 10: a rate is never negative)' });
  const span = spanProblems(line);
  if (span.length > 0) return [...problems, ...span];

  if (line.index === 'none') {
    if (line.revision !== 'none') {
      problems.push({ columnName: 'revision', message: `revision ${line.revision} needs an index; a fixed-rate line has revision none` });
    }
  } else {
    if (line.revision === 'none') problems.push({ columnName: 'revision', message: 'an indexed line needs a revision mode: DL, DR or SR' });
    if (!options.index) {
      problems.push({ columnName: 'index', message: 'no history given for this index' });
    } else {
      const firstLookup = line.prefinancingMonths > 0 ? prefinancingStart(line) : line.firstDueDate;
      const start = historyStart(options.index);
      if (compareDates(firstLookup, start) < 0) {
        problems.push({
          columnName: line.prefinancingMonths > 0 ? 'prefinancing_months' : 'first_due_date',
          message: `needs the ${options.index.name} on ${toFrenchDate(firstLookup)}, before its history starts (${toFrenchDate(start)})`,
        });
      }
    }
  }

  if (line.rateSteps !== undefined && line.rateSteps.length > 0) for (const p of rateStepProblems(line, line.rateSteps)) {
    problems.push({ columnName: 'rate_steps', message: `rate step ${p.step + 1} (from due number ${line.rateSteps![p.step]!.fromNumber}): ${p.message}` });
  }

  const given = options.disbursements ?? [];
  if (given.length > 0) {
    let total = given[0]!.amount.minus(given[0]!.amount);
    for (const d of given) {
      total = total.plus(d.amount);
      if (!d.amount.greaterThan(0)) problems.push({ message: `disbursement of ${toFrenchDate(d.date)}: expected an amount greater than zero` });
      const limit = line.prefinancingMonths > 0 ? amortisationStart(line) : line.firstDueDate;
      const late = line.prefinancingMonths > 0 ? compareDates(d.date, limit) > 0 : compareDates(d.date, limit) >= 0;
      if (late) {
        problems.push({
          message: `disbursement of ${toFrenchDate(d.date)} comes after the ${line.prefinancingMonths > 0 ? 'end of prefinancing' : 'first due date'} (${toFrenchDate(limit)})`,
        });
      }
    }
    if (total.greaterThan(line.principal)) {
      problems.push({
        message: `disbursements add up to ${formatMachine(total)}, more than the line amount ${formatMachine(line.principal)}`,
      });
    }
  }
  return problems;
}
