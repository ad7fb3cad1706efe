import { optional, required, withDefault, type RowOf } from '../csv/table.js';
import * as f from '../csv/fields.js';
import { dec } from '../money/decimal.js';
import { type IsoDate, LAST_DATE_FR, compareDates, isInDateRange, toFrenchDate } from '../calendar/date.js';
import { type RateHistory, historyStart } from '../rates/history.js';
import { LOCAL_AUTHORITY_PAYMENT_DAYS, MAX_PAYMENT_DAYS, paymentDelay, periodStart } from './procurement-deadline.js';
import { semesterLabel, semesterOf, semesterStart } from './semester-rate.js';
import { type Invoice, type InvoiceInterest, type ProcurementRules, calendarOf, procurementInterest } from './procurement-interest.js';
import { CURRENT_RULES_FROM, procurementRegime } from './procurement-regime.js';
import { complementaryInterest } from './complementary-interest.js';
import { type Arrear, type ArrearPayment, type ArrearProblemKind, type ArrearResult, arrearInterest } from './loan-arrears.js';

/** A payment period in whole days, at most the 60 days of the longest legal period. */
const paymentDays: f.FieldParser<number> = (raw) => {
  const r = f.positiveInteger(raw);
  return r.ok && r.value <= MAX_PAYMENT_DAYS
    ? r
    : { ok: false, expected: `a payment period in days from 1 to ${MAX_PAYMENT_DAYS} (30 for a local authority, 50 for a public health establishment, 60 for some public companies)` };
};

/** The longest suspension of the payment period read: 365 days. */
export const MAX_SUSPENSION_DAYS = 365;

/** INVOICES.csv, with the names a finance officer may give the columns. README lists them. */
export const invoiceSchema = {
  invoice_id: required(f.text, ['facture', 'n_facture', 'no_facture', 'numero_facture', 'numero', 'reference', 'demande_de_paiement']),
  amount_ttc: required(f.positiveAmount, ['montant_ttc', 'montant', 'amount', 'montant_ttc_en_eur']),
  received_date: optional(f.date, ['date_reception', 'date_de_reception', 'reception', 'date_de_reception_de_la_demande_de_paiement', 'received']),
  paid_date: required(f.date, ['date_paiement', 'date_de_paiement', 'paiement', 'date_de_mise_en_paiement', 'paid']),
  request_date: optional(f.date, ['date_demande', 'date_de_la_demande', 'date_de_la_demande_de_paiement', 'date_facture', 'date_de_facture', 'date_de_la_facture', 'date_emission']),
  service_date: optional(f.date, ['date_execution', 'date_d_execution', 'date_d_execution_des_prestations', 'date_service_fait', 'service_fait']),
  notified_date: optional(f.date, ['date_notification', 'date_de_notification', 'notification', 'date_de_notification_du_marche']),
  interest_paid_date: optional(f.date, ['date_paiement_interets', 'date_de_paiement_des_interets', 'date_de_mise_en_paiement_des_interets', 'interets_payes_le']),
  payment_days: withDefault(paymentDays, LOCAL_AUTHORITY_PAYMENT_DAYS, ['delai', 'delai_paiement', 'delai_de_paiement', 'delai_global_de_paiement', 'dgp']),
  suspension_days: withDefault(f.integerIn(0, MAX_SUSPENSION_DAYS, `a suspension of at most ${MAX_SUSPENSION_DAYS} days`), 0, ['suspension', 'jours_suspension', 'jours_de_suspension', 'suspension_du_delai']),
};
export type InvoiceRow = RowOf<typeof invoiceSchema>;

/** A problem of one row, located by its canonical column; the caller adds file, line and column number. */
export interface RowProblem<C extends string = string> {
  readonly column: C;
  readonly message: string;
}

export function invoiceFromRow(row: InvoiceRow): Invoice {
  return {
    invoiceId: row.invoice_id,
    amount: row.amount_ttc,
    received: row.received_date,
    requestDate: row.request_date,
    serviceDate: row.service_date,
    paid: row.paid_date,
    paymentDays: row.payment_days,
    suspensionDays: row.suspension_days,
    notified: row.notified_date,
    interestPaid: row.interest_paid_date,
  };
}

/**
 * What makes an invoice impossible to compute: no date to start the period
 * from, a payment before it, a semester the ECB history does not cover, an
 * interest payment before the principal's, a complementary interest the
 * rules or the legal rates do not cover.
 */
