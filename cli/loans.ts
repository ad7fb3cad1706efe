import { InputError, withFile } from '../src/errors.js';
import { loanLineSchema } from '../src/loan/input.js';
import { amortizeRows } from '../src/loan/amortize-csv.js';
import type { Schedule } from '../src/loan/types.js';
import type { CliIo } from './io.js';
import { loadLivretA, printWarnings, readTableFile } from './input.js';

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
  const read = readTableFile(io, file, loanLineSchema);
  const index = read.rows.some(({ row }) => row.index !== 'none') ? loadLivretA(io, opts.indexFile) : undefined;
  const amortized = amortizeRows(read, { ...(index ? { index } : {}), ...(opts.only ? { only: opts.only } : {}) });
  const problems = [...read.problems, ...withFile(amortized.problems, file)];
  if (problems.length > 0) throw new InputError(problems);
  printWarnings(io, withFile(amortized.warnings, file));
  return { schedules: new Map(amortized.schedules.map(({ line, schedule }) => [schedule.line.lineId, { fileLine: line, schedule }])), lineIds: amortized.lineIds };
}
