import { InputError, type InputProblem } from '../src/errors.js';
import { loanLineFromRow, loanLineSchema } from '../src/loan/input.js';
import { amortize } from '../src/loan/schedule.js';
import type { Schedule } from '../src/loan/types.js';
import type { CliIo } from './io.js';
import { loadLivretA, readTableFile } from './input.js';

export interface LoadSchedulesOptions {
  /** Livret A history replacing data/livret-a.csv. */
  readonly indexFile?: string;
  /** Amortise only these lines (the others are read and checked, not amortised). */
  readonly only?: (lineId: string) => boolean;
}

/** A loan line of LOANS.csv, amortised, with the line of the file it comes from. */
export interface LoadedSchedule {
  readonly fileLine: number;
  readonly schedule: Schedule;
}

/**
 * Reads LOANS.csv whole and amortises its lines (those `only` keeps) with
 * the Decimal engine, for commands that need the schedules themselves
 * rather than their text. Every problem of the file (cells, a line_id given
 * twice, a line the engine refuses) is thrown at once, located. Also
 * returns every line id of the file, amortised or not.
 */
export function loadSchedules(
  io: CliIo,
  file: string,
  opts: LoadSchedulesOptions = {},
): { schedules: Map<string, LoadedSchedule>; lineIds: Set<string> } {
  const { rows, problems, columnOf } = readTableFile(io, file, loanLineSchema);
  const at = (line: number, columnName: string | undefined, message: string): InputProblem => {
    const column = columnName ? columnOf(columnName as keyof typeof loanLineSchema) : undefined;
    return { file, line, ...(column !== undefined ? { column } : {}), ...(columnName ? { columnName } : {}), message };
  };
  const schedules = new Map<string, LoadedSchedule>();
  const seen = new Map<string, number>();
  const index = rows.some(({ row }) => row.index !== 'none') ? loadLivretA(io, opts.indexFile) : undefined;
  for (const { line, row } of rows) {
    const before = seen.get(row.line_id);
    if (before !== undefined) {
      problems.push(at(line, 'line_id', `line_id "${row.line_id}" already given on line ${before}`));
      continue;
    }
    seen.set(row.line_id, line);
    const built = loanLineFromRow(row);
    if (!built.line) {
      problems.push(...built.problems.map((p) => at(line, p.columnName, p.message)));
      continue;
    }
    if (opts.only && !opts.only(row.line_id)) continue;
    try {
      schedules.set(row.line_id, { fileLine: line, schedule: amortize(built.line, index ? { index } : {}) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems.map((p) => at(line, p.columnName, p.message)));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { schedules, lineIds: new Set(seen.keys()) };
}

