import type { Decimal } from '../money/decimal.js';
import type { IsoDate } from '../calendar/date.js';
import type { Check } from './check.js';

/**
 * What a column holds decides how every format writes it:
 * - `amount`: euros, a Decimal, written with its cents (and every further decimal it has: a limit such as 50 % of 1 000 000,01 is 500 000,005);
 * - `rate`: a percentage, a Decimal, two to six decimals (2.30, 3.125);
 * - `number`: any other Decimal (a share, a ratio), written as it is;
 * - `count`: a whole number (lines, days, due date numbers);
 * - `date`: an ISO date, dd/mm/yyyy in csv-fr;
 * - `flag`: yes or no;
 * - `text`: words, with their French form where they have one ({@link Word});
 * - `identifier`: a code never to be read as a number or a date (line_id, « 24/12 », a SIRET).
 */
export type ColumnKind = 'amount' | 'rate' | 'number' | 'count' | 'date' | 'flag' | 'text' | 'identifier';

/** A column of a report table: machine key (csv header, json key), French title (csv-fr), kind, and the rule it comes from. */
export interface Column {
  readonly key: string;
  readonly title: string;
  readonly kind: ColumnKind;
  /** The article or rule the figure comes from (« CGCT R2311-11 », « contrat art. 11 »), for documentation and printable reports. */
  readonly rule?: string;
}

/** A word of the output with its French form (`ok` / `conforme`). */
export interface Word {
  readonly word: string;
  readonly fr: string;
}

/** A cell before formatting; its column's kind says how to read it. `undefined` is an empty cell. */
export type Cell = Decimal | IsoDate | string | number | boolean | Word | undefined;

export type Row = Readonly<Record<string, Cell>>;

/** A table: its key (json), its French title, its columns and its rows (keyed by column key, so titles and values cannot drift apart). */
export interface Table {
  readonly key: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /**
   * The table as csv-fr writes it, when a person's spreadsheet wants more
   * than a script's csv: an « Observation » column in words, « Total » rows.
   * csv and json write the table itself.
   */
  readonly french?: Table;
}

/**
 * Something the reader must not miss, built by the core so that the library
 * and the command say the same thing: a projected index value, an assumed
 * threshold, a line skipped, an alert.
 */
export interface Note {
  /**
   * `note`: what was assumed or done (a projection, a skipped line);
   * `alert`: a legal threshold reached; `warning`: an input that looks
   * implausible (a rate typed as a fraction…), which never changes a figure
   * and which `--no-warnings` mutes.
   */
  readonly kind: 'note' | 'alert' | 'warning';
  readonly text: string;
}

/**
 * What every command produces: tables, checks and notes. csv and csv-fr
 * write the first table (or, when there is none, the checks as a table);
 * json writes everything.
 */
export interface Report {
  /** What the report is (`allocation`, `checks`, `schedule`…), the `report` key of the json. */
  readonly name: string;
  readonly tables: readonly Table[];
  /** Every declared-versus-recomputed comparison of the run. */
  readonly checks: readonly Check[];
  readonly notes: readonly Note[];
  /** Scalars the json gives beside the tables (the year of a statement…). */
  readonly facts?: Readonly<Record<string, string | number | boolean>>;
}

export function column(key: string, title: string, kind: ColumnKind, rule?: string): Column {
  return { key, title, kind, ...(rule !== undefined ? { rule } : {}) };
}

export function word(word: string, fr: string): Word {
  return { word, fr };
}

export function note(text: string): Note {
  return { kind: 'note', text };
}

export function alert(text: string): Note {
  return { kind: 'alert', text };
}

export function warning(text: string): Note {
  return { kind: 'warning', text };
}

/** A report of one table, with its checks and notes. */
export function report(name: string, tables: readonly Table[], extra: { checks?: readonly Check[]; notes?: readonly Note[]; facts?: Report['facts'] } = {}): Report {
  return { name, tables, checks: extra.checks ?? [], notes: extra.notes ?? [], ...(extra.facts ? { facts: extra.facts } : {}) };
}
