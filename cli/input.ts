import { InputError, type InputProblem, withFile } from '../src/errors.js';
import { parseTable, type RowOf, type Schema } from '../src/csv/table.js';
import { makeRateHistory, type RateHistory } from '../src/rates/history.js';
import { rateHistorySchema } from '../src/loan/input.js';
import { livretAKnownUntil } from '../src/rates/livret-a.js';
import type { IsoDate } from '../src/calendar/date.js';
import { type CliIo, bundledDataPath, readTextFile } from './io.js';

/** Reads a CSV file against a schema; every problem of the file is thrown at once, located. */
export function loadTable<S extends Schema>(io: CliIo, path: string, schema: S): { line: number; row: RowOf<S> }[] {
  const { rows, problems } = readTableFile(io, path, schema);
  if (problems.length > 0) throw new InputError(problems);
  return rows;
}

/**
 * Reads a CSV file without throwing on bad rows: the good rows, and the
 * problems of the others (with the file named), so that a command can add
 * its own checks of the good rows and report every problem at once.
 */
export function readTableFile<S extends Schema>(
  io: CliIo,
  path: string,
  schema: S,
): { rows: { line: number; row: RowOf<S> }[]; problems: InputProblem[]; columnOf: (name: keyof S) => number | undefined } {
  const { rows, problems, columnOf } = parseTable(readTextFile(io, path), schema);
  return { rows, problems: withFile(problems, path), columnOf };
}

/** Reads a rate history file (`effective_date,rate_pct`). */
export function loadRateHistory(io: CliIo, path: string, name: string, knownUntil?: (last: IsoDate) => IsoDate): RateHistory {
  const rows = loadTable(io, path, rateHistorySchema);
  if (rows.length === 0) throw new InputError([{ file: path, message: 'no rate in the file; expected lines effective_date,rate_pct' }]);
  const seen = new Map<string, number>();
  const problems = [];
  for (const { line, row } of rows) {
    const before = seen.get(row.effective_date);
    if (before !== undefined) problems.push({ file: path, line, columnName: 'effective_date', message: `date already given on line ${before}` });
    seen.set(row.effective_date, line);
  }
  if (problems.length > 0) throw new InputError(problems);
  const points = rows.map(({ row }) => ({ effectiveDate: row.effective_date, ratePct: row.rate_pct }));
  const history = makeRateHistory(name, points);
  const last = history.points[history.points.length - 1]!.effectiveDate;
  return knownUntil ? makeRateHistory(name, points, knownUntil(last)) : history;
}

/** The Livret A history: the bundled data/livret-a.csv, or the file given (`--index-file`). */
export function loadLivretA(io: CliIo, indexFile: string | undefined): RateHistory {
  return loadRateHistory(io, indexFile ?? bundledDataPath('livret-a.csv'), 'Livret A', livretAKnownUntil);
}

/** Runs a reader over a file's text, naming the file in each problem it reports. */
export function readingFile<T>(io: CliIo, path: string, read: (text: string) => T): T {
  const text = readTextFile(io, path);
  try {
    return read(text);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(withFile(e.problems, path));
    throw e;
  }
}
