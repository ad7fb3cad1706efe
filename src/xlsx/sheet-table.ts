/**
 * A sheet of a workbook read as a table: its cells become the text of the
 * cells of a CSV file, as a spreadsheet shows them, so that every reader of
 * the project (header matching, the one number parser, the date parser,
 * blank and « Total » lines…) reads a sheet exactly as it reads a CSV file.
 * Pure: the cells come from a thin adapter (src/xlsx/workbook.ts).
 *
 * The rules of a cell's text:
 * - text as it is; rich text joined; a hyperlink's text;
 * - a number as the spreadsheet shows it in its formula bar, at most 15
 *   significant digits (Excel's own precision) and 10 decimals: a sum stored
 *   as 0.30000000000000004 is `0.3`, a residue of 1e-17 is `0`; a value with
 *   more decimals than a column takes (12.345 as an amount) stays 12.345, and
 *   the column's parser refuses it as it refuses the text `12.345`;
 * - a whole number with all its digits (an identifier: 5676228, a SIRET
 *   21030123400013, never `2.1e+13` or `5676228.0`), zero-padded when its
 *   format is `0000…` (a line id 0012 shown as such);
 * - a number formatted as a percentage as it is shown: 0.023 is `2.3%`;
 * - a date as its ISO date (`2026-10-29`), read from the cell's own day
 *   (no time zone); a date with a time of day keeps it (`2026-10-29 14:30`),
 *   which the date parser refuses rather than dropping it;
 * - TRUE / FALSE as `true` / `false`; an error value as shown (`#DIV/0!`);
 * - a formula as its cached result; a formula without one (a file written by
 *   a program that does not compute) is refused at its cell.
 */
import { Decimal } from '../money/decimal.js';
import type { CsvRecord } from '../csv/records.js';
import type { InputProblem, Locator } from '../errors.js';

/** A cell as the adapter gives it. Empty cells are `undefined`. */
export type SheetCell =
  | { readonly kind: 'text'; readonly text: string }
  /** `format`: the cell's number format (`0.00%`, `0000`, `# ##0,00`…), when it has one. */
  | { readonly kind: 'number'; readonly value: number; readonly format?: string }
  /** A date cell, at midnight UTC of its day (and the time of day, if any). */
  | { readonly kind: 'date'; readonly date: Date }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly error: string }
  /** A formula whose result the file does not hold. */
  | { readonly kind: 'no-result'; readonly formula: string };

/** One row of a sheet: its number (1-based, as the spreadsheet shows it) and its cells from column A. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly (SheetCell | undefined)[];
}

/** Significant digits a number cell is read with: Excel keeps 15; the 16th and 17th of a double are binary noise. */
export const CELL_SIGNIFICANT_DIGITS = 15;
/** Decimals a number cell is read with: a rate has at most 6, an amount 2; what is below 10^-10 is a computation's residue. */
export const CELL_DECIMALS = 10;

/** The text of a cell, as a CSV file exported by the spreadsheet would hold it; or what is wrong with it. */
export function cellText(cell: SheetCell | undefined): { ok: true; text: string } | { ok: false; message: string } {
  if (cell === undefined) return { ok: true, text: '' };
  switch (cell.kind) {
    case 'text':
      return { ok: true, text: cell.text };
    case 'number':
      return { ok: true, text: numberText(cell.value, cell.format) };
    case 'date':
      return { ok: true, text: dateText(cell.date) };
    case 'boolean':
      return { ok: true, text: cell.value ? 'true' : 'false' };
    case 'error':
      return { ok: true, text: cell.error };
    case 'no-result':
      return {
        ok: false,
        message: `a formula without a computed value (=${cell.formula.slice(0, 40)}): the file was not saved by a spreadsheet; open and save it in Excel or LibreOffice, or export the sheet as CSV`,
      };
  }
}

/**
 * A number cell's text: whole numbers with all their digits; others rounded
 * to {@link CELL_SIGNIFICANT_DIGITS} significant digits, then to
 * {@link CELL_DECIMALS} decimals, written without exponent nor trailing zeros.
 */
