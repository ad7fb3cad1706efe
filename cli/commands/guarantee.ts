import { InvalidArgumentError, type Command } from 'commander';
import { InputError, quoted, type InputProblem } from '../../src/errors.js';
import type { Decimal } from '../../src/money/decimal.js';
import { type RatioInputItem, guaranteeSchema, readRatioInputs } from '../../src/guarantee/input.js';
import { guaranteesFromRows } from '../../src/guarantee/validate.js';
import { guaranteePortfolio } from '../../src/guarantee/schedule.js';
import { checkPrincipal } from '../../src/guarantee/principal.js';
import { exposure, selectGuarantor, yearlyStatement } from '../../src/guarantee/statement.js';
import { prudentialRatios, ratioInputsOf } from '../../src/guarantee/ratios.js';
import { exposureReport, guaranteedScheduleReport, principalReport, ratiosReport, statementReport } from '../../src/guarantee/report.js';
import type { GuaranteedLine } from '../../src/guarantee/types.js';
import type { CliIo } from '../io.js';
import { readTableFile, readingFile } from '../input.js';
import { EXIT_CHECK_FAILED, EXIT_OK, type Outcome, UsageError, defineCommand } from '../skeleton.js';
import { amountOption, formatParser } from '../options.js';
import { loadSchedules } from '../loans.js';

export const GUARANTEE_REPORTS = ['principal', 'schedule', 'statement', 'exposure', 'ratios'] as const;
export type GuaranteeReport = (typeof GUARANTEE_REPORTS)[number];

export interface GuaranteeCliOptions {
  report?: GuaranteeReport;
  year?: number;
  guarantor?: string;
  newLine?: string;
  ratioInputs?: string;
  revenue?: Decimal;
  ownDebtAnnuity?: Decimal;
  provisions?: Decimal;
  indexFile?: string;
}

function yearOption(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError(`expected a year such as 2027, got ${quoted(value)}`);
  return Number(value);
}

/** The option that gives each ratio input, overriding the --ratio-inputs file. */
const ITEM_OPTION: Record<RatioInputItem, { flag: string; key: 'revenue' | 'ownDebtAnnuity' | 'provisions' }> = {
  real_operating_revenue: { flag: '--revenue', key: 'revenue' },
  own_debt_net_annuity: { flag: '--own-debt-annuity', key: 'ownDebtAnnuity' },
  guarantee_provisions: { flag: '--provisions', key: 'provisions' },
};

/**
 * `finloc guarantee LOANS.csv GUARANTEES.csv`: reads the loans and the
 * guarantees, amortises the guaranteed lines, and writes the chosen report.
 * The principal report is a check (status 1 when a stated principal
 * differs), so is the ratios report (1 when a ratio is exceeded).
 */
