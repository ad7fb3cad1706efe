import { type CentRounding, Decimal, ZERO, roundToCentWith, sum } from '../money/decimal.js';
import { type IsoDate, addMonths, compareDates } from '../calendar/date.js';
import { countDays } from '../calendar/day-count.js';
import { accrualFactor } from './interest.js';
import type { Disbursement, LoanLine } from './types.js';

/**
 * « Date de Début de la Phase d'Amortissement »: one period before the first
 * due date (article 5: due dates run from it at the chosen periodicity).
 */
export function amortisationStart(line: LoanLine): IsoDate {
  return addMonths(line.firstDueDate, -line.periodMonths);
}

/** Start of the « Phase de Préfinancement », `prefinancingMonths` before the amortisation phase. */
export function prefinancingStart(line: LoanLine): IsoDate {
  return addMonths(amortisationStart(line), -line.prefinancingMonths);
}

/**
 * The disbursements the schedule rests on: those given, or the contract's
 * own hypothesis (article 13): a single « Versement » of the whole line at the
 * start of the prefinancing phase, or of the amortisation phase without one.
 */
export function effectiveDisbursements(line: LoanLine, given: readonly Disbursement[] | undefined): readonly Disbursement[] {
  if (given && given.length > 0) return [...given].sort((a, b) => compareDates(a.date, b.date));
  return [{ date: line.prefinancingMonths > 0 ? prefinancingStart(line) : amortisationStart(line), amount: line.principal }];
}

/**
 * Prefinancing interest capitalised into the line at the start of
 * amortisation (rule 7, article 5 « Ligne du Prêt »): each disbursement bears
 * interest from its date to the start of the amortisation phase, at the rate
 * in force at the start of prefinancing, with the line's day count and
 * interest mode; the total is rounded half-up to the cent once.
 */
export function capitalisedPrefinancingInterest(line: LoanLine, disbursements: readonly Disbursement[], annualRate: Decimal, rounding: CentRounding = 'half-up'): Decimal {
  if (line.prefinancingMonths === 0) return ZERO;
  const start = amortisationStart(line);
  const exact = sum(
    disbursements.map((d) => d.amount.times(accrualFactor(annualRate, countDays(line.dayCount, d.date, start), line.dayCount, line.interestMode))),
  );
  return roundToCentWith(exact, rounding);
}

/**
 * First-period interest prorated to the actual disbursement dates (article
 * 11, « prorata temporis »), for a line without prefinancing: each
 * disbursement bears interest from its date (or the start of amortisation,
 * if earlier) to the first due date. Rounded half-up to the cent once.
 */
export function proratedFirstInterest(line: LoanLine, disbursements: readonly Disbursement[], annualRate: Decimal, rounding: CentRounding = 'half-up'): Decimal {
  const start = amortisationStart(line);
  const exact = sum(
    disbursements.map((d) => {
      const from = compareDates(d.date, start) < 0 ? start : d.date;
      return d.amount.times(accrualFactor(annualRate, countDays(line.dayCount, from, line.firstDueDate), line.dayCount, line.interestMode));
    }),
  );
  return roundToCentWith(exact, rounding);
}

export function totalDisbursed(disbursements: readonly Disbursement[]): Decimal {
  return sum(disbursements.map((d) => d.amount));
}
