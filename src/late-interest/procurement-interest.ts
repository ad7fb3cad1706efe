import { Decimal, ZERO, percentToRate, roundToCent, sum } from '../money/decimal.js';
import type { IsoDate } from '../calendar/date.js';
import type { RateHistory } from '../rates/history.js';
import { type WorkingCalendar, workingCalendar } from '../calendar/working-day.js';
import { type PeriodStart, paymentDelay, periodStart } from './procurement-deadline.js';
import { type Semester, semesterRate } from './semester-rate.js';
import { type ProcurementRegime, procurementRegime } from './procurement-regime.js';
import { type ComplementaryInterest, complementaryInterest } from './complementary-interest.js';

export { FIXED_RECOVERY_INDEMNITY } from './procurement-regime.js';

/** The year of the procurement formula: exact days over 365, leap years included. */
export const PROCUREMENT_DAYS_IN_YEAR = 365;

/** One payment request (« demande de paiement ») of a public contract. */
export interface Invoice {
  readonly invoiceId: string;
  /** Amount including VAT (TTC): the sum whose payment is late. */
  readonly amount: Decimal;
  /** Receipt of the payment request; may be unknown when `requestDate` or `serviceDate` is given (see periodStart). */
  readonly received?: IsoDate | undefined;
  /** Date of the payment request itself (the invoice's date). */
  readonly requestDate?: IsoDate | undefined;
  /** Date the services were performed (« date d'exécution des prestations », R2192-13). */
  readonly serviceDate?: IsoDate | undefined;
  /** « Mise en paiement » of the principal. */
  readonly paid: IsoDate;
  readonly paymentDays: number;
  readonly suspensionDays: number;
  /** Notification of the contract: before 16 March 2013, the former rules (procurement-regime.ts). */
  readonly notified?: IsoDate | undefined;
  /** Payment of the late interest and indemnity, when known: past 45 days, complementary interest. */
  readonly interestPaid?: IsoDate | undefined;
}

/** How the deadline is computed: on working days (the default, the CCAG's rule) or calendar days. */
export interface ProcurementRules {
  /**
   * The working calendar the last day of the period is moved by; not given:
   * the national public holidays (`workingCalendar()`); `'calendar-days'`:
   * no extension, for contracts that exclude it.
   */
  readonly calendar?: WorkingCalendar | 'calendar-days' | undefined;
  /** The legal interest rate (« tous les autres cas ») by semester: needed only for complementary interest. */
  readonly legalRate?: RateHistory | undefined;
}

export interface InvoiceInterest {
  readonly invoice: Invoice;
  readonly regime: ProcurementRegime;
  readonly start: PeriodStart;
  /** The period's last calendar day, before extension to a working day. */
  readonly nominalDeadline: IsoDate;
  readonly deadline: IsoDate;
  /** Why the nominal deadline was moved (« samedi », « Lundi de Pâques »…). */
  readonly extendedBecause: string | undefined;
  readonly late: boolean;
  /** The rest are set only when late. */
  readonly interestStart: IsoDate | undefined;
  readonly daysLate: number;
  readonly semester: Semester | undefined;
  readonly ecbRatePct: Decimal | undefined;
  readonly ratePct: Decimal | undefined;
  /** The semester's ECB rate is the last known value held, not a published one. */
  readonly rateProjected: boolean;
  /** ECB rate + 8 points was negative: the rate applied is the floor, 0 (see `PROCUREMENT_RATE_FLOOR_RULE`). */
  readonly rateFloored: boolean;
  readonly interest: Decimal;
  readonly indemnity: Decimal;
  /** Set when the interest's payment date is given and the invoice was late. */
  readonly complementary: ComplementaryInterest | undefined;
  /** interest + indemnity + complementary interest. */
  readonly total: Decimal;
}

/**
 * « Intérêts moratoires »: amount × rate × days / 365, rounded half-up to
 * the cent once, on the whole delay.
 *
 * Worked case (issue 4, on calendar days): 10 000,00 € TTC received
 * 02/01/2025, 30-day period → deadline 01/02/2025, interest from
 * 02/02/2025; paid 03/03/2025: 03/03 − 01/02 = 30 days (February 2025 has
 * 28). (On working days, the default, that Saturday moves the deadline to
 * Monday 03/02: 28 days, 85,53 €.) Semester 2025-S1: ECB
 * rate on 01/01/2025 = 3,15 % (decision in force since 18/12/2024), + 8 =
 * 11,15 %. 10 000 × 0,1115 × 30 / 365 = 33 450 / 365 = 91,643 8… → 91,64 €;
 * plus the 40 € indemnity: 131,64 €.
 */
