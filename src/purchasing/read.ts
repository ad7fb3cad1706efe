import { InputError, type InputProblem } from '../errors.js';
import { parseTable, type RowOf, type Schema, type TableOptions } from '../csv/table.js';

/** The rows of a table read, and where each column is (1-based), to locate the problems a rule finds in a row. */
export interface ReadRows<S extends Schema> {
  readonly rows: { line: number; row: RowOf<S> }[];
  readonly columnOf: (name: keyof S) => number | undefined;
}

/**
 * Reads a CSV text against a schema and runs `check` on every good row; all
 * the problems of the file (cells, and the rules of the rows) are thrown at
 * once, in line order, as an {@link InputError}. The reader's notes go to
 * `options.notes`.
 */
export function readRows<S extends Schema>(
  text: string,
  schema: S,
  options: TableOptions = {},
  check?: (row: RowOf<S>, line: number, problem: (column: keyof S & string, message: string) => void) => void,
): ReadRows<S> {
  const { rows, problems, columnOf } = parseTable(text, schema, options);
  const all: InputProblem[] = [...problems];
  if (check) {
    for (const { line, row } of rows) {
      check(row, line, (column, message) => {
        const at = columnOf(column);
        all.push({ line, ...(at !== undefined ? { column: at } : {}), columnName: column, message });
      });
    }
  }
  if (all.length > 0) throw new InputError(all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  if (rows.length === 0) throw new InputError([{ line: 1, message: 'no data line; expected at least one' }]);
  return { rows, columnOf };
}

/** The first line a value was seen on, to refuse a second one (a member listed twice). */
export function duplicateChecker(what: string): (value: string, line: number) => string | undefined {
  const seen = new Map<string, number>();
  return (value, line) => {
    const first = seen.get(value);
    if (first !== undefined) return `${what} ${JSON.stringify(value)} already on line ${first}; expected each once`;
    seen.set(value, line);
    return undefined;
  };
}
