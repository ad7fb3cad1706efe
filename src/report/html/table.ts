import type { Cell, Column, ColumnKind, Row, Table, Word } from '../model.js';
import { type Html, html, join, raw } from './escape.js';
import { htmlCellText } from './text.js';

export interface TableHtmlOptions {
  /** Columns left out by key (the line_id of a table already under its line's heading). */
  readonly omit?: readonly string[];
  /** Leave out the columns empty in every row (default true): a wide report keeps to the page. */
  readonly dropEmptyColumns?: boolean;
  /** The heading level of the table's title (default 2); 0 for none. */
  readonly headingLevel?: 0 | 2 | 3 | 4;
  /** A title other than the table's own. */
  readonly title?: string;
}

const NUMERIC: ReadonlySet<ColumnKind> = new Set(['amount', 'rate', 'number', 'count']);

const isWord = (c: Cell): c is Word => typeof c === 'object' && c !== null && 'word' in c && 'fr' in c;

/** Verdict words shown in green or red, whatever the report: `ok`, `holds` / `differs`, `exceeded`, `overspent`… */
const GOOD_WORDS = new Set(['ok', 'holds']);
const BAD_WORDS = new Set(['differs', 'exceeded', 'overspent', 'mismatch', 'not_whole']);

/** The class of a verdict cell, if it is one. */
export function verdictClass(cell: Cell): string | undefined {
  if (!isWord(cell)) return undefined;
  const words = cell.word.split('+');
  if (words.some((w) => BAD_WORDS.has(w))) return 'verdict bad';
  if (words.every((w) => GOOD_WORDS.has(w))) return 'verdict good';
  return undefined;
}

/** A « Total » row (the csv-fr total rows, a statement's guarantor totals, the subsidies' total): shown in bold. */
export function isTotalRow(row: Row, columns: readonly Column[]): boolean {
  return columns.some((c) => {
    const cell = row[c.key];
    const text = isWord(cell) ? cell.fr : typeof cell === 'string' ? cell : undefined;
    return text !== undefined && /^total$/i.test(text);
  });
}

/** A rough width of each kind of column at 8 pt, in css pixels: a table wider than a portrait page (700 px) goes on a landscape one. */
const KIND_WIDTH: Readonly<Record<ColumnKind, number>> = { amount: 70, rate: 45, number: 45, count: 40, date: 62, flag: 35, identifier: 75, text: 90 };

export function estimatedWidth(columns: readonly Column[]): number {
  return columns.reduce((w, c) => w + KIND_WIDTH[c.kind], 0);
}

const isEmpty = (cell: Cell) => cell === undefined || cell === '';

/** The columns a page shows: those not omitted, and (unless told otherwise) those with a value in some row. */
export function shownColumns(table: Table, options: TableHtmlOptions = {}): Column[] {
  const omit = new Set(options.omit ?? []);
  const drop = options.dropEmptyColumns ?? true;
  return table.columns.filter((c) => !omit.has(c.key) && (!drop || table.rows.length === 0 || table.rows.some((r) => !isEmpty(r[c.key]))));
}

/**
 * A report table as an html table: the French titles of its columns, each
 * with a numbered reference to its rule (article) given under the table;
 * cells written as csv-fr writes them with digits grouped (1 234,56) and
 * dates dd/mm/yyyy; numbers right-aligned; « Total » rows in bold;
 * verdicts in colour. The header repeats on every printed page.
 */
export function tableHtml(table: Table, options: TableHtmlOptions = {}): Html {
  const columns = shownColumns(table, options);
  const rules: string[] = [];
  const ruleNumber = (rule: string) => {
    const at = rules.indexOf(rule);
    if (at >= 0) return at + 1;
    rules.push(rule);
    return rules.length;
  };
  const head = columns.map((c) => {
    const ref = c.rule !== undefined ? html`<sup class="rule-ref" title="${c.rule}">${ruleNumber(c.rule)}</sup>` : raw('');
    return html`<th scope="col" class="${NUMERIC.has(c.kind) ? 'num' : c.kind}">${c.title}${ref}</th>`;
  });
  const body = table.rows.map((row) => {
    const cells = columns.map((c) => {
      const cell = row[c.key];
      const classes = [NUMERIC.has(c.kind) ? 'num' : c.kind, verdictClass(cell)].filter((k) => k !== undefined).join(' ');
      return html`<td class="${classes}">${htmlCellText(cell, c.kind)}</td>`;
    });
    return html`<tr${isTotalRow(row, columns) ? raw(' class="total"') : raw('')}>${cells}</tr>`;
  });
  const level = options.headingLevel ?? 2;
  const title = options.title ?? table.title;
  const heading = level === 0 ? raw('') : raw(`<h${level}>${html`${title}`.html}</h${level}>`);
  const width = estimatedWidth(columns);
  const wide = width > 1030 ? ' wide xwide' : width > 700 ? ' wide' : '';
  const notes =
    rules.length === 0
      ? raw('')
      : html`<p class="rules">${join(rules.map((r, i) => html`<span><sup>${i + 1}</sup> ${r}</span>`), ' · ')}</p>`;
  const empty = table.rows.length === 0 ? html`<p class="empty">Aucune ligne.</p>` : raw('');
  return html`<section class="table${raw(wide)}" data-table="${table.key}">${heading}<table data-table="${table.key}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${empty}${notes}</section>`;
}