export function lateInterestAmount(amount: Decimal, ratePct: Decimal, days: number): Decimal {
  return roundToCent(amount.times(percentToRate(ratePct)).times(days).div(PROCUREMENT_DAYS_IN_YEAR));
}

/**
 * The interest and indemnity owed on one invoice. Throws a RangeError when
 * it cannot be computed (no start date, a semester before the ECB
 * history, a complementary interest the legal rates do not cover): callers
 * validate first (see `invoiceProblems`).
 */
export function procurementInterest(invoice: Invoice, ecb: RateHistory, rules: ProcurementRules = {}): InvoiceInterest {
  const start = periodStart({ received: invoice.received, request: invoice.requestDate, service: invoice.serviceDate });
  if (start === undefined) throw new RangeError(`${invoice.invoiceId}: no date the payment period starts from`);
  const regime = procurementRegime(invoice.notified);
  const delay = paymentDelay(start.date, invoice.paid, invoice.paymentDays, invoice.suspensionDays, calendarOf(rules));
  const common = { invoice, regime, start, nominalDeadline: delay.nominalDeadline, deadline: delay.deadline, extendedBecause: delay.extendedBecause };
  if (delay.interestStart === undefined) {
    return {
      ...common, late: false, interestStart: undefined, daysLate: 0, semester: undefined,
      ecbRatePct: undefined, ratePct: undefined, rateProjected: false, rateFloored: false, interest: ZERO, indemnity: ZERO, complementary: undefined, total: ZERO,
    };
  }
  const rate = semesterRate(ecb, delay.interestStart, regime.marginPct);
  if (rate === undefined) throw new RangeError(`${invoice.invoiceId}: no ECB rate for the semester of ${delay.interestStart}`);
  const interest = lateInterestAmount(invoice.amount, rate.ratePct, delay.daysLate);
  const complementary = complementaryOf(invoice, interest.plus(regime.indemnity), rules);
  return {
    ...common,
    late: true,
    interestStart: delay.interestStart,
    daysLate: delay.daysLate,
    semester: rate.semester,
    ecbRatePct: rate.ecbRatePct,
    ratePct: rate.ratePct,
    rateProjected: rate.projected,
    rateFloored: rate.floored,
    interest,
    indemnity: regime.indemnity,
    complementary,
    total: interest.plus(regime.indemnity).plus(complementary?.interest ?? ZERO),
  };
}

const NATIONAL = workingCalendar('national');

/** The calendar a deadline is moved by, or undefined on calendar days. */
export function calendarOf(rules: ProcurementRules): WorkingCalendar | undefined {
  return rules.calendar === 'calendar-days' ? undefined : (rules.calendar ?? NATIONAL);
}

function complementaryOf(invoice: Invoice, base: Decimal, rules: ProcurementRules): ComplementaryInterest | undefined {
  if (invoice.interestPaid === undefined) return undefined;
  if (rules.legalRate === undefined) throw new RangeError(`${invoice.invoiceId}: complementary interest needs the legal rate history`);
  const outcome = complementaryInterest(base, invoice.paid, invoice.interestPaid, rules.legalRate);
  if (!outcome.ok) throw new RangeError(`${invoice.invoiceId}: ${outcome.message}`);
  return outcome.result;
}

export interface ProcurementTotals {
  readonly invoices: number;
  readonly lateInvoices: number;
  readonly interest: Decimal;
  readonly indemnity: Decimal;
  readonly complementary: Decimal;
  readonly total: Decimal;
}

export function procurementTotals(results: readonly InvoiceInterest[]): ProcurementTotals {
  return {
    invoices: results.length,
    lateInvoices: results.filter((r) => r.late).length,
    interest: sum(results.map((r) => r.interest)),
    indemnity: sum(results.map((r) => r.indemnity)),
    complementary: sum(results.map((r) => r.complementary?.interest ?? ZERO)),
    total: sum(results.map((r) => r.total)),
  };
}
