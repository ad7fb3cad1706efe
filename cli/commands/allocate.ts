import type { Command } from 'commander';
import type { Decimal } from '../../src/money/decimal.js';
import { readBudgetResults } from '../../src/budget/input.js';
import { to1068Problem } from '../../src/budget/allocation.js';
import { allocationReport } from '../../src/budget/figures.js';
import { resultTable } from '../../src/budget/results.js';
import { checkDeclared, readDeclaredFigures } from '../../src/budget/declared.js';
import { allocationAsReport, checksReport } from '../../src/budget/report.js';
import type { CliIo } from '../io.js';
import { readingFile } from '../input.js';
import { UsageError, defineCommand } from '../skeleton.js';
import { amountOption } from '../options.js';

export interface AllocateCliOptions {
  to1068?: Decimal;
  check?: string;
}

/**
 * `finloc allocate RESULTS.csv`: the table and allocation of an
 * « affectation du résultat » deliberation, or (`--check`) every figure of
 * one recomputed.
 */
export function registerAllocate(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<AllocateCliOptions>(program, io, setStatus, {
    name: 'allocate',
    description: "allocate the year's result (« affectation du résultat »): deliberation table, financing need, 1068, 001 and 002",
    files: [{ name: 'RESULTS.csv', description: 'item,amount lines: the figures of the accounts (see README: finloc allocate)' }],
    inputOptions: ['check'],
    options: (c) =>
      c
        .option('--to-1068 <AMOUNT>', 'what the assembly puts into 1068, at least the minimum (default: the minimum)', amountOption)
        .option('--check <DECLARED.csv>', 'recompute each figure of a deliberation (item,amount) and say which ones do not hold'),
    run: (ctx, [file], opts) => {
      const { results, figures } = readingFile(ctx.io, file!, readBudgetResults);
      if (opts.to1068 !== undefined) {
        const problem = to1068Problem(resultTable(results), opts.to1068);
        if (problem) throw new UsageError(`--to-1068 ${opts.to1068.toFixed()}: ${problem}`);
      }
      const computed = allocationReport(results, opts.to1068);
      if (opts.check === undefined) return { report: allocationAsReport(computed) };
      const checks = readingFile(ctx.io, opts.check, (text, options) => checkDeclared(computed, figures, readDeclaredFigures(text, options)));
      return { report: checksReport(checks), checked: opts.check };
    },
  });
}
