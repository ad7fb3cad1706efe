import type ExcelJS from 'exceljs';
import { Decimal } from '../money/decimal.js';
import type { IsoDate } from '../calendar/date.js';
import type { Note } from '../report/model.js';
import { MAX_SHEET_ROWS, columnWidth, sheetCell, sheetName } from '../report/xlsx/cells.js';
import { addNotesSheet, setCell } from '../report/xlsx/workbook.js';
import { SCHEDULE_COLUMNS } from './render.js';

/**
 * Amortisation tables as one worksheet, streamed: every line's rows (its
 * `line_id` first) then a « Total » row per line whose sums are
 * spreadsheet formulas, so that an auditor sees how they are made, with
 * our exact totals as their cached values. The rows arrive as the machine
 * csv the portfolio engine writes (exact decimal text), a batch at a time;
 * a sheet full at Excel's 1 048 576 rows goes on in « … (2) », and a total
 * sums its line's cells on every sheet they lie on.
 *
 * The workbook writer is exceljs's streaming one, made by the caller on its
 * output stream: rows are committed as they come, memory stays flat.
 */
export class ScheduleSheetWriter {
  private sheet: ExcelJS.Worksheet | undefined;
  private sheetCount = 0;
  private rowsInSheet = 0;
  private readonly taken = new Set<string>();
  private current: LineTotals | undefined;
  private readonly widths = SCHEDULE_COLUMNS.map((c) => columnWidth(c, c.kind === 'amount' ? ['9 999 999,99 €'] : c.kind === 'date' ? ['29/10/2026'] : ['']));

