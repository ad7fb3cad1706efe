import { InvalidArgumentError, type Command } from 'commander';
import { InputError, type InputProblem } from '../../src/errors.js';
import type { Decimal } from '../../src/money/decimal.js';
import { normaliseToken } from '../../src/csv/fields.js';
import type { OutputFormat } from '../../src/output/format.js';
import { guaranteeSchema, ratioInputsSchema, type RatioInputItem } from '../../src/guarantee/input.js';
import { guaranteesFromRows } from '../../src/guarantee/validate.js';
import { guaranteePortfolio } from '../../src/guarantee/schedule.js';
import { checkPrincipal } from '../../src/guarantee/principal.js';
import { exposure, yearlyStatement } from '../../src/guarantee/statement.js';
import { prudentialRatios, type RatioInputs } from '../../src/guarantee/ratios.js';
import { renderExposure, renderPrincipal, renderRatios, renderSchedule, renderStatement } from '../../src/guarantee/render.js';
import type { GuaranteedLine } from '../../src/guarantee/types.js';
import { type CliIo, type OutputSink, openOutput } from '../io.js';
import { readTableFile, loadTable } from '../input.js';
import { EXIT_CHECK_FAILED, UsageError, emit, runCommand } from '../run.js';
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
  format: OutputFormat;
  output?: string;
}

function yearOption(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError('expected a year such as 2027');
  return Number(value);
}

export function registerGuarantee(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  program
    .command('guarantee')
    .description('loan guarantees (« garanties d\'emprunt »): guaranteed principal, schedule, yearly statement, exposure, prudential ratios')
    .argument('<LOANS.csv>', 'the loan lines (as for finloc amortize)')
    .argument('<GUARANTEES.csv>', 'one row per guarantor and line: line_id,guarantor,share_pct (see README)')
    .option('--report <report>', 'principal, schedule, statement, exposure or ratios (default: statement with --year, else principal)', formatParser<GuaranteeReport>(GUARANTEE_REPORTS))
    .option('--year <YYYY>', 'the year of the statement and of the ratios', yearOption)
    .option('--guarantor <NAME>', 'only this guarantor (required for ratios when the file has several)')
    .option('--new-line <LINE_ID>', 'ratios: the line of the new guarantee, counted by its first full annuity')
    .option('--ratio-inputs <FILE>', 'ratios: item,amount file (real_operating_revenue, own_debt_net_annuity, guarantee_provisions)')
    .option('--revenue <AMOUNT>', 'ratios: real operating revenue « recettes réelles de fonctionnement » (overrides the file)', amountOption)
    .option('--own-debt-annuity <AMOUNT>', 'ratios: net annuity of own debt « annuité nette de la dette » (overrides the file)', amountOption)
    .option('--provisions <AMOUNT>', 'ratios: provisions for guarantees (overrides the file)', amountOption)
    .option('--index-file <FILE>', 'Livret A history (effective_date,rate_pct) replacing data/livret-a.csv')
    .option('--format <format>', 'csv, csv-fr or json', formatParser(), 'csv' as OutputFormat)
    .option('-o, --output <FILE>', 'write to FILE instead of standard output')
    .action(async (loans: string, guarantees: string, opts: GuaranteeCliOptions) => {
      setStatus(await guaranteeCommand(io, loans, guarantees, opts));
    });
}

/**
 * Reads the loans and the guarantees, amortises the guaranteed lines, and
 * writes the chosen report. The principal report is a check (status 1 when
 * a stated principal differs), so is the ratios report (1 when a ratio is
 * exceeded).
 */
