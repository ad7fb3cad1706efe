import type { IsoDate } from '../../calendar/date.js';
import { toFrenchDate } from '../../calendar/date.js';
import { CHECK_COLUMNS } from '../check.js';
import type { Report } from '../model.js';
import { type Chart, chartSvg } from './charts/chart.js';
import { type Html, html, join, raw } from './escape.js';
import { checksHtml, factsHtml, notesHtml } from './notes.js';
import { htmlPage } from './page.js';
import { ALLOCATION_LAYOUT, CHECKS_LAYOUT, RAR_LAYOUT } from './reports/budget.js';
import { GUARANTEE_LAYOUTS } from './reports/guarantee.js';
import type { ReportLayout } from './reports/layout.js';
import { LOAN_ARREARS_LAYOUT, PROCUREMENT_LAYOUT } from './reports/late-interest.js';
import { SUBSIDIES_LAYOUT } from './reports/subsidy.js';
import { tableHtml } from './table.js';

export interface HtmlOptions {
  /** The page's title; by default the report's (« Affectation du résultat »…). */
  readonly title?: string;
  /** The files the figures come from, named under the title. */
  readonly sources?: readonly string[];
  /** The date printed under the title (« édité le … »); none by default, so that the same inputs give the same bytes. */
  readonly date?: IsoDate;
  /** Leave the charts out (a page of tables only). */
  readonly charts?: boolean;
}

/** The layouts by `report.name`: what each command's page adds to the generic one. */
const LAYOUTS: Readonly<Record<string, ReportLayout>> = {
  allocation: ALLOCATION_LAYOUT,
  checks: CHECKS_LAYOUT,
  rar: RAR_LAYOUT,
  ...GUARANTEE_LAYOUTS,
  late_interest_procurement: PROCUREMENT_LAYOUT,
  late_interest_loan: LOAN_ARREARS_LAYOUT,
  subsidies: SUBSIDIES_LAYOUT,
};

/** The page title of a report. */
export function reportTitle(report: Report): string {
  return LAYOUTS[report.name]?.title(report) ?? report.tables[0]?.title ?? report.name;
}

/** The charts a report's page draws, as Vega-Lite specs (before rendering). */
export function reportCharts(report: Report): Chart[] {
  return LAYOUTS[report.name]?.charts?.(report) ?? [];
}

/** A chart as a figure: its French caption and its SVG. */
export async function chartHtml(chart: Chart): Promise<Html> {
  const svg = await chartSvg(chart.spec);
  return html`<figure class="chart" data-chart="${chart.key}"><figcaption>${chart.title}</figcaption>${raw(svg)}</figure>`;
}

/** The subtitle under the title: the files read and the date, when given. */
export function subtitleOf(options: Pick<HtmlOptions, 'sources' | 'date'>): string | undefined {
  const parts = [
    ...(options.sources && options.sources.length > 0 ? [`${options.sources.length > 1 ? 'Fichiers' : 'Fichier'} : ${options.sources.join(', ')}`] : []),
    ...(options.date ? [`édité le ${toFrenchDate(options.date)}`] : []),
  ];
  return parts.length > 0 ? parts.join(' — ') : undefined;
}

/**
 * The body of one report: its facts, its alerts, what its layout puts
 * first, its charts, its tables, its checks with their verdicts, then its
 * other notes. A table that is the checks themselves (a check mode's
 * report) is shown once, as the checks.
 */
export async function reportBody(report: Report, options: Pick<HtmlOptions, 'charts'> = {}): Promise<Html> {
  const layout = LAYOUTS[report.name];
  const charts = options.charts === false ? [] : await Promise.all(reportCharts(report).map(chartHtml));
  const tables = layout?.tables
    ? layout.tables(report)
    : report.tables.filter((t) => t.columns !== CHECK_COLUMNS).map((t) => tableHtml(t.french ?? t));
  const alerts = report.notes.filter((n) => n.kind === 'alert');
  const others = report.notes.filter((n) => n.kind !== 'alert');
  return join([
    factsHtml(report),
    notesHtml(alerts, 'Alertes'),
    ...(layout?.lead?.(report) ?? []),
    ...charts,
    ...tables,
    checksHtml(report.checks),
    notesHtml(others),
  ]);
}

/**
 * Any report as a self-contained printable page in French: inline css
 * (A4, page numbers, repeated table headers), charts as inline SVG
 * (Vega-Lite, rendered in Node), every text escaped. The charts are chosen
 * by `report.name`; a report of any other name gets its tables, checks and
 * notes. Several reports (a guarantee's principal, statement and exposure)
 * make one document, a page break between them.
 *
 * Pure computation, no I/O: the caller writes the string.
 */
export async function renderHtml(reports: Report | readonly Report[], options: HtmlOptions = {}): Promise<string> {
  const list: readonly Report[] = Array.isArray(reports) ? reports : [reports as Report];
  if (list.length === 0) throw new RangeError('renderHtml: no report to render');
  const title = options.title ?? reportTitle(list[0]!);
  const subtitle = subtitleOf(options);
  if (list.length === 1) return htmlPage({ title, ...(subtitle !== undefined ? { subtitle } : {}) }, await reportBody(list[0]!, options));
  const sections = [];
  for (const r of list) {
    sections.push(html`<section class="report" data-report="${r.name}"><h2>${reportTitle(r)}</h2>${await reportBody(r, options)}</section>`);
  }
  return htmlPage({ title, ...(subtitle !== undefined ? { subtitle } : {}) }, join(sections));
}