  /** `maxRows`: the rows a sheet holds, header included (Excel's limit; smaller in tests). */
  constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly title = "Tableau d'amortissement",
    private readonly maxRows = MAX_SHEET_ROWS,
  ) {}

  /** The rows of a batch, as machine csv lines (`line_id,number,due_date,rate_pct,payment,…`), header excluded. */
  addCsvRows(text: string): void {
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end);
      start = end < 0 ? text.length : end + 1;
      if (line.length > 0) this.addRow(splitMachineCsv(line));
    }
  }

  /**
   * Waits while the compressor has more than a few MB of rows not yet
   * deflated. exceljs's streaming writer hands committed rows to the zip
   * without waiting for it (its StreamBuf ignores backpressure), so without
   * this a fast producer holds the whole sheet in memory (800 MB and rising
   * at 100 000 lines). It reads exceljs's internals (the worksheet's `stream`
   * and its `pipes`), checked by the memory benchmark of docs/performance.md.
   */
  async drained(): Promise<void> {
    const pipes = (this.sheet as unknown as { stream?: { pipes?: BufferedStream[] } } | undefined)?.stream?.pipes ?? [];
    for (const pipe of pipes) {
      while (buffered(pipe) > DEFLATE_BACKLOG_BYTES) await new Promise<void>((resolve) => pipe.once('drain', () => resolve()));
    }
  }

  /** Ends the last line's total and the sheet; then the notes go on their own sheet, and the workbook is finished. */
  async finish(notes: readonly Note[]): Promise<void> {
    this.closeLine();
    if (this.sheet === undefined) this.openSheet();
    this.sheet!.commit();
    if (notes.length > 0) addNotesSheet(this.workbook, notes, this.taken, true);
    await this.workbook.commit();
  }

  private addRow(fields: string[]): void {
    const lineId = fields[0]!;
    if (this.current?.lineId !== lineId) {
      this.closeLine();
      this.current = new LineTotals(lineId);
    }
    const row = this.nextRow();
    SCHEDULE_COLUMNS.forEach((c, k) => {
      const text = fields[k] ?? '';
      const value = c.kind === 'count' ? Number(text) : c.kind === 'date' ? (text as IsoDate) : c.kind === 'identifier' ? text : new Decimal(text);
      setCell(row.sheetRow, k + 1, sheetCell(text === '' ? undefined : value, c.kind));
    });
    row.sheetRow.commit();
    this.current!.add(fields, this.sheet!.name, row.number);
  }

  /** The « Total » row of the line just ended: Σ of payment, amortisation, interest, deferred interest. */
  private closeLine(): void {
    const line = this.current;
    if (line === undefined) return;
    this.current = undefined;
    const row = this.nextRow();
    setCell(row.sheetRow, 1, sheetCell(line.lineId, 'identifier'));
    setCell(row.sheetRow, 2, { value: 'Total' });
    for (const [k, c] of SCHEDULE_COLUMNS.entries()) {
      if (!TOTALLED.has(c.key)) continue;
      const letter = String.fromCharCode(65 + k);
      const ranges = line.segments.map((s) => `${quoteSheet(s.sheet)}!${letter}${s.first}:${letter}${s.last}`);
      const exact = line.sums.get(c.key)!;
      const cell = row.sheetRow.getCell(k + 1);
      const shown = sheetCell(exact, 'amount');
      cell.value = { formula: `SUM(${ranges.join(',')})`, result: typeof shown.value === 'number' ? shown.value : Number(exact.toFixed()) } as ExcelJS.CellFormulaValue;
      cell.numFmt = shown.numFmt ?? '#,##0.00 "€"';
      cell.font = { bold: true };
    }
    row.sheetRow.getCell(2).font = { bold: true };
    row.sheetRow.commit();
    // exceljs keeps every formula cell written, by address, for shared formulas we do not use (WorksheetWriter._formulae):
    // 0,4 KB a formula, 160 MB at 100 000 lines. Dropped once the row is out.
    (this.sheet as unknown as { _formulae: Record<string, unknown> })._formulae = {};
  }

  private nextRow(): { sheetRow: ExcelJS.Row; number: number } {
    if (this.sheet === undefined || this.rowsInSheet >= this.maxRows) {
      this.sheet?.commit();
      this.openSheet();
    }
    this.rowsInSheet++;
    return { sheetRow: this.sheet!.getRow(this.rowsInSheet), number: this.rowsInSheet };
  }

  private openSheet(): void {
    this.sheetCount++;
    const sheet = this.workbook.addWorksheet(sheetName(this.sheetCount === 1 ? this.title : `${this.title} (${this.sheetCount})`, this.taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = SCHEDULE_COLUMNS.map((c, k) => ({ header: c.title, key: c.key, width: this.widths[k] }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SCHEDULE_COLUMNS.length } };
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    this.sheet = sheet;
    this.rowsInSheet = 1;
  }
}

/** The PassThrough (archiver's readable-stream) between a sheet and the zip: both its buffers count. */
interface BufferedStream {
  once(event: 'drain', listener: () => void): unknown;
  readonly _writableState?: { length: number };
  readonly _readableState?: { length: number };
}

function buffered(stream: BufferedStream): number {
  return (stream._writableState?.length ?? 0) + (stream._readableState?.length ?? 0);
}

/** Bytes of sheet xml waiting for the compressor before the producer waits. */
const DEFLATE_BACKLOG_BYTES = 4 << 20;

const TOTALLED = new Set(['payment', 'amortisation', 'interest', 'deferred_interest']);
const COLUMN_INDEX = new Map(SCHEDULE_COLUMNS.map((c, k) => [c.key, k]));

/** A line's exact sums, and where its rows lie (sheet, first and last row) for the formulas. */
class LineTotals {
  readonly sums = new Map<string, Decimal>([...TOTALLED].map((k) => [k, new Decimal(0)]));
  readonly segments: { sheet: string; first: number; last: number }[] = [];
  constructor(readonly lineId: string) {}
  add(fields: readonly string[], sheet: string, row: number): void {
    for (const key of TOTALLED) this.sums.set(key, this.sums.get(key)!.plus(fields[COLUMN_INDEX.get(key)!]!));
    const last = this.segments[this.segments.length - 1];
    if (last !== undefined && last.sheet === sheet && last.last === row - 1) last.last = row;
    else this.segments.push({ sheet, first: row, last: row });
  }
}

/** 'Tableau d''amortissement' as a formula names it. */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The fields of one line of the machine csv: only the first (line_id, a
 * text) may be quoted (src/csv/write.ts quotes a field holding `,`, `"` or
 * a line break); the others are digits, dates and dots.
 */
export function splitMachineCsv(line: string): string[] {
  if (!line.startsWith('"')) return line.split(',');
  let k = 1;
  let id = '';
  for (;;) {
    const q = line.indexOf('"', k);
    if (q < 0) throw new RangeError(`unterminated quoted field in ${JSON.stringify(line.slice(0, 80))}`);
    id += line.slice(k, q);
    if (line[q + 1] === '"') {
      id += '"';
      k = q + 2;
      continue;
    }
    return [id, ...line.slice(q + 2).split(',')];
  }
}
