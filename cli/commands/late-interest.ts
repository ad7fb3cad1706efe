import { InvalidArgumentError, type Command } from 'commander';
import { InputError, quoted, type InputProblem, formatProblem } from '../../src/errors.js';
import { warning } from '../../src/report/model.js';
import { invoiceWarnings } from '../../src/late-interest/plausibility.js';
import { FIRST_DATE_FR, type IsoDate, LAST_DATE_FR, isDateOutOfRange, parseDate, toFrenchDate } from '../../src/calendar/date.js';
import type { RateHistory } from '../../src/rates/history.js';
import { ECB_MRO_KNOWN_UNTIL } from '../../src/late-interest/ecb-mro.js';
import { arrearPaymentSchema, arrearsFromRows, arrearsInterest, closedDaySchema, invoiceSchema, invoicesInterest, unpaidSchema } from '../../src/late-interest/input.js';
import type { HolidayRegime } from '../../src/calendar/public-holidays.js';
import { type WorkingCalendar, workingCalendar } from '../../src/calendar/working-day.js';
import { semesterEnd } from '../../src/late-interest/semester-rate.js';
import { arrearsAsReport, procurementAsReport } from '../../src/late-interest/report.js';
import { type CliIo, bundledDataPath } from '../io.js';
import { loadLivretA, loadRateHistory, loadTable, readTableFile } from '../input.js';
import { UsageError, defineCommand } from '../skeleton.js';

export interface ProcurementCliOptions {
  ratesFile?: string;
  ratesKnownUntil?: IsoDate;
  /** `alsace-moselle` (or `national`), and files of closed days, in the order given. */
  holidays?: string[];
  calendarDays?: boolean;
  legalRates?: string;
}

const HOLIDAY_REGIMES: readonly HolidayRegime[] = ['national', 'alsace-moselle'];

export interface LoanArrearsCliOptions {
  indexFile?: string;
  payments?: string;
  asOf?: IsoDate;
}

function dateOption(value: string): IsoDate {
  const d = parseDate(value);
  if (!d) {
    throw new InvalidArgumentError(
      isDateOutOfRange(value) ? `expected a date between ${FIRST_DATE_FR} and ${LAST_DATE_FR}, got ${quoted(value)}` : `expected a date such as 2026-10-29 or 29/10/2026, got ${quoted(value)}`,
    );
  }
  return d;
}

