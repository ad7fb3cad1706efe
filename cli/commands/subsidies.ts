import { InvalidArgumentError, type Command } from 'commander';
import { InputError, type InputProblem, withFile } from '../../src/errors.js';
import { parseDecimal } from '../../src/money/parse.js';
import type { Decimal } from '../../src/money/decimal.js';
import { formatFrenchGrouped } from '../../src/money/format.js';
import { grantSchema, grantFromRow } from '../../src/subsidy/input.js';
import { subsidyReport } from '../../src/subsidy/report.js';
import { failureLines, renderReportJson, renderReportTable } from '../../src/subsidy/render.js';
import { attributorProblems, lineRanges, renderScdl, scdlGaps } from '../../src/subsidy/scdl.js';
import type { Grant } from '../../src/subsidy/types.js';
import type { OutputFormat } from '../../src/output/format.js';
import { type CliIo, type OutputSink, openOutput } from '../io.js';
import { readTableFile } from '../input.js';
import { EXIT_CHECK_FAILED, emit, runCommand } from '../run.js';
import { formatParser } from '../options.js';

type SubsidiesFormat = OutputFormat | 'scdl';

export interface SubsidiesCliOptions {
  format: SubsidiesFormat;
  output?: string;
  envelope: { name: string; amount: Decimal }[];
  declaredTotal: { name: string; amount: Decimal }[];
  attributorName?: string;
  attributorSiret?: string;
}

/** Collects repeated `NAME=AMOUNT` options; the amount as finance officers write it ("70 000", "68161,00 €"). */
function namedAmount(what: string) {
  return (value: string, previous: { name: string; amount: Decimal }[] = []) => {
    const eq = value.indexOf('=');
    const name = eq > 0 ? value.slice(0, eq).trim() : '';
    const amount = eq > 0 ? parseDecimal(value.slice(eq + 1)) : undefined;
    if (name === '' || amount === undefined) throw new InvalidArgumentError(`expected NAME=AMOUNT, e.g. operating=70000 or "fonctionnement=70 000,00" (${what})`);
    if (amount.isNegative() && !amount.isZero()) throw new InvalidArgumentError(`expected an amount of zero or more for ${name}`);
    return [...previous, { name, amount }];
  };
}

export function registerSubsidies(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  program
    .command('subsidies')
    .description('totals, envelopes and checks of a subsidy deliberation (« subventions aux associations »); SCDL open-data export')
    .argument('<GRANTS.csv>', 'one grant per row (see README: input columns)')
    .option('--envelope <NAME=AMOUNT>', 'an envelope the council voted (repeatable); every grant must then fall in one', namedAmount('--envelope'), [])
    .option('--declared-total <NAME=AMOUNT>', "a total the deliberation states: an envelope, ENVELOPE/KIND, a kind, or total (repeatable)", namedAmount('--declared-total'), [])
    .option('--format <format>', 'csv, csv-fr, json, or scdl (the SCDL « subventions » 2.1.1 open-data file)', formatParser<SubsidiesFormat>(['csv', 'csv-fr', 'json', 'scdl']), 'csv' as SubsidiesFormat)
    .option('-o, --output <FILE>', 'write to FILE instead of standard output')
    .option('--attributor-name <NAME>', 'with --format scdl: the attributing body (nomAttribuant), e.g. "Commune de Gannat"')
    .option('--attributor-siret <SIRET>', 'with --format scdl: its SIRET (idAttribuant, 14 digits)')
    .action(async (file: string, opts: SubsidiesCliOptions) => {
      setStatus(await subsidiesCommand(io, file, opts));
    });
}

export async function subsidiesCommand(io: CliIo, file: string, opts: SubsidiesCliOptions): Promise<number> {
  let sink: OutputSink | undefined;
  return runCommand(
    io,
    () => {
      const attributor = { name: opts.attributorName ?? '', siret: (opts.attributorSiret ?? '').replace(/\s/g, '') };
      if (opts.format === 'scdl') {
        const problems = attributorProblems({ name: opts.attributorName, ...(opts.attributorSiret !== undefined ? { siret: attributor.siret } : {}) });
        if (problems.length > 0) throw new InputError(problems.map((message) => ({ message })));
      }
      const grants = readGrants(io, file);
      const r = subsidyReport(grants.grants, { envelopes: opts.envelope, declared: opts.declaredTotal });
      if (!r.ok) {
        throw new InputError(
          r.problems.map((p) => {
            const column = p.columnName !== undefined ? grants.columnOf(p.columnName as keyof typeof grantSchema) : undefined;
            return p.line !== undefined ? { ...p, file, ...(column !== undefined ? { column } : {}) } : p;
          }),
        );
      }
      const report = r.report;
      const text =
        opts.format === 'scdl' ? renderScdl(grants.grants, attributor)
        : opts.format === 'json' ? renderReportJson(report)
        : renderReportTable(report, opts.format);
      sink = openOutput(io, opts.output);
      emit(sink, text);
      if (opts.format === 'scdl') {
        for (const gap of scdlGaps(grants.grants)) {
          io.stderr.write(`finloc: note: SCDL field ${gap.field} left empty for ${gap.lines.length} grant(s) (${file} lines ${lineRanges(gap.lines)}): ${gap.why}\n`);
        }
      }
      const failures = failureLines(report);
      for (const line of failures) io.stderr.write(`finloc: does not hold: ${line}\n`);
      if (report.declared.length > 0 || report.balances.length > 0) {
        io.stderr.write(`finloc: ${failures.length === 0 ? 'every checked figure holds' : `${failures.length} figure(s) do not hold`} (total committed ${formatFrenchGrouped(report.all.total)} €)\n`);
      }
      return report.holds ? 0 : EXIT_CHECK_FAILED;
    },
    () => sink,
  );
}

/** Reads GRANTS.csv; every problem of the file (cells, and rows no check could trust) is reported at once. */
function readGrants(io: CliIo, file: string): { grants: Grant[]; columnOf: (name: keyof typeof grantSchema) => number | undefined } {
  const { rows, problems, columnOf } = readTableFile(io, file, grantSchema);
  const all: InputProblem[] = [...problems];
  const grants: Grant[] = [];
  for (const { line, row } of rows) {
    const g = grantFromRow(row, line, columnOf);
    if (g.ok) grants.push(g.grant);
    else all.push(...withFile(g.problems, file));
  }
  if (all.length > 0) throw new InputError(all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return { grants, columnOf };
}
