import type { InputProblem } from '../errors.js';
import { type CsvRecord, readCsvRecords } from './records.js';
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

/** Matches the header row to the schema; unknown or repeated columns are problems. */
export function bindHeader<S extends Schema>(header: CsvRecord, schema: S): { binding: HeaderBinding<S>; problems: InputProblem[] } {
  const lookup = new Map<string, keyof S>();
  for (const [name, spec] of Object.entries(schema)) {
    lookup.set(normaliseToken(name), name as keyof S);
    for (const alias of spec.aliases ?? []) lookup.set(normaliseToken(alias), name as keyof S);
  }
  const indexOf: { [K in keyof S]?: number } = {};
  const problems: InputProblem[] = [];
  header.fields.forEach((raw, i) => {
    const title = raw.trim();
    const key = lookup.get(normaliseToken(title));
    if (title === '') {
      problems.push({ line: header.line, column: i + 1, message: 'empty column title' });
    } else if (key === undefined) {
      problems.push({
        line: header.line,
        column: i + 1,
        columnName: title,
        message: `unknown column "${title}"; expected one of ${Object.keys(schema).join(', ')}`,
      });
    } else if (indexOf[key] !== undefined) {
      problems.push({ line: header.line, column: i + 1, columnName: title, message: `column "${String(key)}" given twice` });
    } else {
      indexOf[key] = i;
    }
  });
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.presence === 'required' && indexOf[name as keyof S] === undefined) {
      problems.push({ line: header.line, message: `missing column "${name}"` });
    }
  }
  return { binding: { schema, indexOf, headers: header.fields }, problems };
}

/** Reads one record against a bound header, collecting every problem of the row. */
export function readRow<S extends Schema>(record: CsvRecord, binding: HeaderBinding<S>): { row: RowOf<S>; problems: InputProblem[] } {
  const row: Record<string, unknown> = {};
  const problems: InputProblem[] = [];
  if (record.fields.length > binding.headers.length) {
    problems.push({
      line: record.line,
      column: binding.headers.length + 1,
      message: `${record.fields.length} fields but the header has ${binding.headers.length}`,
    });
  }
  for (const [name, spec] of Object.entries(binding.schema)) {
    const idx = binding.indexOf[name as keyof S];
    const raw = idx === undefined ? undefined : record.fields[idx];
    if (raw === undefined || raw.trim() === '') {
      if (spec.presence === 'required') {
        problems.push({ line: record.line, ...(idx !== undefined ? { column: idx + 1 } : {}), columnName: name, message: 'missing value' });
      }
      row[name] = spec.default;
      continue;
    }
    const r = spec.parse(raw);
    if (r.ok) row[name] = r.value;
    else problems.push({ line: record.line, column: idx! + 1, columnName: name, message: `expected ${r.expected}, got "${raw.trim()}"` });
  }
  return { row: row as RowOf<S>, problems };
}

/** Reads a whole table: header then rows. Rows with problems are left out and their problems returned. */
export function readTable<S extends Schema>(
  records: readonly CsvRecord[],
  schema: S,
): { rows: { line: number; row: RowOf<S> }[]; problems: InputProblem[]; columnOf: (name: keyof S) => number | undefined } {
  const [header, ...body] = records;
  if (header === undefined) return { rows: [], problems: [{ message: 'the file is empty; expected a header line' }], columnOf: () => undefined };
  const { binding, problems } = bindHeader(header, schema);
  const columnOf = (name: keyof S) => {
    const i = binding.indexOf[name];
    return i === undefined ? undefined : i + 1;
  };
  if (problems.length > 0) return { rows: [], problems, columnOf };
  const rows: { line: number; row: RowOf<S> }[] = [];
  for (const record of body) {
    const r = readRow(record, binding);
    if (r.problems.length > 0) problems.push(...r.problems);
    else rows.push({ line: record.line, row: r.row });
  }
  return { rows, problems, columnOf };
}

/** Reads a whole CSV text against a schema: records, header, rows, every problem located. */
export function parseTable<S extends Schema>(
  text: string,
  schema: S,
): { rows: { line: number; row: RowOf<S> }[]; problems: InputProblem[]; columnOf: (name: keyof S) => number | undefined } {
  const { records, unterminatedQuoteLine } = readCsvRecords(text);
  const result = readTable(records, schema);
  if (unterminatedQuoteLine !== undefined) {
    result.problems.push({ line: unterminatedQuoteLine, message: 'a quoted field is never closed (missing ")' });
  }
  return result;
}
