import type { Command } from 'commander';
import { InputError, withFile } from '../../src/errors.js';
import type { Decimal } from '../../src/money/decimal.js';
import { formatFrenchGrouped } from '../../src/money/format.js';
import type { OutputFormat } from '../../src/output/format.js';
import { readBudgetResults } from '../../src/budget/input.js';
import { to1068Problem } from '../../src/budget/allocation.js';
import { allocationReport, type AllocationReport } from '../../src/budget/figures.js';
import { resultTable } from '../../src/budget/results.js';
import { checkDeclared, readDeclaredFigures } from '../../src/budget/declared.js';
import { type FigureCheck, allHold } from '../../src/budget/check.js';
import { renderAllocation, renderChecks } from '../../src/budget/render.js';
import { type CliIo, type OutputSink, openOutput, readTextFile } from '../io.js';
import { EXIT_CHECK_FAILED, EXIT_OK, UsageError, emit, runCommand } from '../run.js';
import { amountOption, formatParser } from '../options.js';

export interface AllocateCliOptions {
  format: OutputFormat;
  output?: string;
  to1068?: Decimal;
  check?: string;
}

export function registerAllocate(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  program
    .command('allocate')
    .description("allocate the year's result (« affectation du résultat »): deliberation table, financing need, 1068, 001 and 002")
    .argument('<RESULTS.csv>', 'item,amount lines: the figures of the accounts (see README: finloc allocate)')
    .option('--to-1068 <AMOUNT>', 'what the assembly puts into 1068, at least the minimum (default: the minimum)', amountOption)
    .option('--check <DECLARED.csv>', "recompute each figure of a deliberation (item,amount) and say which ones do not hold")
    .option('--format <format>', 'csv, csv-fr or json', formatParser(), 'csv' as OutputFormat)
    .option('-o, --output <FILE>', 'write to FILE instead of standard output')
    .action(async (file: string, opts: AllocateCliOptions) => {
      setStatus(await allocateCommand(io, file, opts));
    });
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

export async function allocateCommand(io: CliIo, file: string, opts: AllocateCliOptions): Promise<number> {
  let sink: OutputSink | undefined;
  return runCommand(
    io,
    () => {
      const { results, figures } = readingFile(io, file, readBudgetResults);
      if (opts.to1068 !== undefined) {
        const problem = to1068Problem(resultTable(results), opts.to1068);
        if (problem) throw new UsageError(`--to-1068 ${opts.to1068.toFixed()}: ${problem}`);
      }
      const report = allocationReport(results, opts.to1068);
      if (opts.check !== undefined) {
        const checkFile = opts.check;
        const checks = readingFile(io, checkFile, (text) => checkDeclared(report, figures, readDeclaredFigures(text)));
        sink = openOutput(io, opts.output);
        emit(sink, renderChecks(checks, opts.format));
        summarise(io, checkFile, checks);
        return allHold(checks) ? EXIT_OK : EXIT_CHECK_FAILED;
      }
      sink = openOutput(io, opts.output);
      emit(sink, renderAllocation(report, opts.format));
      notes(io, report);
      return EXIT_OK;
    },
    () => sink,
  );
}

/** One line on stderr naming the figures that do not hold, for scripts run over many deliberations. */
export function summarise(io: CliIo, file: string, checks: readonly FigureCheck[]): void {
  const failed = checks.filter((c) => !c.holds);
  if (failed.length === 0) io.stderr.write(`finloc: ${file}: all ${checks.length} declared figure(s) hold\n`);
  else io.stderr.write(`finloc: ${file}: ${failed.length} of ${checks.length} declared figure(s) do not hold: ${failed.map((c) => c.item).join(', ')}\n`);
}

/** What a finance officer must not miss: a need the surplus does not cover, a deficit over the alert threshold. */
function notes(io: CliIo, report: AllocationReport): void {
  const { allocation, alert } = report;
  if (allocation.uncoveredNeed.greaterThan(0)) {
    io.stderr.write(`finloc: note: the operating result does not cover the financing need; ${formatFrenchGrouped(allocation.uncoveredNeed)} € remain uncovered\n`);
  }
  if (alert.flagged) {
    io.stderr.write(
      `finloc: alert (CGCT L1612-14, R1612-31): the deficit of ${formatFrenchGrouped(alert.deficit)} €, restes à réaliser included, ` +
        `is ${formatFrenchGrouped(alert.ratioPct!, 2)} % of operating receipts (${alert.receiptsBasis === 'real' ? 'real receipts' : 'total receipts'}), ` +
        `at or above the threshold of ${alert.thresholdPct.toFixed()} %${alert.populationKnown ? '' : ' (no population given: 10 % assumed)'}\n`,
    );
  }
}
