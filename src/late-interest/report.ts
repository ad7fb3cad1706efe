import { type Decimal, sum } from '../money/decimal.js';
import { formatFrench, formatMachine } from '../money/format.js';
import { toFrenchDate } from '../calendar/date.js';
import type { RateHistory } from '../rates/history.js';
import { cellText } from '../report/cells.js';
import { type Column, type Note, type Report, type Row, type Table, column, note, report, word } from '../report/model.js';
import { PROCUREMENT_RATE_FLOOR_RULE, semesterLabel, semesterLabelFr } from './semester-rate.js';
import { PRE_2013_REGIME } from './procurement-regime.js';
import { INTEREST_PAYMENT_DAYS, LEGAL_RATE_DAYS_IN_YEAR } from './complementary-interest.js';
import { type InvoiceInterest, procurementTotals } from './procurement-interest.js';
import { type ArrearEvent, type ArrearPeriod, type ArrearResult, CDC_LATE_MARGIN_PCT, CDC_LATE_RATE_FLOOR_RULE } from './loan-arrears.js';

/**
 * A table whose csv-fr form has more: columns in words (« Observation »)
 * and « Total » rows. `frenchRows` are the rows of the French form, in
 * their order; they carry the cells of every column.
 */
function withFrenchForm(key: string, title: string, columns: readonly Column[], rows: readonly Row[], french: { columns?: readonly Column[]; rows: readonly Row[] }): Table {
  const table = { key, title, columns, rows };
  return { ...table, french: { ...table, columns: [...columns, ...(french.columns ?? [])], rows: french.rows } };
}

/** What the last known value of an index is, for a note: « 2.15 % from 11/06/2025 ». */
function lastValue(history: RateHistory): string {
  const last = history.points[history.points.length - 1]!;
  return `${last.ratePct.toFixed()} % from ${toFrenchDate(last.effectiveDate)}`;
}

// ——— procurement ———

const INVOICE_COLUMNS: readonly Column[] = [
  column('invoice_id', 'N° de la demande de paiement', 'identifier'),
  column('period_start', 'Point de départ du délai de paiement', 'date', 'CCP R2192-12, R2192-13'),
  column('nominal_deadline', 'Fin du délai en jours calendaires, si reportée', 'date', 'CCP R2192-10'),
  column('deadline', 'Date limite de paiement', 'date', 'CCAG 2021 art. 3.3'),
  column('interest_start', 'Point de départ des intérêts moratoires', 'date', 'CCP L2192-13'),
  column('days_late', 'Jours de retard', 'count'),
  column('rate_pct', 'Taux des intérêts moratoires (en %)', 'rate', 'CCP R2192-31'),
  column('semester', 'Semestre', 'text'),
  column('interest', 'Intérêts moratoires (en €)', 'amount', 'CCP R2192-31'),
  column('indemnity', 'Indemnité forfaitaire pour frais de recouvrement (en €)', 'amount', 'CCP D2192-35'),
  column('complementary_interest', 'Intérêts moratoires complémentaires (en €)', 'amount', 'CCP R2192-36 ; C. civ. art. 1231-6'),
  column('total', 'Total dû (en €)', 'amount'),
];

const OBSERVATION = column('observation', 'Observation', 'text');
const ON_TIME_FR = 'payée dans le délai : ni intérêts ni indemnité';
const PROJECTED_FR = 'taux BCE projeté (dernière valeur connue)';
const flooredFr = (r: InvoiceInterest) => `taux BCE + ${r.regime.marginPct.toFixed()} points négatif : taux ramené à 0`;
const REQUEST_START_FR = 'date de réception incertaine : date de la demande + 2 jours';
const SERVICE_START_FR = "délai courant de la date d'exécution des prestations (R2192-13)";
const PRE_2013_FR = 'marché notifié avant le 16/03/2013 : BCE + 7 points, sans indemnité';

/** What a finance officer reads in « Observation »: why the figures are not the plain rule's. */
function invoiceObservation(r: InvoiceInterest): string | undefined {
  const words = [
    r.start.rule === 'request' ? REQUEST_START_FR : r.start.rule === 'service' ? SERVICE_START_FR : undefined,
    r.extendedBecause !== undefined ? `délai échu un jour non ouvré (${r.extendedBecause} ${toFrenchDate(r.nominalDeadline)}) : reporté au ${toFrenchDate(r.deadline)}` : undefined,
    r.regime.kind === 'pre-2013' ? PRE_2013_FR : undefined,
    !r.late ? ON_TIME_FR : undefined,
    r.rateFloored ? flooredFr(r) : undefined,
    r.rateProjected ? PROJECTED_FR : undefined,
    r.complementary?.start !== undefined ? `intérêts et indemnité payés après le ${toFrenchDate(r.complementary.limit)} : ${r.complementary.days} jours au taux de l'intérêt légal` : undefined,
  ].filter((w): w is string => w !== undefined);
  return words.length > 0 ? words.join(' ; ') : undefined;
}

