import { csvDocument, csvLine } from '../csv/write.js';
import { type Decimal, sum } from '../money/decimal.js';
import { type OutputFormat, type TableFormat, amountText, dateText, rateText, separatorOf } from '../output/format.js';
import type { IsoDate } from '../calendar/date.js';
import { semesterLabel, semesterLabelFr } from './semester-rate.js';
import type { InvoiceInterest, ProcurementTotals } from './procurement-interest.js';
import type { ArrearEvent, ArrearPeriod, ArrearResult } from './loan-arrears.js';

// ——— procurement ———

const INVOICE_HEADER = ['invoice_id', 'deadline', 'interest_start', 'days_late', 'rate_pct', 'semester', 'interest', 'indemnity', 'total'];

const INVOICE_HEADER_FR = [
  'N° de la demande de paiement',
  'Date limite de paiement',
  'Point de départ des intérêts moratoires',
  'Jours de retard',
  'Taux des intérêts moratoires (en %)',
  'Semestre',
  'Intérêts moratoires (en €)',
  'Indemnité forfaitaire pour frais de recouvrement (en €)',
  'Total dû (en €)',
  'Observation',
];

const ON_TIME_FR = 'payée dans le délai : ni intérêts ni indemnité';
const PROJECTED_FR = 'taux BCE projeté (dernière valeur connue)';

/**
 * One row per invoice. An invoice paid on time has no start, rate or
 * semester (empty cells), zero amounts; csv-fr says so in its
 * « Observation » column and ends with a « Total » row.
 */
export function renderInvoices(results: readonly InvoiceInterest[], totals: ProcurementTotals, format: OutputFormat, notes: readonly string[] = []): string {
  if (format === 'json') return JSON.stringify(invoicesJson(results, totals, notes), null, 2) + '\n';
  const rows = results.map((r) => invoiceFields(r, format));
  if (format === 'csv-fr') {
    rows.push(['Total', '', '', '', '', '', amountText(totals.interest, format), amountText(totals.indemnity, format), amountText(totals.total, format), `${totals.lateInvoices} en retard sur ${totals.invoices}`]);
  }
  return csvDocument(format === 'csv-fr' ? INVOICE_HEADER_FR : INVOICE_HEADER, rows, separatorOf(format));
}

function invoiceFields(r: InvoiceInterest, format: TableFormat): string[] {
  const fields = [
    r.invoice.invoiceId,
    dateText(r.deadline, format),
    r.interestStart ? dateText(r.interestStart, format) : '',
    String(r.daysLate),
    r.ratePct ? rateText(r.ratePct, format) : '',
    r.semester ? (format === 'csv-fr' ? semesterLabelFr(r.semester) : semesterLabel(r.semester)) : '',
    amountText(r.interest, format),
    amountText(r.indemnity, format),
    amountText(r.total, format),
  ];
  if (format === 'csv-fr') fields.push(!r.late ? ON_TIME_FR : r.rateProjected ? PROJECTED_FR : '');
  return fields;
}

function invoicesJson(results: readonly InvoiceInterest[], totals: ProcurementTotals, notes: readonly string[]): object {
  const f: OutputFormat = 'json';
  return {
    invoices: results.map((r) => ({
      invoice_id: r.invoice.invoiceId,
      status: r.late ? 'late' : 'on_time',
      deadline: r.deadline,
      interest_start: r.interestStart ?? null,
      days_late: r.daysLate,
      rate_pct: r.ratePct ? rateText(r.ratePct, f) : null,
      ecb_rate_pct: r.ecbRatePct ? rateText(r.ecbRatePct, f) : null,
      rate_projected: r.rateProjected,
      semester: r.semester ? semesterLabel(r.semester) : null,
      interest: amountText(r.interest, f),
      indemnity: amountText(r.indemnity, f),
      total: amountText(r.total, f),
    })),
    totals: {
      invoices: totals.invoices,
      late_invoices: totals.lateInvoices,
      interest: amountText(totals.interest, f),
      indemnity: amountText(totals.indemnity, f),
      total: amountText(totals.total, f),
    },
    notes,
  };
}

// ——— CDC loan arrears ———

const ARREAR_HEADER = [
  'line_id', 'due_date', 'from', 'to', 'days', 'livret_a_pct', 'rate_pct', 'base', 'interest',
  'capitalised', 'paid', 'paid_to_interest', 'paid_to_capital', 'base_after', 'interest_unpaid_after', 'events',
];

