import { InvalidArgumentError, type Command } from 'commander';
import { InputError, quoted, type InputProblem, formatProblem, withFile } from '../../src/errors.js';
import { readAmount } from '../../src/money/parse.js';
import type { Decimal } from '../../src/money/decimal.js';
import { grantSchema, grantFromRow } from '../../src/subsidy/input.js';
import { subsidiesAsReport, subsidyReport } from '../../src/subsidy/report.js';
import { grantWarnings } from '../../src/subsidy/plausibility.js';
import { warning } from '../../src/report/model.js';
import { attributorProblems, renderScdl, scdlGapNotes } from '../../src/subsidy/scdl.js';
import type { Grant } from '../../src/subsidy/types.js';
import type { CliIo } from '../io.js';
import { readTableFile } from '../input.js';
import { EXIT_CHECK_FAILED, EXIT_OK, defineCommand } from '../skeleton.js';

export interface SubsidiesCliOptions {
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
    const read = eq > 0 ? readAmount(value.slice(eq + 1)) : undefined;
    if (name === '' || read === undefined) throw new InvalidArgumentError(`expected NAME=AMOUNT, e.g. operating=70000 or "fonctionnement=70 000,00" (${what}), got ${quoted(value)}`);
    if (!read.ok) throw new InvalidArgumentError(`expected ${read.expected} after ${name}=, got ${JSON.stringify(value.slice(eq + 1))} (${what})`);
    const amount = read.value;
    if (amount.isNegative() && !amount.isZero()) throw new InvalidArgumentError(`expected an amount of zero or more for ${name}, got ${quoted(value.slice(eq + 1))}`);
    return [...previous, { name, amount }];
  };
}

/**
 * `finloc subsidies GRANTS.csv`: totals, envelopes and checks of a subsidy
 * deliberation, or (`--format scdl`) its SCDL open-data file. Exit 1 when
 * a checked figure does not hold or an envelope is overspent.
 */
export function registerSubsidies(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<SubsidiesCliOptions>(program, io, setStatus, {
    name: 'subsidies',
    description: 'totals, envelopes and checks of a subsidy deliberation (« subventions aux associations »); SCDL open-data export',
    files: [{ name: 'GRANTS.csv', description: 'one grant per row (see README: input columns)' }],
    formats: ['csv', 'csv-fr', 'json', 'xlsx', 'html', 'scdl'],
    options: (c) =>
      c
        .option('--envelope <NAME=AMOUNT>', 'an envelope the council voted (repeatable); every grant must then fall in one', namedAmount('--envelope'), [])
        .option('--declared-total <NAME=AMOUNT>', 'a total the deliberation states: an envelope, ENVELOPE/KIND, a kind, or total (repeatable)', namedAmount('--declared-total'), [])
        .option('--attributor-name <NAME>', 'with --format scdl: the attributing body (nomAttribuant), e.g. "Commune de Gannat"')
        .option('--attributor-siret <SIRET>', 'with --format scdl: its SIRET (idAttribuant, 14 digits)'),
    run: (ctx, [file], opts) => {
      const scdl = ctx.format === 'scdl';
      const attributor = { name: opts.attributorName ?? '', siret: (opts.attributorSiret ?? '').replace(/\s/g, '') };
      if (scdl) {
        const problems = attributorProblems({ name: opts.attributorName, ...(opts.attributorSiret !== undefined ? { siret: attributor.siret } : {}) });
        if (problems.length > 0) throw new InputError(problems.map((message) => ({ message })));
      }
      const grants = readGrants(ctx.io, file!);
      const r = subsidyReport(grants.grants, { envelopes: opts.envelope, declared: opts.declaredTotal });
      if (!r.ok) {
        throw new InputError(
          r.problems.map((p) => {
            const column = p.columnName !== undefined ? grants.columnOf(p.columnName as keyof typeof grantSchema) : undefined;
            return p.line !== undefined ? { ...p, file: file!, ...(column !== undefined ? { column } : {}) } : p;
          }),
        );
      }
      const built = subsidiesAsReport(r.report);
      const warnings = grantWarnings(grants.grants).map((w) =>
        warning(formatProblem({ file: file!, ...(w.line !== undefined ? { line: w.line } : {}), column: grants.columnOf(w.column), columnName: w.column, message: w.message })),
      );
      const report = { ...built, notes: [...warnings, ...built.notes] };
      // Overspending an envelope is a limit passed, not a declared figure: it fails the run without being a check.
      const status = r.report.holds ? EXIT_OK : EXIT_CHECK_FAILED;
      if (!scdl) return { report, status };
      return { report: { ...report, notes: [...scdlGapNotes(grants.grants, file!), ...report.notes] }, text: renderScdl(grants.grants, attributor), status };
    },
  });
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
