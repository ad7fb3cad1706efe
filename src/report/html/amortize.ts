import type { IsoDate } from '../../calendar/date.js';
import { toFrenchDate } from '../../calendar/date.js';
import { InputError } from '../../errors.js';
import { type Decimal, sum } from '../../money/decimal.js';
import type { RateHistory } from '../../rates/history.js';
import { SCHEDULE_COLUMNS, scheduleRowCells } from '../../loan/render.js';
import type { Schedule } from '../../loan/types.js';
import { type Column, type Note, type Row, type Table, column } from '../model.js';
import { bars, type Chart, type Datum, lines } from './charts/chart.js';
import { type Html, html, join, raw } from './escape.js';
import { notesHtml } from './notes.js';
import { htmlPage } from './page.js';
import { chartHtml, subtitleOf } from './render.js';
import { tableHtml } from './table.js';
import { euros, htmlCellText } from './text.js';

/**
 * The most loan lines, and rows, one html page holds. A page is built in
 * memory (it is not streamed like csv), each line's two charts cost some
 * 50 to 100 ms, and a page of 500 lines is already some 1 000 printed
 * pages: a whole portfolio belongs in xlsx or csv-fr.
 */
export const AMORTIZE_HTML_MAX_LINES = 500;
export const AMORTIZE_HTML_MAX_ROWS = 50_000;

/**
 * Why a portfolio is too large for one html page, or undefined when it is
 * not. The command can ask before amortising anything (`rows` unknown yet)
 * and again after.
 */
export function amortizeHtmlLimitProblem(lineCount: number, rowCount = 0): string | undefined {
  if (lineCount <= AMORTIZE_HTML_MAX_LINES && rowCount <= AMORTIZE_HTML_MAX_ROWS) return undefined;
  const what = lineCount > AMORTIZE_HTML_MAX_LINES ? `${lineCount} loan lines` : `${rowCount} due dates`;
  return (
    `--format html writes one printable page of at most ${AMORTIZE_HTML_MAX_LINES} loan lines and ${AMORTIZE_HTML_MAX_ROWS} due dates, and this file has ${what}; ` +
    'use --format xlsx (or csv-fr) for a whole portfolio, or split the file'
  );
}

export interface AmortizeHtmlContext {
  /** The Livret A history the tables used: the summary says until when it is known. */
  readonly index?: RateHistory;
  /** The files read (LOANS.csv, --disbursements, --index-file), named under the title. */
  readonly sources?: readonly string[];
  /** The date printed under the title; none by default (same inputs, same bytes). */
  readonly date?: IsoDate;
  /** The run's notes and warnings (a plausibility warning, a total line skipped), shown at the end. */
  readonly notes?: readonly Note[];
  readonly title?: string;
  /** Leave the charts out. */
  readonly charts?: boolean;
}

const PERIODICITY: Readonly<Record<number, string>> = { 12: 'annuelle', 6: 'semestrielle', 4: 'quadrimestrielle', 3: 'trimestrielle', 2: 'bimestrielle', 1: 'mensuelle' };
const REVISION: Readonly<Record<string, string>> = {
  DL: 'DL (double révisabilité limitée)',
  DR: 'DR (double révisabilité)',
  SR: 'SR (simple révisabilité)',
  none: 'aucune (taux fixe)',
};
const PROFILE: Readonly<Record<string, string>> = {
  payment_priority: 'échéance prioritaire (intérêts différés)',
  amortisation_priority: 'amortissement prioritaire (échéance déduite)',
};
const INTEREST_MODE: Readonly<Record<string, string>> = { equivalent: 'équivalent', proportional: 'proportionnel' };
const DAY_COUNT: Readonly<Record<string, string>> = { '30/360': '30/360', 'actual/365': 'exact/365', 'actual/360': 'exact/360' };

const pct = (value: Decimal) => `${htmlCellText(value, 'rate')}\u00a0%`;
const eur = (value: Decimal) => `${euros(value)}\u00a0€`;

