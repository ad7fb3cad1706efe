import { type InputNote, type InputProblem, NO_PROBLEMS, quoted } from '../errors.js';
import { type CsvRecord, readCsvRecords, readerProblems } from './records.js';
import { type FieldParser, normaliseToken } from './fields.js';

/** How a column may be absent: required, optional (undefined when empty) or with a default. */
export type Presence = 'required' | 'optional' | 'default';

/** One column of an input file: how to read it, whether it may be absent, the other names it may go by. */
export interface ColumnSpec<T, P extends Presence = Presence> {
  readonly presence: P;
  readonly parse: FieldParser<T>;
  readonly default?: T;
  readonly aliases?: readonly string[];
}

export type Schema = Record<string, ColumnSpec<any>>;

export type RowOf<S extends Schema> = {
  [K in keyof S]: S[K] extends ColumnSpec<infer T, infer P> ? (P extends 'optional' ? T | undefined : T) : never;
};

export function required<T>(parse: FieldParser<T>, aliases: readonly string[] = []): ColumnSpec<T, 'required'> {
  return { presence: 'required', parse, aliases };
}

export function optional<T>(parse: FieldParser<T>, aliases: readonly string[] = []): ColumnSpec<T, 'optional'> {
  return { presence: 'optional', parse, aliases };
}

export function withDefault<T>(parse: FieldParser<T>, value: T, aliases: readonly string[] = []): ColumnSpec<T, 'default'> {
  return { presence: 'default', parse, default: value, aliases };
}

export interface HeaderBinding<S extends Schema> {
  readonly schema: S;
  /** For each canonical column, its index in the record, when present. */
  readonly indexOf: { readonly [K in keyof S]?: number };
  readonly headers: readonly string[];
}

/** How a table is read. Both optional: by default, as spreadsheets export tables. */
export interface TableOptions {
  /**
   * Refuse columns the schema does not know (`--strict-columns`), instead of
   * ignoring them with a note. Columns without a title are never refused:
   * Excel writes them (`;;;` at the end of each line) and they are read as
   * long as their cells are empty.
   */
  readonly strictColumns?: boolean;
  /**
   * Whether the first cell of a line is a name the reader knows (an item of
   * an `item,amount` file such as `Total dépenses`): such a line is data even
   * when its name reads like a total label.
   */
  readonly isKnownLabel?: (label: string) => boolean;
  /**
   * When given, the notes are added here too: for a caller that reads a
   * table through a function returning something else (a rate history,
   * budget figures) and prints the notes itself.
   */
  readonly notes?: InputNote[];
}

/** A table read: its good rows, the problems of the others, what the reader did that the user should know (notes). */
export interface TableResult<S extends Schema> {
  readonly rows: { line: number; row: RowOf<S> }[];
  readonly problems: InputProblem[];
  readonly notes: InputNote[];
  readonly columnOf: (name: keyof S) => number | undefined;
}

/** Unknown columns named in a note, at most; the others are counted. */
const MAX_COLUMNS_NAMED = 10;

/**
 * Matches the header row to the schema. Repeated and missing columns are
 * problems. A column the schema does not know is ignored with one note
 * naming every such column, unless `strictColumns`, or unless a required
 * column is missing: then the unknown ones are problems too, as one of them
 * is most likely the missing column misspelt. Untitled columns are left to
 * `readRow`, which accepts them while their cells are empty.
 */
export function bindHeader<S extends Schema>(
  header: CsvRecord,
  schema: S,
  options: TableOptions = {},
): { binding: HeaderBinding<S>; problems: InputProblem[]; notes: InputNote[] } {
  const lookup = new Map<string, keyof S>();
  for (const [name, spec] of Object.entries(schema)) {
    lookup.set(normaliseToken(name), name as keyof S);
    for (const alias of spec.aliases ?? []) lookup.set(normaliseToken(alias), name as keyof S);
  }
  const indexOf: { [K in keyof S]?: number } = {};
  // Problems of the columns in their order; the unknown ones are kept or dropped below.
  const columnProblems: { problem: InputProblem; unknown: boolean }[] = [];
  const unknown: { title: string; column: number }[] = [];
  header.fields.forEach((raw, i) => {
    const title = raw.trim();
    if (title === '') return;
    const key = lookup.get(normaliseToken(title));
    if (key === undefined) {
      unknown.push({ title, column: i + 1 });
      columnProblems.push({
        unknown: true,
        problem: {
          line: header.line,
          column: i + 1,
          columnName: title,
          message: `unknown column ${quoted(title)}; expected one of ${Object.keys(schema).join(', ')}`,
        },
      });
    } else if (indexOf[key] !== undefined) {
      columnProblems.push({ unknown: false, problem: { line: header.line, column: i + 1, columnName: title, message: `column "${String(key)}" given twice` } });
    } else {
      indexOf[key] = i;
    }
  });
  const missing: InputProblem[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.presence === 'required' && indexOf[name as keyof S] === undefined) missing.push({ line: header.line, message: `missing column "${name}"` });
  }
  const refuseUnknown = options.strictColumns === true || missing.length > 0;
  const problems = [...columnProblems.filter((c) => refuseUnknown || !c.unknown).map((c) => c.problem), ...missing];
  const notes: InputNote[] = refuseUnknown || unknown.length === 0 ? [] : [{ line: header.line, message: unknownColumnsNote(unknown) }];
  return { binding: { schema, indexOf, headers: header.fields }, problems, notes };
}

