import { Decimal, ZERO, dec, percentToRate, roundToCent, sum } from '../money/decimal.js';
import type { IsoDate } from '../calendar/date.js';
import type { RateHistory } from '../rates/history.js';
import { paymentDelay } from './procurement-deadline.js';
import { type Semester, semesterRate } from './semester-rate.js';

/** « Indemnité forfaitaire pour frais de recouvrement » (L2192-13, D2192-35): 40 €, once per late invoice, without VAT. */
export const FIXED_RECOVERY_INDEMNITY: Decimal = dec(40);

/** The year of the procurement formula: exact days over 365, leap years included. */
export const PROCUREMENT_DAYS_IN_YEAR = 365;

/** One payment request (« demande de paiement ») of a public contract. */
export interface Invoice {
  readonly invoiceId: string;
  /** Amount including VAT (TTC): the sum whose payment is late. */
  readonly amount: Decimal;
  readonly received: IsoDate;
  readonly paid: IsoDate;
  readonly paymentDays: number;
  readonly suspensionDays: number;
}

export interface InvoiceInterest {
  readonly invoice: Invoice;
  readonly deadline: IsoDate;
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
  readonly total: Decimal;
}

/**
 * « Intérêts moratoires »: amount × rate × days / 365, rounded half-up to
 * the cent once, on the whole delay.
 *
 * Worked case (issue 4): 10 000,00 € TTC received 02/01/2025, 30-day
 * period → deadline 01/02/2025, interest from 02/02/2025; paid 03/03/2025:
 * 03/03 − 01/02 = 30 days (February 2025 has 28). Semester 2025-S1: ECB
 * rate on 01/01/2025 = 3,15 % (decision in force since 18/12/2024), + 8 =
 * 11,15 %. 10 000 × 0,1115 × 30 / 365 = 33 450 / 365 = 91,643 8… → 91,64 €;
 * plus the 40 € indemnity: 131,64 €.
 */
export function lateInterestAmount(amount: Decimal, ratePct: Decimal, days: number): Decimal {
  return roundToCent(amount.times(percentToRate(ratePct)).times(days).div(PROCUREMENT_DAYS_IN_YEAR));
}

/**
 * The interest and indemnity owed on one invoice. Throws a RangeError when
 * interest starts in a semester before the ECB history: callers validate
 * first (see `invoiceProblems`).
 */
export function procurementInterest(invoice: Invoice, ecb: RateHistory): InvoiceInterest {
  const delay = paymentDelay(invoice.received, invoice.paid, invoice.paymentDays, invoice.suspensionDays);
  if (delay.interestStart === undefined) {
    return {
      invoice, deadline: delay.deadline, late: false, interestStart: undefined, daysLate: 0, semester: undefined,
      ecbRatePct: undefined, ratePct: undefined, rateProjected: false, rateFloored: false, interest: ZERO, indemnity: ZERO, total: ZERO,
    };
  }
  const rate = semesterRate(ecb, delay.interestStart);
  if (rate === undefined) throw new RangeError(`${invoice.invoiceId}: no ECB rate for the semester of ${delay.interestStart}`);
  const interest = lateInterestAmount(invoice.amount, rate.ratePct, delay.daysLate);
  return {
    invoice,
    deadline: delay.deadline,
    late: true,
    interestStart: delay.interestStart,
    daysLate: delay.daysLate,
    semester: rate.semester,
    ecbRatePct: rate.ecbRatePct,
    ratePct: rate.ratePct,
    rateProjected: rate.projected,
    rateFloored: rate.floored,
    interest,
    indemnity: FIXED_RECOVERY_INDEMNITY,
    total: interest.plus(FIXED_RECOVERY_INDEMNITY),
  };
}

export interface ProcurementTotals {
  readonly invoices: number;
  readonly lateInvoices: number;
  readonly interest: Decimal;
  readonly indemnity: Decimal;
  readonly total: Decimal;
}

export function procurementTotals(results: readonly InvoiceInterest[]): ProcurementTotals {
  return {
    invoices: results.length,
    lateInvoices: results.filter((r) => r.late).length,
    interest: sum(results.map((r) => r.interest)),
    indemnity: sum(results.map((r) => r.indemnity)),
    total: sum(results.map((r) => r.total)),
  };
}