/** The line's terms and totals, as the first page of a CDC table gives them. */
function summaryHtml(s: Schedule): Html {
  const { line, summary } = s;
  const items: [string, string][] = [
    ['Montant de la Ligne du Prêt', eur(line.principal)],
    ...(summary.capitalisedInterest.isZero() ? [] : ([['Intérêts de préfinancement capitalisés', eur(summary.capitalisedInterest)], ['Capital amorti', eur(summary.amortisedCapital)]] as [string, string][])),
    ['Date de première échéance', toFrenchDate(line.firstDueDate)],
    ['Nombre d’échéances', String(line.periods)],
    ['Périodicité', PERIODICITY[line.periodMonths] ?? `${line.periodMonths} mois`],
    ['Index', line.index === 'livret_a' ? 'Livret A' : 'aucun (taux fixe)'],
    ...(line.index === 'livret_a' ? ([['Marge fixe sur index', pct(line.marginPct)]] as [string, string][]) : []),
    ['Taux d’intérêt (I)', pct(line.ratePct)],
    ['Modalité de révision', REVISION[line.revision] ?? line.revision],
    ['Taux de progressivité des échéances', pct(line.progressivityPct)],
    ['Profil d’amortissement', PROFILE[line.profile] ?? line.profile],
    ['Mode de calcul des intérêts', INTEREST_MODE[line.interestMode] ?? line.interestMode],
    ['Base de calcul', DAY_COUNT[line.dayCount] ?? line.dayCount],
    ...(line.prefinancingMonths > 0 ? ([['Préfinancement', `${line.prefinancingMonths} mois`]] as [string, string][]) : []),
    ['Taux de période', pct(summary.periodRatePct.toDecimalPlaces(6))],
    ['TEG', pct(summary.tegPct.toDecimalPlaces(6))],
    ['Première échéance', eur(summary.firstPayment)],
    ['Total des échéances', eur(summary.totalPayment)],
    ['Total de l’amortissement', eur(summary.totalAmortisation)],
    ['Total des intérêts', eur(summary.totalInterest)],
    ...(summary.totalDeferredInterest.isZero() ? [] : ([['Total des intérêts différés', eur(summary.totalDeferredInterest)]] as [string, string][])),
  ];
  return html`<dl class="summary" data-section="summary">${join(items.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`))}</dl>`;
}

const INDEX_COLUMNS: Column[] = [
  column('effective_date', 'Date d’effet', 'date'),
  column('rate_pct', 'Livret A (en %)', 'rate', 'contrat, art. 10'),
  column('status', 'Valeur', 'text'),
  column('due_numbers', 'Échéances concernées', 'text'),
];

/** The index values the table used, each known or projected (held), with the due dates it served. */
function indexValuesHtml(s: Schedule, index: RateHistory | undefined): Html {
  const values = s.summary.indexValues;
  if (s.line.index === 'none' || values.length === 0) return raw('');
  const rows: Row[] = values.map((v) => ({
    effective_date: v.effectiveDate,
    rate_pct: v.ratePct,
    status: v.projected ? 'projetée (dernière valeur connue reprise)' : 'connue',
    due_numbers: v.firstNumber === v.lastNumber ? `n° ${v.firstNumber}` : `n° ${v.firstNumber} à ${v.lastNumber}`,
  }));
  const table: Table = { key: `index_${s.line.lineId}`, title: 'Valeurs de l’index', columns: INDEX_COLUMNS, rows };
  const projected = values.some((v) => v.projected);
  const known =
    projected && index
      ? html`<p class="index-note">Livret A connu jusqu’au ${toFrenchDate(index.knownUntil)} ; les échéances suivantes reprennent la dernière valeur publiée, en projection (tableau indicatif).</p>`
      : raw('');
  return join([tableHtml(table, { headingLevel: 3 }), known]);
}

/** The capital still owed after each due date (and the stock of deferred interest, when there is one). */
export function capitalChart(s: Schedule): Chart {
  const stock = s.rows.some((r) => !r.deferredStock.isZero());
  const data: Datum[] = s.rows.flatMap((r) => [
    { x: toFrenchDate(r.dueDate), series: 'Capital dû après remboursement', value: r.capitalAfter.toNumber() },
    ...(stock ? [{ x: toFrenchDate(r.dueDate), series: 'Stock d’intérêts différés', value: r.deferredStock.toNumber() }] : []),
  ]);
  return lines({ key: 'capital', title: 'Capital restant dû après chaque échéance (en €)', data, xTitle: 'Date d’échéance', yTitle: 'Capital (en €)', seriesTitle: '', area: true, height: 150 });
}

/** Each payment split into amortisation and the rest (interest paid, stock of deferred interest repaid). */
export function paymentsChart(s: Schedule): Chart {
  const data: Datum[] = s.rows.flatMap((r) => [
    { x: toFrenchDate(r.dueDate), series: 'Amortissement', value: r.amortisation.toNumber() },
    { x: toFrenchDate(r.dueDate), series: 'Intérêts payés', value: r.payment.minus(r.amortisation).toNumber() },
  ]);
  return bars({ key: 'payments', title: 'Échéances : amortissement et intérêts (en €)', data, xTitle: 'Date d’échéance', yTitle: 'Échéance (en €)', seriesTitle: '', seriesOrder: ['Amortissement', 'Intérêts payés'], height: 170 });
}

/** The table of a line: the CDC's columns and titles (without the line's number, in the heading), then the « Total » row. */
export function scheduleTable(s: Schedule): Table {
  const rows: Row[] = s.rows.map(scheduleRowCells);
  const m = s.summary;
  rows.push({ number: 'Total', payment: m.totalPayment, amortisation: m.totalAmortisation, interest: m.totalInterest, deferred_interest: m.totalDeferredInterest });
  return { key: `schedule_${s.line.lineId}`, title: 'Tableau d’amortissement', columns: SCHEDULE_COLUMNS.filter((c) => c.key !== 'line_id'), rows };
}

/** One line's section: heading, terms and totals, index values, charts, table. It starts a new printed page. */
async function lineSection(s: Schedule, context: AmortizeHtmlContext): Promise<Html> {
  const charts = context.charts === false ? [] : [await chartHtml(capitalChart(s)), await chartHtml(paymentsChart(s))];
  return html`<section class="loan-line" data-line="${s.line.lineId}"><h2>Ligne du Prêt n° ${s.line.lineId}</h2>${summaryHtml(s)}${indexValuesHtml(s, context.index)}${charts}${tableHtml(scheduleTable(s), { headingLevel: 3, dropEmptyColumns: false })}</section>`;
}

const OVERVIEW_COLUMNS: Column[] = [
  column('line_id', 'N° de la Ligne du Prêt', 'identifier'),
  column('principal', 'Montant (en €)', 'amount'),
  column('first_due_date', 'Première échéance', 'date'),
  column('periods', 'Échéances', 'count'),
  column('total_payment', 'Total des échéances (en €)', 'amount'),
  column('total_amortisation', 'Amortissement (en €)', 'amount'),
  column('total_interest', 'Intérêts (en €)', 'amount'),
];

/** With several lines, a first table: one row per line and a « Total » row. */
function overviewHtml(schedules: readonly Schedule[]): Html {
  if (schedules.length < 2) return raw('');
  const rows: Row[] = schedules.map((s) => ({
    line_id: s.line.lineId,
    principal: s.line.principal,
    first_due_date: s.line.firstDueDate,
    periods: s.line.periods,
    total_payment: s.summary.totalPayment,
    total_amortisation: s.summary.totalAmortisation,
    total_interest: s.summary.totalInterest,
  }));
  const total = (pick: (s: Schedule) => Decimal) => sum(schedules.map(pick));
  rows.push({
    line_id: 'Total',
    principal: total((s) => s.line.principal),
    total_payment: total((s) => s.summary.totalPayment),
    total_amortisation: total((s) => s.summary.totalAmortisation),
    total_interest: total((s) => s.summary.totalInterest),
  });
  return html`<section class="overview">${tableHtml({ key: 'overview', title: 'Récapitulatif des lignes', columns: OVERVIEW_COLUMNS, rows })}</section>`;
}

/**
 * The amortisation tables of loan lines as one printable page: for each
 * line (each on a new printed page) its terms, index values (known or
 * projected) and totals, a chart of the capital remaining and one of each
 * payment split into amortisation and interest, then the table with its
 * « Total » row, titles as the CDC prints them. Refuses (an InputError)
 * more than {@link AMORTIZE_HTML_MAX_LINES} lines or
 * {@link AMORTIZE_HTML_MAX_ROWS} rows.
 */
export async function renderAmortizeHtml(schedules: readonly Schedule[], context: AmortizeHtmlContext = {}): Promise<string> {
  const problem = amortizeHtmlLimitProblem(schedules.length, schedules.reduce((n, s) => n + s.rows.length, 0));
  if (problem) throw new InputError([{ message: problem }]);
  const sections: Html[] = [];
  for (const s of schedules) sections.push(await lineSection(s, context));
  const title = context.title ?? (schedules.length === 1 ? 'Tableau d’amortissement' : 'Tableaux d’amortissement');
  const subtitle = subtitleOf(context);
  const empty = schedules.length === 0 ? html`<p class="empty">Aucune ligne de prêt.</p>` : raw('');
  return htmlPage({ title, ...(subtitle !== undefined ? { subtitle } : {}) }, join([overviewHtml(schedules), empty, ...sections, notesHtml(context.notes ?? [])]));
}