export function invoiceProblems(invoice: Invoice, ecb: RateHistory, rules: ProcurementRules = {}): RowProblem<keyof typeof invoiceSchema>[] {
  const start = periodStart({ received: invoice.received, request: invoice.requestDate, service: invoice.serviceDate });
  if (start === undefined) {
    return [{ column: 'received_date', message: 'missing value: the date of receipt of the payment request (or, when it is uncertain, request_date or service_date)' }];
  }
  const startColumn = start.rule === 'receipt' ? 'received_date' : start.rule === 'request' ? 'request_date' : 'service_date';
  if (compareDates(invoice.paid, start.date) < 0) {
    const what = start.rule === 'receipt' ? 'the date of receipt' : start.rule === 'request' ? 'the start of the period (request date + 2 days, receipt uncertain)' : 'the date the services were performed';
    return [{ column: 'paid_date', message: `payment date ${toFrenchDate(invoice.paid)} is before ${what} ${toFrenchDate(start.date)}` }];
  }
  const delay = paymentDelay(start.date, invoice.paid, invoice.paymentDays, invoice.suspensionDays, calendarOf(rules));
  if (!isInDateRange(delay.deadline)) {
    return [{ column: startColumn, message: `the payment deadline would be ${toFrenchDate(delay.deadline)}, after ${LAST_DATE_FR}, the last date finloc computes` }];
  }
  if (delay.interestStart === undefined) return [];
  const semester = semesterOf(delay.interestStart);
  const first = semesterStart(semester);
  if (compareDates(first, historyStart(ecb)) < 0) {
    return [{
      column: startColumn,
      message: `interest starts on ${toFrenchDate(delay.interestStart)}, in semester ${semesterLabel(semester)}, whose first day ${toFrenchDate(first)} is before the ${ecb.name} history starts (${toFrenchDate(historyStart(ecb))})`,
    }];
  }
  if (invoice.interestPaid !== undefined) {
    if (compareDates(invoice.interestPaid, invoice.paid) < 0) {
      return [{ column: 'interest_paid_date', message: `the interest's payment date ${toFrenchDate(invoice.interestPaid)} is before the principal's ${toFrenchDate(invoice.paid)}` }];
    }
    if (procurementRegime(invoice.notified).kind === 'pre-2013') {
      return [{
        column: 'interest_paid_date',
        message: `complementary interest of a contract notified before ${toFrenchDate(CURRENT_RULES_FROM)} follows décret n° 2002-232, which finloc does not cover; leave interest_paid_date empty`,
      }];
    }
    if (rules.legalRate === undefined) return [{ column: 'interest_paid_date', message: 'complementary interest needs the legal interest rate history (rules.legalRate)' }];
    // Any non-zero base: only whether the legal rates cover the days is asked here.
    const outcome = complementaryInterest(dec(1), invoice.paid, invoice.interestPaid, rules.legalRate);
    if (!outcome.ok) return [{ column: 'interest_paid_date', message: outcome.message }];
  }
  return [];
}

/**
 * The interest of every invoice of a file that can be computed, and the
 * problems of those that cannot, each with its line and column.
 */
export function invoicesInterest(
  rows: readonly { line: number; row: InvoiceRow }[],
  ecb: RateHistory,
  rules: ProcurementRules = {},
): { results: InvoiceInterest[]; problems: (RowProblem<keyof typeof invoiceSchema> & { readonly line: number })[] } {
  const results: InvoiceInterest[] = [];
  const problems: (RowProblem<keyof typeof invoiceSchema> & { readonly line: number })[] = [];
  for (const { line, row } of rows) {
    const invoice = invoiceFromRow(row);
    const own = invoiceProblems(invoice, ecb, rules);
    problems.push(...own.map((p) => ({ line, ...p })));
    if (own.length === 0) results.push(procurementInterest(invoice, ecb, rules));
  }
  return { results, problems };
}

/** A file of the buyer's closed days (« jours chômés »), added to the public holidays: one date a line, a label if wished. */
export const closedDaySchema = {
  date: required(f.date, ['jour', 'date_chomee', 'jour_chome', 'jour_ferie']),
  label: optional(f.text, ['libelle', 'motif', 'description']),
};

/**
 * UNPAID.csv: one row per arrear, or several rows for one arrear (same
 * line_id and due_date), each with one payment. A row without paid_amount
 * settles the whole balance on paid_date; a row without paid_date records
 * the arrear with no payment (interest up to --as-of).
 */
export const unpaidSchema = {
  line_id: required(f.text, ['ligne', 'n_ligne', 'n_de_la_ligne_du_pret', 'numero_ligne', 'ligne_du_pret']),
  due_date: required(f.date, ['date_exigibilite', 'date_d_exigibilite', 'date_echeance', 'date_d_echeance', 'echeance', 'exigibilite']),
  amount_due: required(f.positiveAmount, ['montant_du', 'montant_impaye', 'impaye', 'somme_due', 'montant']),
  paid_date: optional(f.date, ['date_paiement', 'date_de_paiement', 'date_versement', 'date_de_versement', 'paiement']),
  paid_amount: optional(f.positiveAmount, ['montant_paye', 'montant_verse', 'versement', 'paiement_partiel']),
};
export type UnpaidRow = RowOf<typeof unpaidSchema>;

