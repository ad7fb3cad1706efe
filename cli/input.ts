import { InputError, type InputNote, type InputProblem, formatProblem, withFile } from '../src/errors.js';
import { parseTable, type RowOf, type Schema, type TableOptions } from '../src/csv/table.js';
import type { RateHistory } from '../src/rates/history.js';
import { rateHistoryFromCsv } from '../src/rates/history-csv.js';
import { livretAKnownUntil } from '../src/rates/livret-a.js';
import type { IsoDate } from '../src/calendar/date.js';
import { type CliIo, bundledDataPath } from './io.js';
import { readInputText } from './workbooks.js';

/** Reads a CSV file or a workbook's sheet (cli/workbooks.ts) against a schema; every problem of the file is thrown at once, located. */
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
  const { rows, problems, notes, columnOf } = parseTable(readInputText(io, path), schema, tableOptions(io));
  printNotes(io, withFile(notes, path));
  return { rows, problems: withFile(problems, path), columnOf };
}

/** How the run reads tables: `--strict-columns` refuses unknown columns instead of ignoring them with a note. */
export function tableOptions(io: CliIo): TableOptions {
  return { strictColumns: io.settings?.strictColumns === true };
}

/** The reader's notes (a column ignored, a total line skipped) on stderr, `finloc: note: FILE:LINE: message`; none with --quiet. */
export function printNotes(io: CliIo, notes: readonly InputNote[]): void {
  if (io.settings?.quiet === true) return;
  for (const n of notes) io.stderr.write(`finloc: note: ${formatProblem(n)}\n`);
}

/**
 * A reader's plausibility warnings (a negative rate, a rate typed as a
 * fraction…) on stderr, `finloc: warning: FILE:LINE:COLUMN (column): message`;
 * none with --quiet or --no-warnings. They never change a figure.
 */
export function printWarnings(io: CliIo, warnings: readonly InputNote[]): void {
  if (io.settings?.quiet === true || io.settings?.noWarnings === true) return;
  for (const w of warnings) io.stderr.write(`finloc: warning: ${formatProblem(w)}\n`);
}

/** Reads a rate history file (`effective_date,rate_pct`); the rules are the core's (src/rates/history-csv.ts); a negative value gets a warning naming its line. */
export function loadRateHistory(io: CliIo, path: string, name: string, knownUntil?: (last: IsoDate) => IsoDate): RateHistory {
  const warnings: InputNote[] = [];
  const history = readingFile(io, path, (text, options) => rateHistoryFromCsv(text, name, knownUntil, { ...options, warnings }));
  printWarnings(io, withFile(warnings, path));
  return history;
}

/** The Livret A history: the bundled data/livret-a.csv, or the file given (`--index-file`). */
export function loadLivretA(io: CliIo, indexFile: string | undefined): RateHistory {
  return loadRateHistory(io, indexFile ?? bundledDataPath('livret-a.csv'), 'Livret A', livretAKnownUntil);
}

/**
 * Runs a reader over a file's text, naming the file in each problem it
 * reports. The reader is given the run's table options, with a list that
 * collects its notes: they are printed, file named, whether it succeeds or not.
 */
export function readingFile<T>(io: CliIo, path: string, read: (text: string, options: TableOptions) => T): T {
  const text = readInputText(io, path);
  const notes: InputNote[] = [];
  try {
    return read(text, { ...tableOptions(io), notes });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(withFile(e.problems, path));
    throw e;
  } finally {
    printNotes(io, withFile(notes, path));
  }
}
