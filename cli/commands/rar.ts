import { InvalidArgumentError, type Command } from 'commander';
import { InputError } from '../../src/errors.js';
import { oneOf } from '../../src/csv/fields.js';
import type { Decimal } from '../../src/money/decimal.js';
import { formatFrenchGrouped } from '../../src/money/format.js';
import type { OutputFormat } from '../../src/output/format.js';
import { type Commitment, type Direction, commitmentSchema, commitmentTotals, commitmentsFromRows } from '../../src/budget/commitments.js';
import type { Section } from '../../src/budget/types.js';
import { balanceChecks, declaredRarCheck } from '../../src/budget/rar-check.js';
import { allHold } from '../../src/budget/check.js';
import { renderChecks, renderCommitmentTotals } from '../../src/budget/render.js';
import { withFile } from '../../src/errors.js';
import { type CliIo, type OutputSink, openOutput } from '../io.js';
import { readTableFile } from '../input.js';
import { EXIT_CHECK_FAILED, EXIT_OK, UsageError, emit, runCommand } from '../run.js';
import { amountOption, formatParser } from '../options.js';

export interface RarCliOptions {
  format: OutputFormat;
  output?: string;
  declared?: Decimal;
  section?: Section;
  direction?: Direction;
}

function optionOf<T extends string>(words: Record<string, T>, described: string) {
  const parse = oneOf<T>(words, described);
  return (value: string): T => {
    const r = parse(value);
    if (!r.ok) throw new InvalidArgumentError(`expected ${r.expected}`);
    return r.value;
  };
}

export function registerRar(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  program
    .command('rar')
    .description('total the « état des restes à réaliser », check its balances and the RAR figure of a deliberation')
    .argument('<COMMITMENTS.csv>', 'one commitment per line (see README: finloc rar)')
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
    )
    .option('--format <format>', 'csv, csv-fr or json', formatParser(), 'csv' as OutputFormat)
    .option('-o, --output <FILE>', 'write to FILE instead of standard output')
    .action(async (file: string, opts: RarCliOptions) => {
      setStatus(await rarCommand(io, file, opts));
    });
}

export async function rarCommand(io: CliIo, file: string, opts: RarCliOptions): Promise<number> {
  let sink: OutputSink | undefined;
  return runCommand(
    io,
    () => {
      const { rows, problems, columnOf } = readTableFile(io, file, commitmentSchema);
      const built = commitmentsFromRows(rows, columnOf);
      if (problems.length + built.problems.length > 0) throw new InputError([...problems, ...withFile(built.problems, file)]);
      const lines = built.commitments.filter(
        (c) => (opts.section === undefined || c.section === opts.section) && (opts.direction === undefined || c.direction === opts.direction),
      );
      const balances = balanceChecks(lines);
      if (opts.declared !== undefined) {
        requireOneDirection(lines, opts);
        const checks = [declaredRarCheck(opts.declared, lines), ...balances];
        sink = openOutput(io, opts.output);
        emit(sink, renderChecks(checks, opts.format));
        return allHold(checks) ? EXIT_OK : EXIT_CHECK_FAILED;
      }
      sink = openOutput(io, opts.output);
      emit(sink, renderCommitmentTotals(commitmentTotals(lines), lines, opts.format));
      const printed = lines.filter((c) => c.balance !== undefined);
      balances.forEach((check, i) => {
        if (check.holds) return;
        const why = check.note?.split('; ').slice(1).join('; ');
        io.stderr.write(
          `finloc: ${file}:${printed[i]!.line}: balance of ${printed[i]!.reference}: printed ${formatFrenchGrouped(check.declared)}, ` +
            `recomputed ${formatFrenchGrouped(check.recomputed)} (engaged − released − mandated), difference ${formatFrenchGrouped(check.difference)}` +
            `${why ? ` (${why})` : ''}\n`,
        );
      });
      return allHold(balances) ? EXIT_OK : EXIT_CHECK_FAILED;
    },
    () => sink,
  );
}

/** Expenditure and receipts are never added together: the declared figure totals one direction. */
function requireOneDirection(lines: readonly Commitment[], opts: RarCliOptions): void {
  if (opts.direction !== undefined) return;
  const directions = new Set(lines.map((c) => c.direction));
  if (directions.size > 1) {
    throw new UsageError('--declared: the listing has both expenditure and receipts; say which one the declared figure totals with --direction expenditure or --direction receipt');
  }
}