/** An invoice paid on time has no start, rate or semester (empty cells) and zero amounts. */
function invoiceRow(r: InvoiceInterest): Row {
  return {
    invoice_id: r.invoice.invoiceId,
    period_start: r.start.date,
    nominal_deadline: r.nominalDeadline !== r.deadline ? r.nominalDeadline : undefined,
    deadline: r.deadline,
    interest_start: r.interestStart,
    days_late: r.daysLate,
    rate_pct: r.ratePct,
    semester: r.semester ? word(semesterLabel(r.semester), semesterLabelFr(r.semester)) : undefined,
    interest: r.interest,
    indemnity: r.indemnity,
    complementary_interest: r.complementary?.interest,
    total: r.total,
    observation: invoiceObservation(r),
  };
}

/**
 * « Intérêts moratoires » of a set of invoices as a report: one row per
 * invoice; csv-fr adds an « Observation » column and a « Total » row; the
 * totals are facts of the json; notes name the invoices paid on time and
 * those whose ECB rate is a projection.
 */
export function procurementAsReport(results: readonly InvoiceInterest[], ecb: RateHistory): Report {
  const totals = procurementTotals(results);
  const rows = results.map(invoiceRow);
  const total: Row = {
    invoice_id: 'Total',
    interest: totals.interest,
    indemnity: totals.indemnity,
    complementary_interest: results.some((r) => r.complementary !== undefined) ? totals.complementary : undefined,
    total: totals.total,
    observation: `${totals.lateInvoices} en retard sur ${totals.invoices}`,
  };
  const table = withFrenchForm('invoices', 'Intérêts moratoires', INVOICE_COLUMNS, rows, { columns: [OBSERVATION], rows: [...rows, total] });
  return report('late_interest_procurement', [table], {
    notes: procurementNotes(results, ecb),
    facts: {
      invoices: totals.invoices,
      late_invoices: totals.lateInvoices,
      interest: formatMachine(totals.interest),
      indemnity: formatMachine(totals.indemnity),
      complementary_interest: formatMachine(totals.complementary),
      total: formatMachine(totals.total),
    },
  });
}

export function procurementNotes(results: readonly InvoiceInterest[], ecb: RateHistory): Note[] {
  const notes: Note[] = [];
  const onTime = results.filter((r) => !r.late).map((r) => r.invoice.invoiceId);
  if (onTime.length > 0) notes.push(note(`${onTime.length} invoice(s) paid on time, no interest and no indemnity: ${onTime.join(', ')}`));
  const projected = results.filter((r) => r.rateProjected).map((r) => r.invoice.invoiceId);
  if (projected.length > 0) {
    notes.push(
      note(
        `${ecb.name} known until ${toFrenchDate(ecb.knownUntil)}; a semester starting later holds its last value ` +
          `(${lastValue(ecb)}) as a projection: ${projected.join(', ')}`,
      ),
    );
  }
  const floored = results.filter((r) => r.rateFloored);
  if (floored.length > 0) {
    const which = floored.map((r) => `${r.invoice.invoiceId} (${r.ecbRatePct!.toFixed()} % + ${r.regime.marginPct.toFixed()} = ${r.ecbRatePct!.plus(r.regime.marginPct).toFixed()} %)`);
    const margins = [...new Set(floored.map((r) => r.regime.marginPct.toFixed()))].join(' or ');
    notes.push(note(`late-interest rate floored at 0 for ${floored.length} invoice(s) whose ECB rate + ${margins} points is negative: ${which.join(', ')}; ${PROCUREMENT_RATE_FLOOR_RULE}`));
  }
  const extended = results.filter((r) => r.extendedBecause !== undefined);
  if (extended.length > 0) {
    notes.push(
      note(
        `${extended.length} payment deadline(s) fell on a Saturday, a Sunday, a public holiday or a closed day and end on the next working day ` +
          `(CCAG-FCS and CCAG-Travaux 2021 art. 3.3; --calendar-days for a contract that excludes it): ` +
          extended.map((r) => `${r.invoice.invoiceId} (${r.extendedBecause} ${toFrenchDate(r.nominalDeadline)} → ${toFrenchDate(r.deadline)})`).join(', '),
      ),
    );
  }
  const uncertain = results.filter((r) => r.start.rule !== 'receipt');
  if (uncertain.length > 0) {
    notes.push(
      note(
        `${uncertain.length} payment period(s) not counted from the receipt date: ` +
          uncertain.map((r) => `${r.invoice.invoiceId} (${r.start.rule === 'request' ? 'receipt date unknown or before the request: request date + 2 days, CAA Versailles 17/09/2024 n° 21VE02263' : 'services performed later than the receipt, or receipt unknown: from the services, CCP R2192-13'}: ${toFrenchDate(r.start.date)})`).join(', '),
      ),
    );
  }
  const older = results.filter((r) => r.regime.kind === 'pre-2013');
  if (older.length > 0) notes.push(note(`${older.length} invoice(s) of contracts notified before 16/03/2013: ${PRE_2013_REGIME.texts}: ${older.map((r) => r.invoice.invoiceId).join(', ')}`));
  const complementary = results.filter((r) => r.complementary?.start !== undefined);
  if (complementary.length > 0) {
    notes.push(
      note(
        `${complementary.length} invoice(s) whose interest and indemnity were paid more than ${INTEREST_PAYMENT_DAYS} days after the principal (CCP R2192-36): complementary interest at the legal rate ` +
          `(« tous les autres cas », C. civ. art. 1231-6; DGFiP instruction n° 13-0014 of 15/04/2013) on the interest and indemnity, each semester at its rate, days / ${LEGAL_RATE_DAYS_IN_YEAR}: ` +
          complementary.map((r) => `${r.invoice.invoiceId} (${r.complementary!.days} days from ${toFrenchDate(r.complementary!.start!)})`).join(', '),
      ),
    );
  }
  return notes;
}