const ARREAR_HEADER_FR = [
  'N° de la Ligne du Prêt',
  "Date d'exigibilité",
  'Du',
  'Au',
  'Nombre de jours',
  'Livret A (en %)',
  'Taux des intérêts de retard (en %)',
  'Base portant intérêt (en €)',
  'Intérêts de retard (en €)',
  'Intérêts capitalisés (en €)',
  'Versement (en €)',
  'dont imputé sur les intérêts (en €)',
  'dont imputé sur le capital (en €)',
  'Base portant intérêt après (en €)',
  'Intérêts échus non payés après (en €)',
  'Événements',
];

const EVENT_FR: Record<ArrearEvent, string> = {
  livret_a_change: 'changement du taux du Livret A',
  anniversary: 'anniversaire : capitalisation (C. civ. art. 1343-2)',
  payment: 'versement',
  settled: 'soldé',
  as_of: 'arrêté des comptes',
};

/** Every sub-period of every arrear; csv-fr adds a « Total » row per arrear. */
export function renderArrears(results: readonly ArrearResult[], format: OutputFormat, notes: readonly string[] = []): string {
  if (format === 'json') return JSON.stringify(arrearsJson(results, notes), null, 2) + '\n';
  const sep = separatorOf(format);
  let out = csvLine(format === 'csv-fr' ? ARREAR_HEADER_FR : ARREAR_HEADER, sep);
  for (const r of results) {
    for (const p of r.periods) out += csvLine(periodFields(r, p, format), sep);
    if (format === 'csv-fr') {
      out += csvLine(
        [
          r.arrear.lineId, dateText(r.arrear.dueDate, format), 'Total', dateText(r.computedTo, format), '', '', '', '',
          amountText(r.totalInterest, format), amountText(r.totalCapitalised, format), amountText(r.totalPaid, format), '', '',
          amountText(r.outstandingBase, format), amountText(r.outstandingInterest, format),
          r.settledOn ? `soldé le ${dateText(r.settledOn, format)}` : `reste dû ${amountText(r.outstandingBase.plus(r.outstandingInterest), format)} €`,
        ],
        sep,
      );
    }
  }
  return out;
}

function periodFields(r: ArrearResult, p: ArrearPeriod, format: TableFormat): string[] {
  const events = format === 'csv-fr' ? p.events.map((e) => EVENT_FR[e]).join(', ') : p.events.join('+');
  return [
    r.arrear.lineId,
    dateText(r.arrear.dueDate, format),
    dateText(p.from, format),
    dateText(p.to, format),
    String(p.days),
    rateText(p.indexPct, format) + (p.rateProjected ? (format === 'csv-fr' ? ' (projeté)' : '') : ''),
    rateText(p.ratePct, format),
    amountText(p.base, format),
    amountText(p.interest, format),
    amountText(p.capitalised, format),
    amountText(p.paid, format),
    amountText(p.paidToInterest, format),
    amountText(p.paidToCapital, format),
    amountText(p.baseAfter, format),
    amountText(p.interestUnpaidAfter, format),
    events,
  ];
}

function arrearsJson(results: readonly ArrearResult[], notes: readonly string[]): object {
  const f: OutputFormat = 'json';
  const a = (d: Decimal) => amountText(d, f);
  const date = (d: IsoDate | undefined) => d ?? null;
  return {
    arrears: results.map((r) => ({
      line_id: r.arrear.lineId,
      due_date: r.arrear.dueDate,
      amount_due: a(r.arrear.amountDue),
      settled_on: date(r.settledOn),
      computed_to: r.computedTo,
      total_interest: a(r.totalInterest),
      total_capitalised: a(r.totalCapitalised),
      total_paid: a(r.totalPaid),
      outstanding_base: a(r.outstandingBase),
      outstanding_interest: a(r.outstandingInterest),
      periods: r.periods.map((p) => ({
        from: p.from,
        to: p.to,
        days: p.days,
        livret_a_pct: rateText(p.indexPct, f),
        rate_pct: rateText(p.ratePct, f),
        rate_projected: p.rateProjected,
        base: a(p.base),
        interest: a(p.interest),
        capitalised: a(p.capitalised),
        paid: a(p.paid),
        paid_to_interest: a(p.paidToInterest),
        paid_to_capital: a(p.paidToCapital),
        base_after: a(p.baseAfter),
        interest_unpaid_after: a(p.interestUnpaidAfter),
        events: p.events,
      })),
    })),
    totals: {
      arrears: results.length,
      interest: a(sum(results.map((r) => r.totalInterest))),
      capitalised: a(sum(results.map((r) => r.totalCapitalised))),
      paid: a(sum(results.map((r) => r.totalPaid))),
      outstanding: a(sum(results.map((r) => r.outstandingBase.plus(r.outstandingInterest)))),
    },
    notes,
  };
}