export function numberText(value: number, format?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const percent = format !== undefined && isPercentFormat(format);
  if (!percent && Number.isSafeInteger(value)) {
    const digits = String(Math.abs(value));
    const width = format !== undefined && /^0+$/.test(format) ? format.length : 0;
    return (value < 0 ? '-' : '') + digits.padStart(width, '0');
  }
  let d = new Decimal(value).toSignificantDigits(CELL_SIGNIFICANT_DIGITS);
  if (percent) d = d.times(100);
  d = d.toDecimalPlaces(CELL_DECIMALS);
  return (d.isZero() ? '0' : d.toFixed()) + (percent ? '%' : '');
}

/** A number format that shows a percentage: a `%` outside quoted text, brackets and escapes. */
export function isPercentFormat(format: string): boolean {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .includes('%');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date cell's ISO date, from its UTC fields (the adapter's dates are the day's midnight UTC); a time of day is kept. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '#DATE!';
  const iso = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return iso;
  return `${iso} ${pad(h)}:${pad(m)}${s !== 0 ? ':' + pad(s) : ''}`;
}

/** `A`, `Z`, `AA`, `XFD`: the letters of a 1-based column. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = (n - 1 - r) / 26;
  }
  return letters;
}

/** A sheet's name as a reference names it: `Feuil1`, or quoted when it is not one word (`'Prêts 2026'`), as Excel writes it. */
export function sheetReference(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * How problems of a table read from a sheet are located, as Excel's Name
 * Box takes them: a cell `Feuil1!C7`, a whole row `Feuil1!7:7`, the sheet
 * alone `Feuil1`. `rowOfLine` maps the lines of the table's CSV text to
 * the sheet's rows when they differ (a cell holding line breaks).
 */
export function sheetLocator(sheet: string, rowOfLine?: (line: number) => number): Locator {
  const ref = sheetReference(sheet);
  return (line, column) => {
    if (line === undefined) return column === undefined ? ref : `${ref}!${columnLetters(column)}:${columnLetters(column)}`;
    const row = rowOfLine ? rowOfLine(line) : line;
    return column === undefined ? `${ref}!${row}:${row}` : `${ref}!${columnLetters(column)}${row}`;
  };
}

/** The cells' texts of each row, located by row and column; the cells that cannot be read, located too. */
export function sheetRecords(rows: readonly SheetRow[]): { records: CsvRecord[]; problems: InputProblem[] } {
  const records: CsvRecord[] = [];
  const problems: InputProblem[] = [];
  for (const { row, cells } of rows) {
    const fields: string[] = [];
    cells.forEach((cell, i) => {
      const t = cellText(cell);
      if (t.ok) fields[i] = t.text;
      else {
        problems.push({ line: row, column: i + 1, message: t.message });
        fields[i] = '';
      }
    });
    // Holes of a sparse row are empty cells; trailing empty cells are dropped (a CSV line ends there too).
    for (let i = 0; i < fields.length; i++) fields[i] ??= '';
    while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
    records.push({ line: row, fields });
  }
  return { records, problems };
}

/** A field of the CSV text: quoted when not empty, so that no cell's `,` `;` `"` or line break can move a column. */
function csvField(text: string): string {
  return text === '' ? '' : `"${text.replace(/"/g, '""')}"`;
}

/**
 * A sheet as CSV text (`,`-separated, every non-empty cell quoted) whose
 * line n is row n of the sheet: a missing or empty row is an empty line,
 * so that every reader of CSV text reads the sheet unchanged and locates
 * what it finds by the sheet's rows and columns. Only a cell holding line
 * breaks makes lines and rows drift apart: `rowOfLine` maps them back.
 */
export function sheetCsv(records: readonly CsvRecord[]): { text: string; rowOfLine?: (line: number) => number } {
  const lines: string[] = [];
  /** The row of each line, kept only from the first cell holding a line break on. */
  let rows: number[] | undefined;
  for (const { line: row, fields } of records) {
    while (lines.length < row - 1) {
      rows?.push(lines.length + 1);
      lines.push('');
    }
    const text = fields.map(csvField).join(',');
    const breaks = countBreaks(text);
    if (breaks > 0 || lines.length + 1 !== row) rows ??= Array.from({ length: lines.length }, (_, i) => i + 1);
    if (rows) for (let k = 0; k <= breaks; k++) rows.push(row);
    lines.push(text);
  }
  const text = lines.length === 0 ? '' : lines.join('\n') + '\n';
  if (rows === undefined) return { text };
  const table = rows;
  return { text, rowOfLine: (line) => table[line - 1] ?? line };
}

function countBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