// ——— CDC loan arrears ———

const LINE_ID = column('line_id', 'N° de la Ligne du Prêt', 'identifier');
const DUE_DATE = column('due_date', "Date d'exigibilité", 'date');

const PERIOD_COLUMNS: readonly Column[] = [
  LINE_ID,
  DUE_DATE,
  column('from', 'Du', 'date'),
  column('to', 'Au', 'date'),
  column('days', 'Nombre de jours', 'count'),
  column('livret_a_pct', 'Livret A (en %)', 'rate'),
  column('rate_pct', 'Taux des intérêts de retard (en %)', 'rate', 'contrat CDC art. 18'),
  column('base', 'Base portant intérêt (en €)', 'amount'),
  column('interest', 'Intérêts de retard (en €)', 'amount'),
  column('capitalised', 'Intérêts capitalisés (en €)', 'amount', 'C. civ. art. 1343-2'),
  column('paid', 'Versement (en €)', 'amount'),
  column('paid_to_interest', 'dont imputé sur les intérêts (en €)', 'amount', 'C. civ. art. 1343-1'),
  column('paid_to_capital', 'dont imputé sur le capital (en €)', 'amount', 'C. civ. art. 1343-1'),
  column('base_after', 'Base portant intérêt après (en €)', 'amount'),
  column('interest_unpaid_after', 'Intérêts échus non payés après (en €)', 'amount'),
  column('events', 'Événements', 'text'),
];

/** One row per arrear: the json's summary of each. */
const ARREAR_COLUMNS: readonly Column[] = [
  LINE_ID,
  DUE_DATE,
  column('amount_due', 'Montant dû (en €)', 'amount'),
  column('settled_on', 'Soldé le', 'date'),
  column('computed_to', 'Calculé au', 'date'),
  column('total_interest', 'Intérêts de retard (en €)', 'amount'),
  column('total_capitalised', 'Intérêts capitalisés (en €)', 'amount'),
  column('total_paid', 'Versements (en €)', 'amount'),
  column('outstanding_base', 'Base portant intérêt restante (en €)', 'amount'),
  column('outstanding_interest', 'Intérêts échus non payés (en €)', 'amount'),
];

const EVENT_FR: Record<ArrearEvent, string> = {
  livret_a_change: 'changement du taux du Livret A',
  anniversary: 'anniversaire : capitalisation (C. civ. art. 1343-2)',
  payment: 'versement',
  settled: 'soldé',
  as_of: 'arrêté des comptes',
};

/** A Livret A value held past its last known one: csv-fr says « (projeté) » after it. */
function heldRate(pct: Decimal) {
  return word(cellText(pct, 'rate', 'machine'), `${cellText(pct, 'rate', 'french')} (projeté)`);
}

