import type { Command } from 'commander';
import { InputError, type InputProblem } from '../../src/errors.js';
import { amortize } from '../../src/loan/schedule.js';
import { renderSchedules } from '../../src/loan/render.js';
import { disbursementSchema, loanLineFromRow, loanLineSchema } from '../../src/loan/input.js';
import { livretAKnownUntil } from '../../src/rates/livret-a.js';
import type { RateHistory } from '../../src/rates/history.js';
import type { Disbursement, Schedule } from '../../src/loan/types.js';
import type { OutputFormat } from '../../src/output/format.js';
import { toFrenchDate } from '../../src/calendar/date.js';
import { type CliIo, type OutputSink, bundledDataPath, openOutput } from '../io.js';
import { loadRateHistory, loadTable, readTableFile } from '../input.js';
import { emit, runCommand } from '../run.js';
import { formatParser } from '../options.js';

export interface AmortizeCliOptions {
  format: OutputFormat;
  output?: string;
  indexFile?: string;
  disbursements?: string;
}

export function registerAmortize(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  program
    .command('amortize')
    .description('regenerate the amortisation table (« tableau d\'amortissement ») of CDC loan lines')
    .argument('<LOANS.csv>', 'one loan line per row (see README: input columns)')
    .option('--format <format>', 'csv, csv-fr (CDC layout) or json', formatParser(), 'csv' as OutputFormat)
    .option('-o, --output <FILE>', 'write to FILE instead of standard output')
    .option('--index-file <FILE>', 'Livret A history (effective_date,rate_pct) replacing data/livret-a.csv')
    .option('--disbursements <FILE>', 'actual disbursements « Versements » (line_id,date,amount)')
    .action(async (file: string, opts: AmortizeCliOptions) => {
      setStatus(await amortizeCommand(io, file, opts));
    });
}

export function loadLivretA(io: CliIo, indexFile: string | undefined): RateHistory {
  return loadRateHistory(io, indexFile ?? bundledDataPath('livret-a.csv'), 'Livret A', livretAKnownUntil);
}

export async function amortizeCommand(io: CliIo, file: string, opts: AmortizeCliOptions): Promise<number> {
  let sink: OutputSink | undefined;
  return runCommand(
    io,
    () => {
      const index = loadLivretA(io, opts.indexFile);
      const disbursements = opts.disbursements ? loadDisbursements(io, opts.disbursements) : new Map<string, Disbursement[]>();
      const { rows, columnOf, problems } = readTableFile(io, file, loanLineSchema);
      const schedules: Schedule[] = [];
      const seen = new Map<string, number>();
      for (const { line, row } of rows) {
        const locate = (columnName: string | undefined, message: string): InputProblem => {
          const column = columnName ? columnOf(columnName as keyof typeof loanLineSchema) : undefined;
          return { file, line, ...(column !== undefined ? { column } : {}), ...(columnName ? { columnName } : {}), message };
        };
        const before = seen.get(row.line_id);
        if (before !== undefined) {
          problems.push(locate('line_id', `line_id "${row.line_id}" already given on line ${before}`));
          continue;
        }
        seen.set(row.line_id, line);
        const built = loanLineFromRow(row);
        if (!built.line) {
          problems.push(...built.problems.map((p) => locate(p.columnName, p.message)));
          continue;
        }
        try {
          const given = disbursements.get(row.line_id);
          schedules.push(amortize(built.line, { index, ...(given ? { disbursements: given } : {}) }));
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          problems.push(...e.problems.map((p) => locate(p.columnName, p.message)));
        }
      }
      for (const id of disbursements.keys()) {
        if (!seen.has(id)) problems.push({ file: opts.disbursements!, message: `disbursements for line_id "${id}", which is not in ${file}` });
      }
      if (problems.length > 0) throw new InputError(problems);
      sink = openOutput(io, opts.output);
      emit(sink, renderSchedules(schedules, opts.format));
      noteProjections(io, index, schedules);
      return 0;
    },
    () => sink,
  );
}

function loadDisbursements(io: CliIo, path: string): Map<string, Disbursement[]> {
  const byLine = new Map<string, Disbursement[]>();
  for (const { row } of loadTable(io, path, disbursementSchema)) {
    const list = byLine.get(row.line_id) ?? [];
    list.push({ date: row.date, amount: row.amount });
    byLine.set(row.line_id, list);
  }
  return byLine;
}

/** Says on stderr when some due dates rest on a held (projected) index value, not a published one. */
function noteProjections(io: CliIo, index: RateHistory, schedules: readonly Schedule[]): void {
  const projected = schedules.filter((s) => s.summary.indexValues.some((v) => v.projected)).length;
  if (projected === 0) return;
  const last = index.points[index.points.length - 1]!;
  io.stderr.write(
    `finloc: note: ${index.name} known until ${toFrenchDate(index.knownUntil)}; later due dates hold its last value ` +
      `(${last.ratePct.toFixed()} % from ${toFrenchDate(last.effectiveDate)}) as a projection — ${projected} line(s) concerned.\n`,
  );
}