/** `unknown column(s) ignored: "Commentaire" (column 7), "Couleur" (column 8)`. */
function unknownColumnsNote(unknown: readonly { title: string; column: number }[]): string {
  const named = unknown.slice(0, MAX_COLUMNS_NAMED).map((u) => `${quoted(u.title)} (column ${u.column})`);
  const more = unknown.length > MAX_COLUMNS_NAMED ? ` and ${unknown.length - MAX_COLUMNS_NAMED} more` : '';
  return `unknown column(s) ignored: ${named.join(', ')}${more}`;
}

/** The untitled columns of a header, computed once per header (the hot path reads a million rows against one). */
const untitledOf = new WeakMap<readonly string[], readonly number[]>();
function untitledColumns(headers: readonly string[]): readonly number[] {
  let list = untitledOf.get(headers);
  if (list === undefined) {
    list = headers.flatMap((h, i) => (h.trim() === '' ? [i] : []));
    untitledOf.set(headers, list);
  }
  return list;
}

/** A column as `readRow` reads it: where its cell is, how to read it, and its cells already read. */
interface ColumnPlan {
  readonly name: string;
  readonly idx: number | undefined;
  readonly spec: ColumnSpec<unknown>;
  /** Readings by cell text, while the column repeats its values enough to pay for the lookup (see `readCell`). */
  memo: Map<string, ReturnType<FieldParser<unknown>>> | undefined;
  lookups: number;
  hits: number;
  /** The last cell read and its reading: most columns of a book repeat the line before (periodicity, index, profile…). */
  lastRaw: string | undefined;
  lastReading: ReturnType<FieldParser<unknown>> | undefined;
}

/** The columns of a binding in schema order, computed once per binding: a portfolio reads a million rows against one header. */
const plans = new WeakMap<HeaderBinding<Schema>, ColumnPlan[]>();
function planOf(binding: HeaderBinding<Schema>): ColumnPlan[] {
  let plan = plans.get(binding);
  if (plan === undefined) {
    plan = Object.entries(binding.schema).map(([name, spec]) => ({ name, idx: binding.indexOf[name], spec, memo: new Map(), lookups: 0, hits: 0, lastRaw: undefined, lastReading: undefined }));
    plans.set(binding, plan);
  }
  return plan;
}

/** Cells remembered per column, at most; then the memory starts again. */
const MEMO_LIMIT = 4096;
/** Lookups after which a column whose cells seldom repeat (an identifier, a principal) stops being remembered. */
const MEMO_TRIAL = 2048;

/**
 * A cell read by its column's parser, remembered by its text: a parser is a
 * pure function of the text, and what it returns is never changed (Decimals
 * are immutable), so a rate, a periodicity or a date read once is read for
 * every line that repeats it — a book of 100 000 lines has a few hundred
 * distinct rates. A column whose cells rarely repeat stops being remembered.
 */
function readCell(column: ColumnPlan, raw: string): ReturnType<FieldParser<unknown>> {
  const memo = column.memo;
  if (memo === undefined) return column.spec.parse(raw);
  column.lookups++;
  if (raw === column.lastRaw) {
    column.hits++;
    return column.lastReading!;
  }
  let r = memo.get(raw);
  if (r !== undefined) {
    column.hits++;
    column.lastRaw = raw;
    column.lastReading = r;
    return r;
  }
  if (column.lookups === MEMO_TRIAL && column.hits * 2 < column.lookups) {
    column.memo = undefined;
    return column.spec.parse(raw);
  }
  r = column.spec.parse(raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, r);
  column.lastRaw = raw;
  column.lastReading = r;
  return r;
}

/**
 * Reads one record against a bound header, collecting every problem of the
 * row. Cells of unknown columns are not read. Cells past the header and
 * cells of untitled columns must be empty: a value there is a line that
 * does not fit its header (a decimal comma in a `,` file, a shifted row).
 */
