import { Decimal } from '../../money/decimal.js';
import type { IsoDate } from '../../calendar/date.js';
import type { Cell, Column, ColumnKind, Word } from '../model.js';
import { cellText } from '../cells.js';

/**
 * A report cell as a spreadsheet cell: amounts as numbers in euros with
 * their cents, rates as percentages, dates as dates, counts as whole
 * numbers, identifiers as text a spreadsheet never reinterprets (« 24/12 »,
 * a SIRET, « 0012 »).
 */
export interface SheetCell {
  readonly value: number | string | Date | null;
  /** Excel number format; format codes are locale-free (`#,##0.00` shows 1 234,56 in a French Excel). */
  readonly numFmt?: string;
}

const isWord = (c: Cell): c is Word => typeof c === 'object' && c !== null && 'word' in c && 'fr' in c;

/** `#,##0.00 "€"`, with more decimals when the amount has them (a limit of 500 000,005). */
export function amountFormat(places: number): string {
  return `#,##0.${'0'.repeat(Math.max(2, places))} "€"`;
}

/** `0.00%`, with more decimals when the rate has them (3,125 % → `0.000%`). */
export function rateFormat(places: number): string {
  return `0.${'0'.repeat(Math.min(Math.max(2, places), 6))}%`;
}

export const DATE_FORMAT = 'dd/mm/yyyy';
export const TEXT_FORMAT = '@';

/**
 * The double a spreadsheet stores for an exact decimal, when it shows that
 * decimal back at `places`; undefined when it cannot: Excel keeps and shows
 * 15 significant digits, so 123 456 789 012 345,67 € (17) would show
 * …345,00 or worse. The caller then writes the exact text, never a figure
 * one cent off.
 */
export function exactNumber(value: Decimal, places: number): number | undefined {
  const text = value.toFixed(places);
  if (text.replace(/[-.]/g, '').replace(/^0+/, '').length > EXCEL_DIGITS) return undefined;
  const n = Number(text);
  return new Decimal(n).toFixed(places) === text ? n : undefined;
}

/** The significant digits Excel keeps in a number. */
export const EXCEL_DIGITS = 15;

/** A date as the spreadsheet's date cell: midnight UTC, which exceljs writes as that day's serial, whatever the machine's time zone. */
export function dateValue(date: IsoDate): Date {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

/**
 * Example: the amount 30214.17 → 30214.17 with `#,##0.00 "€"`; the rate
 * 2.30 (%) → 0.023 with `0.00%`; the date 2026-10-29 → a date cell shown
 * 29/10/2026; the identifier « 24/12 » → the text « 24/12 ».
 */
export function sheetCell(cell: Cell, kind: ColumnKind): SheetCell {
  if (cell === undefined) return { value: null };
  if (isWord(cell)) return { value: cell.fr };
  // A word in a column of figures (« Total » in a due-date number column): text, as it is.
  if (typeof cell === 'string' && (kind === 'amount' || kind === 'rate' || kind === 'number' || kind === 'count')) return { value: cell };
  if (typeof cell === 'string' && kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(cell)) return { value: cell };
  switch (kind) {
    case 'amount': {
      const d = cell as Decimal;
      const places = Math.max(2, d.decimalPlaces());
      const n = exactNumber(d, places);
      return n === undefined ? { value: cellText(d, 'amount', 'french'), numFmt: TEXT_FORMAT } : { value: n, numFmt: amountFormat(places) };
    }
    case 'rate': {
      const pct = cell as Decimal;
      const places = Math.min(Math.max(2, pct.decimalPlaces()), 6);
      const n = exactNumber(pct.div(100), places + 2);
      return n === undefined ? { value: cellText(pct, 'rate', 'french') + ' %', numFmt: TEXT_FORMAT } : { value: n, numFmt: rateFormat(places) };
    }
    case 'number': {
      const d = cell as Decimal;
      const n = exactNumber(d, d.decimalPlaces());
      return n === undefined ? { value: cellText(d, 'number', 'french'), numFmt: TEXT_FORMAT } : { value: n };
    }
    case 'count':
      return { value: Number(cell), numFmt: '0' };
    case 'date':
      return { value: dateValue(cell as IsoDate), numFmt: DATE_FORMAT };
    case 'flag':
      return { value: cell ? 'oui' : 'non' };
    case 'text':
      return { value: String(cell) };
    case 'identifier':
      return { value: String(cell), numFmt: TEXT_FORMAT };
  }
}

/** A width in characters that fits the title and the widest of the first cells, within 8 … 60. */
export function columnWidth(column: Column, texts: readonly string[]): number {
  const widest = Math.max(column.title.length * 0.9, ...texts.map((t) => t.length + 2));
  return Math.round(Math.min(60, Math.max(8, widest)));
}

/**
 * A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
 * and unique in its workbook (« Contrôles », « Contrôles (2) »).
 */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Feuille';
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - ` (${k})`.length)} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/** Excel's last row: a worksheet holds 1 048 576 rows, the header one of them. */
export const MAX_SHEET_ROWS = 1_048_576;