export function registerLateInterest(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  const group = program.command('late-interest').description('late-payment interest (« intérêts moratoires »): public procurement, CDC loans');
  defineCommand<ProcurementCliOptions>(group, io, setStatus, {
    name: 'procurement',
    description: '« intérêts moratoires » and the 40 € indemnity on late-paid invoices of public contracts (ECB rate + 8 points)',
    files: [{
      name: 'INVOICES.csv',
      description: 'invoice_id, amount_ttc, received_date, paid_date [, payment_days, suspension_days, request_date, service_date, notified_date, interest_paid_date]',
    }],
    inputOptions: ['ratesFile', 'legalRates', 'holidays'],
    options: (c) =>
      c
        .option('--rates-file <FILE>', 'ECB main refinancing rates (effective_date,rate_pct) replacing data/bce-mro.csv')
        .option('--rates-known-until <DATE>', 'with --rates-file: last date the file is known to be current (default: its last date)', dateOption)
        .option(
          '--holidays <alsace-moselle|FILE>',
          'alsace-moselle: add Good Friday and 26 December to the public holidays; FILE: add the buyer\'s closed days (a date column); may be given twice',
          (value: string, previous: string[] = []) => [...previous, value],
        )
        .option('--calendar-days', 'end the payment period on its calendar day even when it is a Saturday, Sunday or holiday (contracts that exclude the CCAG rule)')
        .option('--legal-rates <FILE>', 'legal interest rates by semester (effective_date,rate_pct, « tous les autres cas ») replacing data/legal-interest-rate.csv, for complementary interest'),
    run: (ctx, [file], opts) => {
      const ecb = loadEcb(ctx.io, opts);
      const calendar = loadCalendar(ctx.io, opts);
      const legalRate = loadLegalRates(ctx.io, opts.legalRates);
      const { rows, problems, columnOf } = readTableFile(ctx.io, file!, invoiceSchema);
      const { results, problems: own } = invoicesInterest(rows, ecb, { calendar, legalRate });
      for (const p of own) problems.push({ file: file!, line: p.line, column: columnOf(p.column), columnName: p.column, message: p.message });
      if (problems.length > 0) throw new InputError(problems);
      const report = procurementAsReport(results, ecb);
      const warnings = invoiceWarnings(rows).map((w) => warning(formatProblem({ file: file!, line: w.line, column: columnOf(w.column), columnName: w.column, message: w.message })));
      return { report: { ...report, notes: [...warnings, ...report.notes] } };
    },
  });
  defineCommand<LoanArrearsCliOptions>(group, io, setStatus, {
    name: 'loan',
    description: 'late interest on unpaid CDC loan sums (contract article 18: Livret A + 6 points, yearly capitalisation)',
    files: [{ name: 'UNPAID.csv', description: 'line_id, due_date, amount_due, paid_date [, paid_amount]' }],
    inputOptions: ['indexFile', 'payments'],
    options: (c) =>
      c
        .option('--index-file <FILE>', 'Livret A history (effective_date,rate_pct) replacing data/livret-a.csv')
        .option('--payments <FILE>', 'partial payments (line_id,due_date,paid_date,paid_amount)')
        .option('--as-of <DATE>', 'compute up to DATE the arrears not yet settled (payments after DATE are not taken)', dateOption),
    run: (ctx, [file], opts) => {
      const livretA = loadLivretA(ctx.io, opts.indexFile);
      const unpaid = readTableFile(ctx.io, file!, unpaidSchema);
      const paymentFile = opts.payments ? readTableFile(ctx.io, opts.payments, arrearPaymentSchema) : undefined;
      const problems: InputProblem[] = [...unpaid.problems, ...(paymentFile?.problems ?? [])];
      const columnIn = (source: string, column: keyof typeof unpaidSchema) =>
        source === file ? unpaid.columnOf(column) : paymentFile?.columnOf(column as keyof typeof arrearPaymentSchema);
      const located = (p: { source: string; line: number; column: keyof typeof unpaidSchema; message: string }): InputProblem => ({
        file: p.source, line: p.line, column: columnIn(p.source, p.column), columnName: p.column, message: p.message,
      });
      const grouped = arrearsFromRows({ source: file!, rows: unpaid.rows }, paymentFile && opts.payments ? { source: opts.payments, rows: paymentFile.rows } : undefined);
      problems.push(...grouped.problems.map(located));
      if (problems.length > 0) throw new InputError(problems);
      const { results, problems: own } = arrearsInterest(grouped.arrears, livretA, opts.asOf);
      if (own.length > 0) throw new InputError(own.map(located));
      return { report: arrearsAsReport(results, livretA) };
    },
  });
}

/** The working calendar of the run: none with --calendar-days, else the public holidays of the regime and the closed days of the files given. */
function loadCalendar(io: CliIo, opts: ProcurementCliOptions): WorkingCalendar | 'calendar-days' {
  const given = opts.holidays ?? [];
  if (opts.calendarDays === true) {
    if (given.length > 0) throw new UsageError('--calendar-days counts calendar days: it takes no --holidays');
    return 'calendar-days';
  }
  const regimes = given.filter((v): v is HolidayRegime => (HOLIDAY_REGIMES as readonly string[]).includes(v));
  if (regimes.length > 1) throw new UsageError(`--holidays: one calendar at most (${HOLIDAY_REGIMES.join(' or ')}), got ${regimes.join(' and ')}`);
  const closed = given.filter((v) => !(HOLIDAY_REGIMES as readonly string[]).includes(v)).flatMap((path) => loadTable(io, path, closedDaySchema).map((r) => r.row.date));
  return workingCalendar(regimes[0] ?? 'national', closed);
}

/** The legal interest rate by semester: the bundled table is known to its last semester's end; a user's file likewise. */
function loadLegalRates(io: CliIo, path: string | undefined): RateHistory {
  return loadRateHistory(io, path ?? bundledDataPath('legal-interest-rate.csv'), 'legal interest rate', semesterEnd);
}

/** The bundled ECB table is known until the last decision read; a user's file until its last date, unless told. */
function loadEcb(io: CliIo, opts: ProcurementCliOptions): RateHistory {
  const name = 'ECB main refinancing rate';
  if (opts.ratesFile === undefined && opts.ratesKnownUntil !== undefined) {
    throw new UsageError(`--rates-known-until applies to a --rates-file; the bundled table is known until ${toFrenchDate(ECB_MRO_KNOWN_UNTIL)}`);
  }
  if (opts.ratesFile === undefined) return loadRateHistory(io, bundledDataPath('bce-mro.csv'), name, () => ECB_MRO_KNOWN_UNTIL);
  const known = opts.ratesKnownUntil;
  return loadRateHistory(io, opts.ratesFile, name, known ? (last) => (known > last ? known : last) : undefined);
}