export function registerGuarantee(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<GuaranteeCliOptions>(program, io, setStatus, {
    name: 'guarantee',
    description: "loan guarantees (« garanties d'emprunt »): guaranteed principal, schedule, yearly statement, exposure, prudential ratios",
    files: [
      { name: 'LOANS.csv', description: 'the loan lines (as for finloc amortize)' },
      { name: 'GUARANTEES.csv', description: 'one row per guarantor and line: line_id,guarantor,share_pct (see README)' },
    ],
    inputOptions: ['ratioInputs', 'indexFile'],
    options: (c) =>
      c
        .option('--report <report>', 'principal, schedule, statement, exposure or ratios (default: statement with --year, else principal)', formatParser<GuaranteeReport>(GUARANTEE_REPORTS))
        .option('--year <YYYY>', 'the year of the statement and of the ratios', yearOption)
        .option('--guarantor <NAME>', 'only this guarantor (required for ratios when the file has several)')
        .option('--new-line <LINE_ID>', 'ratios: the line of the new guarantee, counted by its first full annuity')
        .option('--ratio-inputs <FILE>', 'ratios: item,amount file (real_operating_revenue, own_debt_net_annuity, guarantee_provisions)')
        .option('--revenue <AMOUNT>', 'ratios: real operating revenue « recettes réelles de fonctionnement » (overrides the file)', amountOption)
        .option('--own-debt-annuity <AMOUNT>', 'ratios: net annuity of own debt « annuité nette de la dette » (overrides the file)', amountOption)
        .option('--provisions <AMOUNT>', 'ratios: provisions for guarantees (overrides the file)', amountOption)
        .option('--index-file <FILE>', 'Livret A history (effective_date,rate_pct) replacing data/livret-a.csv'),
    run: (ctx, [loansFile, guaranteesFile], opts): Outcome => {
      const report: GuaranteeReport = opts.report ?? (opts.year !== undefined ? 'statement' : 'principal');
      if ((report === 'statement' || report === 'ratios') && opts.year === undefined) throw new UsageError(`--report ${report} needs --year YYYY`);
      const all = readGuaranteedLines(ctx.io, loansFile!, guaranteesFile!, opts.indexFile);
      const chosen = selectGuarantor(all, opts.guarantor, report === 'ratios');
      if ('problem' in chosen) throw new UsageError(`--guarantor: ${chosen.problem}`);
      const { lines } = chosen;
      switch (report) {
        case 'principal':
          return { report: principalReport(lines.map(checkPrincipal)), checked: guaranteesFile! };
        case 'schedule':
          return { report: guaranteedScheduleReport(lines) };
        case 'statement':
          return { report: statementReport(yearlyStatement(lines, opts.year!), opts.year!) };
        case 'exposure':
          return { report: exposureReport(exposure(lines)) };
        case 'ratios': {
          const ratios = prudentialRatios(lines, ratioInputs(ctx.io, lines, opts));
          return { report: ratiosReport(ratios), status: ratios.holds ? EXIT_OK : EXIT_CHECK_FAILED };
        }
      }
    },
  });
}

/** The guarantees of GUARANTEES.csv with their lines amortised; the problems of both files reported together. */
function readGuaranteedLines(io: CliIo, loansFile: string, guaranteesFile: string, indexFile: string | undefined): GuaranteedLine[] {
  const read = readTableFile(io, guaranteesFile, guaranteeSchema);
  const wanted = new Set(read.rows.map((r) => r.row.line_id));
  let loaded: ReturnType<typeof loadSchedules>;
  try {
    loaded = loadSchedules(io, loansFile, { indexFile, only: (id) => wanted.has(id) });
  } catch (e) {
    // Report the guarantees' own problems with the loans' ones, not one file at a time.
    if (e instanceof InputError) throw new InputError([...e.problems, ...read.problems]);
    throw e;
  }
  const { schedules, lineIds } = loaded;
  const checked = guaranteesFromRows(read.rows, (id) => lineIds.has(id), read.columnOf);
  const problems: InputProblem[] = [...read.problems, ...checked.problems.map((p) => ({ ...p, file: guaranteesFile }))];
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  if (checked.guarantees.length === 0) throw new InputError([{ file: guaranteesFile, message: 'no guarantee in the file; expected rows line_id,guarantor,share_pct' }]);
  return guaranteePortfolio(checked.guarantees, (id) => schedules.get(id)!.schedule);
}

/** The ratio inputs: the --ratio-inputs file, each item overridden by its option when given. */
function ratioInputs(io: CliIo, lines: readonly GuaranteedLine[], opts: GuaranteeCliOptions) {
  const amounts = opts.ratioInputs ? readingFile(io, opts.ratioInputs, readRatioInputs) : new Map<RatioInputItem, Decimal>();
  for (const [item, option] of Object.entries(ITEM_OPTION) as [RatioInputItem, (typeof ITEM_OPTION)[RatioInputItem]][]) {
    const value = opts[option.key];
    if (value !== undefined) amounts.set(item, value);
  }
  const result = ratioInputsOf(lines, opts.year!, amounts, opts.newLine);
  if ('missing' in result) {
    const where = opts.ratioInputs ? `in ${opts.ratioInputs} or as options` : 'with --ratio-inputs FILE or as options';
    throw new UsageError(`the ratios need ${result.missing.map((k) => `${k} (${ITEM_OPTION[k].flag})`).join(', ')}, ${where}`);
  }
  if ('foreignNewLine' in result) throw new UsageError(`--new-line "${result.foreignNewLine}" is not a line this guarantor guarantees in the guarantees file`);
  return result.inputs;
}
