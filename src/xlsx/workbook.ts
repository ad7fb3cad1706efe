/**
 * The thin adapter between exceljs and src/xlsx/sheet-table.ts: a
 * workbook's bytes, already read by the caller, become its sheets' names
 * and the typed cells of one sheet. exceljs's `workbook.xlsx.load(buffer)`
 * unzips and parses bytes in memory: no file is opened here, so the core
 * stays free of I/O (the CLI reads the file, cli/workbooks.ts).
 */
import type ExcelJS from 'exceljs';
import type { SheetCell, SheetRow } from './sheet-table.js';

/** A workbook opened: its sheets in tab order, and the rows of any of them. */
export interface OpenedWorkbook {
  readonly sheets: readonly { readonly name: string; readonly visible: boolean }[];
  /** The rows holding at least one cell, in order, with their cells from column A. */
  rows(sheet: string): SheetRow[];
}

/** An encrypted (password-protected) workbook, or an Excel 97-2003 .xls, is an OLE compound file: these are its first bytes. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A zip archive (an .xlsx) starts with a local file header. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP);
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, COMPOUND_FILE);
}

/** Why a file that should be a workbook is not one, in words for a person. */
export const ENCRYPTED_OR_XLS =
  'a password-protected workbook, or an Excel 97-2003 .xls one: finloc reads .xlsx workbooks without a password, and CSV; save it as .xlsx without a password, or export the sheet as CSV';

/** Opens a workbook from its bytes; or says, in one line, why it cannot be read. */
export async function openWorkbook(bytes: Uint8Array): Promise<{ ok: true; workbook: OpenedWorkbook } | { ok: false; reason: string }> {
  if (isCompoundFile(bytes)) return { ok: false, reason: ENCRYPTED_OR_XLS };
  const notXlsx = (why: string) => ({
    ok: false as const,
    reason: `not a readable .xlsx workbook (${why}); save it again from the spreadsheet as .xlsx, or export the sheet as CSV`,
  });
  if (!isZip(bytes)) return notXlsx('it is not a zip archive, as every .xlsx file is');
  // exceljs is loaded only when a workbook is read: it costs about 0,4 s to load, which every other run would pay.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return notXlsx(message.split('\n')[0]!.replace(/\s*:?\s*is this a zip file \?.*$/i, '').trim() || 'unreadable');
  }
  const date1904 = workbook.properties?.date1904 === true;
  const worksheets = workbook.worksheets;
  if (worksheets.length === 0) return notXlsx('it holds no sheet');
  return {
    ok: true,
    workbook: {
      sheets: worksheets.map((w) => ({ name: w.name, visible: w.state === undefined || w.state === 'visible' })),
      rows: (name) => {
        const sheet = worksheets.find((w) => w.name === name);
        return sheet ? sheetRows(sheet, date1904) : [];
      },
    },
  };
}

function sheetRows(sheet: ExcelJS.Worksheet, date1904: boolean): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (SheetCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = sheetCell(cell, date1904);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells) });
  });
  return rows;
}

type Value = ExcelJS.CellValue | undefined;

/** exceljs's ValueType.Merge, written out so that this module need not load exceljs to be imported. */
const VALUE_TYPE_MERGE = 1;

/** A cell's typed value; merged cells other than the first of their range are empty, as in the spreadsheet's CSV export. */
export function sheetCell(cell: ExcelJS.Cell, date1904: boolean): SheetCell | undefined {
  if (cell.type === VALUE_TYPE_MERGE) return undefined;
  const format = typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : undefined;
  return typedValue(cell.value, format, date1904);
}

function typedValue(value: Value, format: string | undefined, date1904: boolean): SheetCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return format === undefined ? { kind: 'number', value } : { kind: 'number', value, format };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', date: date1904 ? value : lotus1900(value) };
  if ('error' in value) return { kind: 'error', error: String(value.error) };
  if ('richText' in value) return { kind: 'text', text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string') return { kind: 'text', text };
    if (text && typeof text === 'object' && 'richText' in text) return { kind: 'text', text: (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    return undefined;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    const result = f.result as Value;
    if (result === undefined || result === null) {
      const formula = 'formula' in f && typeof f.formula === 'string' ? f.formula : String((f as ExcelJS.CellSharedFormulaValue).sharedFormula ?? '');
      return { kind: 'no-result', formula };
    }
    return typedValue(result, format, date1904);
  }
  return undefined;
}

/**
 * Excel's 1900 date system counts a 29 February 1900 that never was
 * (Lotus 1-2-3's bug, kept for compatibility): exceljs turns serials into
 * dates by days from 1970, so the days before 1 March 1900 come out one day
 * early. They are put back on their day.
 */
function lotus1900(date: Date): Date {
  const MARCH_1900 = Date.UTC(1900, 1, 28);
  return date.getTime() < MARCH_1900 ? new Date(date.getTime() + 86_400_000) : date;
}