export function readRow<S extends Schema>(record: CsvRecord, binding: HeaderBinding<S>): { row: RowOf<S>; problems: InputProblem[] } {
  const row: Record<string, unknown> = {};
  let problems: InputProblem[] | undefined;
  const fields = record.fields;
  if (fields.length > binding.headers.length && fields.some((f, i) => i >= binding.headers.length && f.trim() !== '')) {
    (problems ??= []).push({
      line: record.line,
      column: binding.headers.length + 1,
      message: `${fields.length} fields but the header has ${binding.headers.length}`,
    });
  }
  for (const i of untitledColumns(binding.headers)) {
    const cell = fields[i];
    if (cell !== undefined && cell.trim() !== '') {
      (problems ??= []).push({ line: record.line, column: i + 1, message: `a value in a column without a title: ${quoted(cell)}` });
    }
  }
  for (const column of planOf(binding as HeaderBinding<Schema>)) {
    const { name, idx, spec } = column;
    const raw = idx === undefined ? undefined : fields[idx];
    if (raw === undefined || raw.trim() === '') {
      if (spec.presence === 'required') {
        (problems ??= []).push({ line: record.line, ...(idx !== undefined ? { column: idx + 1 } : {}), columnName: name, message: 'missing value' });
      }
      row[name] = spec.default;
      continue;
    }
    const r = readCell(column, raw);
    if (r.ok) row[name] = r.value;
    else (problems ??= []).push({ line: record.line, column: idx! + 1, columnName: name, message: `expected ${r.expected}, got ${quoted(raw)}` });
  }
  return { row: row as RowOf<S>, problems: problems ?? NO_PROBLEMS };
}

/**
 * What a line of a table is: `blank` (every cell empty: Excel's `;;;;`
 * lines), `total` (its first non-empty cell is a total label, see
 * {@link isTotalLabel}, that the reader does not know as a name) or `data`.
 * Blank lines are skipped silently; total lines with a note, and never read
 * as data: a « Total » footer read as one more loan or grant would count
 * every figure twice.
 */
export function lineKind(record: CsvRecord, isKnownLabel?: (label: string) => boolean): 'blank' | 'total' | 'data' {
  let first: string | undefined;
  for (const f of record.fields) {
    const t = f.trim();
    if (t !== '') {
      first = t;
      break;
    }
  }
  if (first === undefined) return 'blank';
  return isTotalLabel(first) && !isKnownLabel?.(first) ? 'total' : 'data';
}

/**
 * A total label: `Total`, `TOTAL`, `Totaux`, `Sous-total`, `Sous total`,
 * `Total général`, `Total TTC`, `Total des subventions :`… compared without
 * case or accents, « total » (or « sous total », « totaux ») as a whole
 * word at the start. An identifier such as `total_expenditure` is not one
 * (the underscore joins it into one word), nor `Totalement`.
 */
export function isTotalLabel(cell: string): boolean {
  const c = cell.charCodeAt(0) | 0x20; // fast path: most first cells start with neither t nor s
  if (c !== 0x74 && c !== 0x73) return false;
  if (cell.length > 200) return false;
  const words = cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, ' ')
    .trim();
  return /^(sous ?)?(total|totaux)( |$)/.test(words);
}

/** The note of a total line skipped. */
export function totalLineNote(record: CsvRecord): InputNote {
  const label = record.fields.find((f) => f.trim() !== '') ?? '';
  return { line: record.line, message: `total line skipped: ${quoted(label)}` };
}

/**
 * Reads a whole table: header then rows. Blank lines are skipped, before
 * the header too; total lines are skipped with a note. Rows with problems
 * are left out and their problems returned.
 */
export function readTable<S extends Schema>(records: readonly CsvRecord[], schema: S, options: TableOptions = {}): TableResult<S> {
  let start = 0;
  while (start < records.length && lineKind(records[start]!) === 'blank') start++;
  const header = records[start];
  if (header === undefined) return { rows: [], problems: [{ message: 'the file is empty; expected a header line' }], notes: [], columnOf: () => undefined };
  const { binding, problems, notes } = bindHeader(header, schema, options);
  const columnOf = (name: keyof S) => {
    const i = binding.indexOf[name];
    return i === undefined ? undefined : i + 1;
  };
  if (problems.length > 0) {
    options.notes?.push(...notes);
    return { rows: [], problems, notes, columnOf };
  }
  const rows: { line: number; row: RowOf<S> }[] = [];
  for (let k = start + 1; k < records.length; k++) {
    const record = records[k]!;
    const kind = lineKind(record, options.isKnownLabel);
    if (kind === 'blank') continue;
    if (kind === 'total') {
      notes.push(totalLineNote(record));
      continue;
    }
    const r = readRow(record, binding);
    if (r.problems.length > 0) problems.push(...r.problems);
    else rows.push({ line: record.line, row: r.row });
  }
  options.notes?.push(...notes);
  return { rows, problems, notes, columnOf };
}

/** Reads a whole CSV text against a schema: records, header, rows, every problem located, the notes. */
export function parseTable<S extends Schema>(text: string, schema: S, options: TableOptions = {}): TableResult<S> {
  const read = readCsvRecords(text);
  const reading = readerProblems(read);
  // A header too long to read is the one problem: an "empty file" beside it would mislead.
  if (read.records.length === 0 && reading.length > 0) return { rows: [], problems: reading, notes: [], columnOf: () => undefined };
  const result = readTable(read.records, schema, options);
  result.problems.push(...reading);
  return result;
}