function periodRow(r: ArrearResult, p: ArrearPeriod): Row {
  return {
    line_id: r.arrear.lineId,
    due_date: r.arrear.dueDate,
    from: p.from,
    to: p.to,
    days: p.days,
    livret_a_pct: p.rateProjected ? heldRate(p.indexPct) : p.indexPct,
    rate_pct: p.ratePct,
    base: p.base,
    interest: p.interest,
    capitalised: p.capitalised,
    paid: p.paid,
    paid_to_interest: p.paidToInterest,
    paid_to_capital: p.paidToCapital,
    base_after: p.baseAfter,
    interest_unpaid_after: p.interestUnpaidAfter,
    events: word(p.events.join('+'), p.events.map((e) => EVENT_FR[e]).join(', ')),
  };
}

/** The « Total » row csv-fr gives after an arrear's periods. */
function arrearTotalRow(r: ArrearResult): Row {
  const owed = r.outstandingBase.plus(r.outstandingInterest);
  return {
    line_id: r.arrear.lineId,
    due_date: r.arrear.dueDate,
    from: word('Total', 'Total'),
    to: r.computedTo,
    interest: r.totalInterest,
    capitalised: r.totalCapitalised,
    paid: r.totalPaid,
    base_after: r.outstandingBase,
    interest_unpaid_after: r.outstandingInterest,
    events: r.settledOn ? `soldé le ${toFrenchDate(r.settledOn)}` : `reste dû ${formatFrench(owed)} €`,
  };
}

function arrearRow(r: ArrearResult): Row {
  return {
    line_id: r.arrear.lineId,
    due_date: r.arrear.dueDate,
    amount_due: r.arrear.amountDue,
    settled_on: r.settledOn,
    computed_to: r.computedTo,
    total_interest: r.totalInterest,
    total_capitalised: r.totalCapitalised,
    total_paid: r.totalPaid,
    outstanding_base: r.outstandingBase,
    outstanding_interest: r.outstandingInterest,
  };
}

/**
 * Late interest on CDC arrears as a report: the sub-periods of every
 * arrear (csv-fr adds a « Total » row after each arrear), then one row per
 * arrear (json); the totals are facts of the json; a note names the
 * arrears whose Livret A is a projection.
 */
export function arrearsAsReport(results: readonly ArrearResult[], livretA: RateHistory): Report {
  const rows = results.map((r) => r.periods.map((p) => periodRow(r, p)));
  const periods = withFrenchForm('periods', 'Intérêts de retard', PERIOD_COLUMNS, rows.flat(), {
    rows: results.flatMap((r, i) => [...rows[i]!, arrearTotalRow(r)]),
  });
  const arrears: Table = { key: 'arrears', title: 'Impayés', columns: ARREAR_COLUMNS, rows: results.map(arrearRow) };
  return report('late_interest_loan', [periods, arrears], {
    notes: arrearNotes(results, livretA),
    facts: {
      arrears: results.length,
      interest: formatMachine(sum(results.map((r) => r.totalInterest))),
      capitalised: formatMachine(sum(results.map((r) => r.totalCapitalised))),
      paid: formatMachine(sum(results.map((r) => r.totalPaid))),
      outstanding: formatMachine(sum(results.map((r) => r.outstandingBase.plus(r.outstandingInterest)))),
    },
  });
}

export function arrearNotes(results: readonly ArrearResult[], livretA: RateHistory): Note[] {
  const notes: Note[] = [];
  const projected = results.filter((r) => r.periods.some((p) => p.rateProjected));
  if (projected.length > 0) {
    notes.push(
      note(
        `${livretA.name} known until ${toFrenchDate(livretA.knownUntil)}; later days hold its last value (${lastValue(livretA)}) as a projection: ` +
          projected.map((r) => `${r.arrear.lineId} due ${toFrenchDate(r.arrear.dueDate)}`).join(', '),
      ),
    );
  }
  const floored = results.filter((r) => r.periods.some((p) => p.rateFloored));
  if (floored.length > 0) {
    const which = floored.map((r) => {
      const lowest = r.periods.filter((p) => p.rateFloored).reduce((a, p) => (p.indexPct.lessThan(a) ? p.indexPct : a), r.periods.find((p) => p.rateFloored)!.indexPct);
      const days = r.periods.filter((p) => p.rateFloored).reduce((a, p) => a + p.days, 0);
      return `${r.arrear.lineId} due ${toFrenchDate(r.arrear.dueDate)} (${days} day(s); lowest ${lowest.toFixed()} % + ${CDC_LATE_MARGIN_PCT.toFixed()} = ${lowest.plus(CDC_LATE_MARGIN_PCT).toFixed()} %)`;
    });
    notes.push(note(`late-interest rate floored at 0 where ${livretA.name} + 6 points is negative: ${which.join(', ')}; ${CDC_LATE_RATE_FLOOR_RULE}`));
  }
  return notes;
}