export async function guaranteeCommand(io: CliIo, loansFile: string, guaranteesFile: string, opts: GuaranteeCliOptions): Promise<number> {
  let sink: OutputSink | undefined;
  return runCommand(
    io,
    () => {
      const report: GuaranteeReport = opts.report ?? (opts.year !== undefined ? 'statement' : 'principal');
      if ((report === 'statement' || report === 'ratios') && opts.year === undefined) throw new UsageError(`--report ${report} needs --year YYYY`);

      const read = readTableFile(io, guaranteesFile, guaranteeSchema);
      const wanted = new Set(read.rows.map((r) => r.row.line_id));
      let loaded: ReturnType<typeof loadSchedules>;
      try {
        loaded = loadSchedules(io, loansFile, { indexFile: opts.indexFile, only: (id) => wanted.has(id) });
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

      const all = guaranteePortfolio(checked.guarantees, (id) => schedules.get(id)!.schedule);
      const lines = selectGuarantor(all, opts.guarantor, report === 'ratios');

      let text: string;
      let status = 0;
      switch (report) {
        case 'principal': {
          const checks = lines.map(checkPrincipal);
          text = renderPrincipal(checks, opts.format);
          const differing = checks.filter((c) => !c.holds).length;
          if (differing > 0) {
            io.stderr.write(`finloc: ${differing} stated principal(s) differ from the computed guaranteed principal\n`);
            status = EXIT_CHECK_FAILED;
          }
          break;
        }
        case 'schedule':
          text = renderSchedule(lines, opts.format);
          break;
        case 'statement':
          text = renderStatement(yearlyStatement(lines, opts.year!), opts.year!, opts.format);
          break;
        case 'exposure':
          text = renderExposure(exposure(lines), opts.format);
          break;
        case 'ratios': {
          const ratios = prudentialRatios(lines, ratioInputs(io, lines, opts));
          text = renderRatios(ratios, opts.format);
          if (!ratios.holds) {
            io.stderr.write(`finloc: a prudential ratio is exceeded (see the verdict rows)\n`);
            status = EXIT_CHECK_FAILED;
          }
          break;
        }
      }
      sink = openOutput(io, opts.output);
      emit(sink, text);
      return status;
    },
    () => sink,
  );
}

/** The guarantees of one guarantor when --guarantor is given (ratios are one guarantor's: required when there are several). */
function selectGuarantor(lines: GuaranteedLine[], guarantor: string | undefined, needOne: boolean): GuaranteedLine[] {
  const names = [...new Map(lines.map((l) => [normaliseToken(l.guarantee.guarantor), l.guarantee.guarantor])).values()];
  if (guarantor === undefined) {
    if (needOne && names.length > 1) throw new UsageError(`the ratios are one guarantor's: give --guarantor, one of ${names.map((n) => `"${n}"`).join(', ')}`);
    return lines;
  }
  const own = lines.filter((l) => normaliseToken(l.guarantee.guarantor) === normaliseToken(guarantor));
  if (own.length === 0) throw new UsageError(`--guarantor "${guarantor}" guarantees nothing in the file; the guarantors are ${names.map((n) => `"${n}"`).join(', ')}`);
  return own;
}

const ITEM_OPTION: Record<RatioInputItem, string> = {
  real_operating_revenue: '--revenue',
  own_debt_net_annuity: '--own-debt-annuity',
  guarantee_provisions: '--provisions',
};

/** The ratio inputs: the --ratio-inputs file, each item overridden by its option when given. */
function ratioInputs(io: CliIo, lines: readonly GuaranteedLine[], opts: GuaranteeCliOptions): RatioInputs {
  const values = new Map<RatioInputItem, Decimal>();
  if (opts.ratioInputs) {
    const problems: InputProblem[] = [];
    const seen = new Map<RatioInputItem, number>();
    for (const { line, row } of loadTable(io, opts.ratioInputs, ratioInputsSchema)) {
      const before = seen.get(row.item);
      if (before !== undefined) problems.push({ file: opts.ratioInputs, line, columnName: 'item', message: `${row.item} already given on line ${before}` });
      seen.set(row.item, line);
      values.set(row.item, row.amount);
    }
    if (problems.length > 0) throw new InputError(problems);
  }
  if (opts.revenue) values.set('real_operating_revenue', opts.revenue);
  if (opts.ownDebtAnnuity) values.set('own_debt_net_annuity', opts.ownDebtAnnuity);
  if (opts.provisions) values.set('guarantee_provisions', opts.provisions);
  const missing = (Object.keys(ITEM_OPTION) as RatioInputItem[]).filter((k) => !values.has(k));
  if (missing.length > 0) {
    const where = opts.ratioInputs ? `in ${opts.ratioInputs} or as options` : 'with --ratio-inputs FILE or as options';
    throw new UsageError(`the ratios need ${missing.map((k) => `${k} (${ITEM_OPTION[k]})`).join(', ')}, ${where}`);
  }
  if (opts.newLine !== undefined && !lines.some((l) => l.guarantee.lineId === opts.newLine)) {
    throw new UsageError(`--new-line "${opts.newLine}" is not a line this guarantor guarantees in the guarantees file`);
  }
  return {
    guarantor: lines[0]!.guarantee.guarantor,
    year: opts.year!,
    realOperatingRevenue: values.get('real_operating_revenue')!,
    ownDebtNetAnnuity: values.get('own_debt_net_annuity')!,
    guaranteeProvisions: values.get('guarantee_provisions')!,
    ...(opts.newLine !== undefined ? { newLineId: opts.newLine } : {}),
  };
}
