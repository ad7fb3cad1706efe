import { cellJson, cellText, type TextStyle } from './cells.js';
import { checkRow, checksTable, CHECK_COLUMNS } from './check.js';
import type { Report, Table } from './model.js';

/** The formats every report is written in: the three text forms, the xlsx workbook (src/report/xlsx/) and the printable page (src/report/html/). */
export type ReportFormat = 'csv' | 'csv-fr' | 'json' | 'xlsx' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'csv-fr', 'json', 'xlsx', 'html'];

/** Formats that are files of their own kind, not text: written only to `-o FILE.ext` (or a pipe), never to a terminal. */
export const FILE_EXTENSION: Readonly<Partial<Record<string, string>>> = { xlsx: '.xlsx' };

/** Extensions that choose a text format when `--format` is not given (`-o rapport.html`). */
export const TEXT_FILE_EXTENSION: Readonly<Partial<Record<string, string>>> = { html: '.html' };

/** The byte-order mark that makes a spreadsheet read a csv-fr file as UTF-8 (without it, Excel shows `NÂ°`). */
export const UTF8_BOM = '\ufeff';

/** The table csv and csv-fr write: the report's first, else its checks. */
export function mainTable(r: Report): Table {
  return r.tables[0] ?? checksTable(r.checks);
}

/** The header and rows of a table as csv fields. */
export function tableFields(table: Table, style: TextStyle): string[][] {
  const header = table.columns.map((c) => (style === 'french' ? c.title : c.key));
  const rows = table.rows.map((row) => table.columns.map((c) => cellText(row[c.key], c.kind, style)));
  return [header, ...rows];
}

/**
 * A table as csv text, written by fast-csv: `,` (csv) or `;` (csv-fr, which
 * starts with a UTF-8 byte-order mark), quoting only what must be.
 */
export async function tableCsv(table: Table, format: 'csv' | 'csv-fr'): Promise<string> {
  // Loaded when a report is written (about 33 ms of start-up that a streamed amortize run need not pay: docs/performance.md).
  const { writeToString } = await import('fast-csv');
  const french = format === 'csv-fr';
  return writeToString(tableFields(table, french ? 'french' : 'machine'), {
    delimiter: french ? ';' : ',',
    includeEndRowDelimiter: true,
    writeBOM: french,
  });
}

/** A table's rows as json objects keyed by column. */
export function tableJson(table: Table): Record<string, unknown>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, cellJson(row[c.key], c.kind)])));
}

/**
 * The json of a report: `{ report, ...facts, all_hold?, tables: { key: rows }, checks, notes }`.
 * `all_hold` is there when the report has checks.
 */
export function reportJson(r: Report): Record<string, unknown> {
  return {
    report: r.name,
    ...(r.facts ?? {}),
    ...(r.checks.length > 0 ? { all_hold: r.checks.every((c) => c.holds) } : {}),
    tables: Object.fromEntries(r.tables.map((t) => [t.key, tableJson(t)])),
    checks: r.checks.map((c) => Object.fromEntries(CHECK_COLUMNS.map((col) => [col.key, cellJson(checkRow(c)[col.key], col.kind)]))),
    notes: r.notes.map((n) => ({ kind: n.kind, text: n.text })),
  };
}

/** The text forms of a report. */
export type TextReportFormat = Exclude<ReportFormat, 'xlsx'>;

/** Any report in any of the formats: text, or the bytes of a workbook. `sources`: the input files, named on the html page. */
export function renderReport(r: Report, format: TextReportFormat, options?: { sources?: readonly string[] }): Promise<string>;
export function renderReport(r: Report, format: ReportFormat, options?: { sources?: readonly string[] }): Promise<string | Uint8Array>;
export async function renderReport(r: Report, format: ReportFormat, options: { sources?: readonly string[] } = {}): Promise<string | Uint8Array> {
  if (format === 'json') return JSON.stringify(reportJson(r), null, 2) + '\n';
  // exceljs and vega are loaded when their format is asked for: about 0,4 s each that a csv run need not pay.
  if (format === 'xlsx') return (await import('./xlsx/workbook.js')).renderXlsx(r);
  if (format === 'html') return (await import('./html/render.js')).renderHtml(r, options.sources ? { sources: options.sources } : {});
  const table = mainTable(r);
  return tableCsv(format === 'csv-fr' ? (table.french ?? table) : table, format);
}
