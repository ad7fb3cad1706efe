import { type Html, html, raw } from './escape.js';

export interface PageOptions {
  /** The document's title (« Tableau d'amortissement »), also in the top margin of every printed page. */
  readonly title: string;
  /** A line under the title: the files read, the date of the run (« LOANS.csv — édité le 29/10/2026 »). */
  readonly subtitle?: string;
}

/** A CSS string literal: the title goes into `@page` margin boxes, where quotes and backslashes must be escaped. */
export function cssString(text: string): string {
  return '"' + text.replace(/[\\"]/g, (c) => '\\' + c).replace(/[\n\r\f]/g, ' ').replace(/</g, '\\3c ') + '"';
}

/**
 * The print layout: A4, page numbers « page 3 / 12 » in the bottom margin
 * box (Chromium draws @page margin boxes since v131), the title in the top
 * one, table headers repeated on every page, rows never cut in two, a page
 * break between loan lines, wide tables (more than eleven columns) on
 * landscape pages. On screen, the same sheet, centred.
 */
function css(title: string): string {
  return `
@page { size: A4; margin: 16mm 12mm 16mm 12mm;
  @top-left { content: ${cssString(title)}; font: 8pt "DejaVu Sans", Arial, sans-serif; color: #555; }
  @top-right { content: "finloc"; font: 8pt "DejaVu Sans", Arial, sans-serif; color: #555; }
  @bottom-right { content: "page " counter(page) " / " counter(pages); font: 8pt "DejaVu Sans", Arial, sans-serif; color: #555; } }
@page wide { size: A4 landscape; }
* { box-sizing: border-box; }
html { font: 9.5pt/1.35 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
main { max-width: 210mm; margin: 0 auto; padding: 8mm 12mm; }
@media screen { html { background: #eee; } main { background: white; margin: 6mm auto; box-shadow: 0 0 4px #aaa; } }
@media screen { main.wide { max-width: 297mm; } }
@media print { main { max-width: none; padding: 0; } }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; border-bottom: 1px solid #1f4e79; color: #1f4e79; break-after: avoid; }
h3 { font-size: 10pt; margin: 4mm 0 1.5mm; break-after: avoid; }
h4 { font-size: 9.5pt; margin: 3mm 0 1mm; break-after: avoid; }
.subtitle { color: #444; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; margin: 0 0 1mm; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { background: #e8eef5; font-weight: bold; font-size: 7.5pt; text-align: left; vertical-align: bottom; padding: 0.8mm 0.8mm; border: 0.5px solid #b8c4d0; }
td { padding: 0.5mm 0.8mm; border: 0.5px solid #d4d9de; vertical-align: top; }
th.num, td.num { text-align: right; }
td.num, td.date, td.rate, td.identifier { white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) td { background: #f7f9fb; }
tr.total td { font-weight: bold; background: #eef2f6; border-top: 1.2px solid #555; }
sup.rule-ref { font-weight: normal; color: #1f4e79; margin-left: 0.5mm; }
p.rules { font-size: 7pt; color: #444; margin: 0.5mm 0 3mm; }
p.rules span { white-space: nowrap; }
p.empty { font-style: italic; color: #555; }
td.verdict.good { color: #146c2e; font-weight: bold; }
td.verdict.bad { color: #b42318; font-weight: bold; }
p.verdict-line { font-weight: bold; padding: 1.5mm 2mm; margin: 1mm 0 2mm; border-left: 3px solid; }
p.verdict-line.good { color: #146c2e; border-color: #146c2e; background: #edf7ef; }
p.verdict-line.bad { color: #b42318; border-color: #b42318; background: #fdf0ef; }
section.notes ul { margin: 0; padding-left: 5mm; }
section.notes li { margin: 0.8mm 0; }
section.notes li.alert { color: #b42318; }
section.notes li.warning { color: #8a5a00; }
dl.facts, dl.summary { display: grid; grid-template-columns: 1fr 1fr; gap: 0.8mm 4mm; margin: 2mm 0 3mm; }
dl.facts div, dl.summary div { display: flex; justify-content: space-between; gap: 2mm; border-bottom: 0.5px dotted #bbb; }
dt { color: #444; }
dd { margin: 0; font-weight: bold; text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 2mm 0 3mm; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: bold; font-size: 9pt; margin-bottom: 1mm; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
section.table.wide { page: wide; }
section.table.xwide table { font-size: 7pt; }
section.table.xwide th { font-size: 6.5pt; }
section.overview + section.loan-line, section.loan-line + section.loan-line, section.report + section.report { break-before: page; page-break-before: always; }
section.loan-line > h2 { margin-top: 0; }
.refused { border: 1px solid #b42318; padding: 3mm; color: #b42318; }
`;
}

/** A whole page: French, UTF-8, the print css inline; nothing is fetched (no script, no font, no image file). */
export function htmlPage(options: PageOptions, body: Html): string {
  const subtitle = options.subtitle !== undefined ? html`<p class="subtitle">${options.subtitle}</p>` : raw('');
  return (
    '<!DOCTYPE html>\n' +
    html`<html lang="fr"><head><meta charset="utf-8"><meta name="generator" content="finloc"><title>${options.title}</title><style>${raw(css(options.title))}</style></head><body><main${raw(body.html.includes('<section class="table wide') ? ' class="wide"' : '')}><h1>${options.title}</h1>${subtitle}${body}</main></body></html>`.html +
    '\n'
  );
}
