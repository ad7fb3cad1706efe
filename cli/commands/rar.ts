import { InvalidArgumentError, type Command } from 'commander';
import { InputError, quoted, withFile } from '../../src/errors.js';
import { oneOf } from '../../src/csv/fields.js';
import type { Decimal } from '../../src/money/decimal.js';
import { type Direction, commitmentSchema, commitmentsFromRows } from '../../src/budget/commitments.js';
import type { Section } from '../../src/budget/types.js';
import { commitmentTotalsReport, declaredRarReport, mixedDirectionsProblem, selectCommitments } from '../../src/budget/report.js';
import type { CliIo } from '../io.js';
import { readTableFile } from '../input.js';
import { UsageError, defineCommand } from '../skeleton.js';
import { amountOption } from '../options.js';

export interface RarCliOptions {
  declared?: Decimal;
  section?: Section;
  direction?: Direction;
}

function optionOf<T extends string>(words: Record<string, T>, described: string) {
  const parse = oneOf<T>(words, described);
  return (value: string): T => {
    const r = parse(value);
    if (!r.ok) throw new InvalidArgumentError(`expected ${r.expected}, got ${quoted(value)}`);
    return r.value;
  };
}

/**
 * `finloc rar COMMITMENTS.csv`: the « état des restes à réaliser » totalled,
 * its printed balances checked, or (`--declared`) the RAR figure of a
 * deliberation checked against it.
 */
export function registerRar(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<RarCliOptions>(program, io, setStatus, {
    name: 'rar',
    description: 'total the « état des restes à réaliser », check its balances and the RAR figure of a deliberation',
    files: [{ name: 'COMMITMENTS.csv', description: 'one commitment per line (see README: finloc rar)' }],
    options: (c) =>
      c
        .option('--declared <AMOUNT>', "the deliberation's RAR figure, compared with the listing's total carried over", amountOption)
        .option(
          '--section <section>',
          'only the lines of this section: investment or operating',
          optionOf<Section>({ investment: 'investment', investissement: 'investment', operating: 'operating', fonctionnement: 'operating' }, 'investment or operating'),
        )
        .option(
          '--direction <direction>',
          'only the lines of this direction: expenditure or receipt',
          optionOf<Direction>({ expenditure: 'expenditure', depenses: 'expenditure', depense: 'expenditure', receipt: 'receipt', recettes: 'receipt', recette: 'receipt' }, 'expenditure or receipt'),
        ),
    run: (ctx, [file], opts) => {
      const { rows, problems, columnOf } = readTableFile(ctx.io, file!, commitmentSchema);
      const built = commitmentsFromRows(rows, columnOf);
      if (problems.length + built.problems.length > 0) throw new InputError([...problems, ...withFile(built.problems, file!)]);
      const lines = selectCommitments(built.commitments, opts);
      if (opts.declared === undefined) return { report: commitmentTotalsReport(lines) };
      const problem = mixedDirectionsProblem(lines);
      if (problem) throw new UsageError(`--declared: ${problem}; say which one the declared figure totals with --direction expenditure or --direction receipt`);
      return { report: declaredRarReport(opts.declared, lines) };
    },
  });
}
