import ExcelJS from 'exceljs';
import { cellText } from '../cells.js';
import { checksTable } from '../check.js';
import type { Column, Note, Report, Table } from '../model.js';
import { type SheetCell, MAX_SHEET_ROWS, columnWidth, sheetCell, sheetName } from './cells.js';

/**
 * A report as an xlsx workbook, written by exceljs (a well-kept library
 * that reads and writes xlsx, with a streaming writer for the portfolios of
 * `amortize`): one worksheet per table with its French titles as header
 * row, header frozen, an autofilter and widths that fit; the checks and
 * the notes on their own sheets. exceljs builds the file in memory: no I/O.
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'finloc';
  const taken = new Set<string>();
  for (const table of report.tables) addTable(workbook, table.french ?? table, taken);
  if (report.tables.length === 0 || report.checks.length > 0) addTable(workbook, checksTable(report.checks), taken, 'Contrôles');
  if (report.notes.length > 0) addNotesSheet(workbook, report.notes, taken);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Header row, frozen, with an autofilter over the table's columns. */
export function prepareSheet(sheet: ExcelJS.Worksheet, columns: readonly Column[], widths: readonly number[]): void {
  sheet.columns = columns.map((c, k) => ({ header: c.title, key: c.key, width: widths[k] }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** Writes one cell with its number format. */
export function setCell(row: ExcelJS.Row, index: number, cell: SheetCell): void {
  const target = row.getCell(index);
  target.value = cell.value;
  if (cell.numFmt !== undefined) target.numFmt = cell.numFmt;
}

function addTable(workbook: ExcelJS.Workbook, table: Table, taken: Set<string>, title = table.title): void {
  if (table.rows.length + 1 > MAX_SHEET_ROWS) {
    throw new RangeError(`the table « ${table.title} » has ${table.rows.length} rows; a worksheet holds ${MAX_SHEET_ROWS - 1} below its header`);
  }
  const sample = table.rows.slice(0, 1000);
  const widths = table.columns.map((c) => columnWidth(c, sample.map((r) => cellText(r[c.key], c.kind, 'french'))));
  const sheet = workbook.addWorksheet(sheetName(title, taken));
  prepareSheet(sheet, table.columns, widths);
  for (const r of table.rows) {
    const row = sheet.addRow([]);
    table.columns.forEach((c, k) => setCell(row, k + 1, sheetCell(r[c.key], c.kind)));
  }
}

const NOTE_KIND_FR: Record<Note['kind'], string> = { note: 'note', alert: 'alerte', warning: 'avertissement' };

/**
 * The notes on a sheet of their own. `streamed`: the workbook is exceljs's
 * streaming writer, whose rows and sheet must be committed.
 */
export function addNotesSheet(
  workbook: { addWorksheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet },
  notes: readonly Note[],
  taken: Set<string>,
  streamed = false,
): void {
  // Views are given when the sheet is made: the streaming writer's sheets cannot take them later.
  const sheet = workbook.addWorksheet(sheetName('Notes', taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Type', key: 'kind', width: 14 },
    { header: 'Note', key: 'text', width: 120 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const n of notes) {
    const row = sheet.addRow({ kind: NOTE_KIND_FR[n.kind], text: n.text });
    row.getCell(2).alignment = { wrapText: true };
    if (streamed) row.commit();
  }
  if (streamed) sheet.commit();
}
