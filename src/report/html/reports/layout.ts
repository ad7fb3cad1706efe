import type { Decimal } from '../../../money/decimal.js';
import type { Cell, Report, Row, Table, Word } from '../../model.js';
import type { Chart } from '../charts/chart.js';
import type { Html } from '../escape.js';

/**
 * What a report of one kind adds to the generic page, chosen by
 * `report.name`: its page title, what comes before the tables (a
 * deliberation's grid, the allocation), its tables in their page form, its charts.
 */
export interface ReportLayout {
  readonly title: (report: Report) => string;
  /** Shown after the facts and before the charts. */
  readonly lead?: (report: Report) => Html[];
  /** The tables as the page shows them (default: each table's French form, in order). */
  readonly tables?: (report: Report) => Html[];
  readonly charts?: (report: Report) => Chart[];
}

export const isWord = (c: Cell): c is Word => typeof c === 'object' && c !== null && 'word' in c && 'fr' in c;

/** A table of the report by key, in its French form (« Total » rows, « Observation »). */
export function frenchTable(report: Report, key: string): Table | undefined {
  const t = report.tables.find((x) => x.key === key);
  return t ? (t.french ?? t) : undefined;
}

export function plainTable(report: Report, key: string): Table | undefined {
  return report.tables.find((x) => x.key === key);
}

/** A Decimal cell as a number for a chart (charts draw, they do not compute: the figures are the table's). */
export function amountOf(cell: Cell): number | undefined {
  if (cell === undefined || typeof cell !== 'object' || isWord(cell)) return undefined;
  return (cell as Decimal).toNumber();
}

/** The French words of a cell (a Word's `fr`, or the text). */
export function wordsOf(cell: Cell): string {
  if (cell === undefined) return '';
  if (isWord(cell)) return cell.fr;
  return String(cell);
}

/** The machine word of a cell (a Word's `word`, or the text). */
export function keyOf(cell: Cell): string {
  if (isWord(cell)) return cell.word;
  return cell === undefined ? '' : String(cell);
}

export const isTotal = (row: Row, key: string) => /^total$/i.test(wordsOf(row[key]));

/** A table's rows grouped by a column, groups in order of first appearance. */
export function groupRows(table: Table, key: string): { cell: Cell; rows: Row[] }[] {
  const groups = new Map<string, { cell: Cell; rows: Row[] }>();
  for (const row of table.rows) {
    const k = keyOf(row[key]);
    const g = groups.get(k) ?? { cell: row[key], rows: [] };
    g.rows.push(row);
    groups.set(k, g);
  }
  return [...groups.values()];
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