/** A separate payments file: line_id, due_date, paid_date, paid_amount (empty: the whole balance). */
export const arrearPaymentSchema = {
  line_id: unpaidSchema.line_id,
  due_date: unpaidSchema.due_date,
  paid_date: required(f.date, unpaidSchema.paid_date.aliases),
  paid_amount: unpaidSchema.paid_amount,
};
export type ArrearPaymentRow = RowOf<typeof arrearPaymentSchema>;

/** A payment with where it came from, so that a problem found later names its line. */
export interface LocatedPayment {
  readonly payment: ArrearPayment;
  readonly source: string;
  readonly line: number;
}

export interface LocatedArrear {
  readonly arrear: Arrear;
  readonly source: string;
  readonly line: number;
  readonly payments: readonly LocatedPayment[];
}

export interface LocatedProblem {
  readonly source: string;
  readonly line: number;
  readonly column: keyof typeof unpaidSchema;
  readonly message: string;
}

export function arrearKey(lineId: string, dueDate: IsoDate): string {
  return `${lineId}\u0000${dueDate}`;
}

/**
 * Groups the rows of UNPAID.csv (and of a payments file) into arrears.
 * Rows of one arrear must agree on amount_due; a payment must belong to a
 * known arrear.
 */
export function arrearsFromRows(
  unpaid: { source: string; rows: readonly { line: number; row: UnpaidRow }[] },
  paymentFile?: { source: string; rows: readonly { line: number; row: ArrearPaymentRow }[] },
): { arrears: LocatedArrear[]; problems: LocatedProblem[] } {
  const problems: LocatedProblem[] = [];
  const groups = new Map<string, { first: { line: number; row: UnpaidRow }; payments: LocatedPayment[] }>();
  for (const r of unpaid.rows) {
    const key = arrearKey(r.row.line_id, r.row.due_date);
    let g = groups.get(key);
    if (g === undefined) {
      g = { first: r, payments: [] };
      groups.set(key, g);
    } else if (!g.first.row.amount_due.equals(r.row.amount_due)) {
      problems.push({
        source: unpaid.source, line: r.line, column: 'amount_due',
        message: `amount_due ${r.row.amount_due.toFixed(2)} differs from ${g.first.row.amount_due.toFixed(2)} given for the same arrear on line ${g.first.line}`,
      });
      continue;
    }
    if (r.row.paid_date !== undefined) {
      g.payments.push({ payment: paymentOf(r.row.paid_date, r.row.paid_amount), source: unpaid.source, line: r.line });
    } else if (r.row.paid_amount !== undefined) {
      problems.push({ source: unpaid.source, line: r.line, column: 'paid_date', message: 'missing value: a paid_amount needs its paid_date' });
    }
  }
  for (const r of paymentFile?.rows ?? []) {
    const g = groups.get(arrearKey(r.row.line_id, r.row.due_date));
    if (g === undefined) {
      problems.push({
        source: paymentFile!.source, line: r.line, column: 'due_date',
        message: `no arrear of line ${r.row.line_id} due on ${toFrenchDate(r.row.due_date)} in ${unpaid.source}`,
      });
      continue;
    }
    g.payments.push({ payment: paymentOf(r.row.paid_date, r.row.paid_amount), source: paymentFile!.source, line: r.line });
  }
  const arrears = [...groups.values()].map(({ first, payments }) => ({
    arrear: { lineId: first.row.line_id, dueDate: first.row.due_date, amountDue: first.row.amount_due, payments: payments.map((p) => p.payment) },
    source: unpaid.source,
    line: first.line,
    payments,
  }));
  return { arrears, problems };
}

function paymentOf(date: IsoDate, amount: ArrearPayment['amount']): ArrearPayment {
  return amount === undefined ? { date } : { date, amount };
}

/**
 * The late interest of every arrear that can be computed, and the problems
 * of those that cannot, each pointing at the row of its payment, else at
 * its first row.
 */
export function arrearsInterest(arrears: readonly LocatedArrear[], livretA: RateHistory, asOf?: IsoDate): { results: ArrearResult[]; problems: LocatedProblem[] } {
  const results: ArrearResult[] = [];
  const problems: LocatedProblem[] = [];
  for (const located of arrears) {
    const outcome = arrearInterest(located.arrear, livretA, asOf);
    if (outcome.ok) results.push(outcome.result);
    else problems.push({ ...locate(located, outcome.payment, outcome.kind), message: outcome.message });
  }
  return { results, problems };
}

/** The line and column a problem of an arrear points at: its payment's row, else its first row. */
function locate(a: LocatedArrear, payment: ArrearPayment | undefined, kind: ArrearProblemKind): Omit<LocatedProblem, 'message'> {
  const p = a.payments.find((x) => x.payment === payment);
  if (p) return { source: p.source, line: p.line, column: kind === 'overpaid' ? 'paid_amount' : 'paid_date' };
  if (kind === 'unsettled') {
    const last = a.payments[a.payments.length - 1];
    return last ? { source: last.source, line: last.line, column: 'paid_date' } : { source: a.source, line: a.line, column: 'paid_date' };
  }
  return { source: a.source, line: a.line, column: 'due_date' };
}
