import { InvalidArgumentError, type Command } from 'commander';
import { InputError, type InputProblem } from '../../src/errors.js';
import { type IsoDate, parseDate, toFrenchDate } from '../../src/calendar/date.js';
import type { RateHistory } from '../../src/rates/history.js';
import type { OutputFormat } from '../../src/output/format.js';
import { ECB_MRO_KNOWN_UNTIL } from '../../src/late-interest/ecb-mro.js';
import { type InvoiceInterest, procurementInterest, procurementTotals } from '../../src/late-interest/procurement-interest.js';
import { type ArrearResult, arrearInterest } from '../../src/late-interest/loan-arrears.js';
import {
  type LocatedArrear, arrearPaymentSchema, arrearsFromRows, invoiceFromRow, invoiceProblems, invoiceSchema, unpaidSchema,
} from '../../src/late-interest/input.js';
import { renderArrears, renderInvoices } from '../../src/late-interest/render.js';
import { type CliIo, type OutputSink, bundledDataPath, openOutput } from '../io.js';
import { loadLivretA, loadRateHistory, readTableFile } from '../input.js';
import { UsageError, emit, runCommand } from '../run.js';
import { formatParser } from '../options.js';

export interface ProcurementCliOptions {
  format: OutputFormat;
  output?: string;
  ratesFile?: string;
  ratesKnownUntil?: IsoDate;
}

export interface LoanArrearsCliOptions {
  format: OutputFormat;
  output?: string;
  indexFile?: string;
  payments?: string;
  asOf?: IsoDate;
}

function dateOption(value: string): IsoDate {
  const d = parseDate(value);
  if (!d) throw new InvalidArgumentError('expected a date such as 2026-10-29 or 29/10/2026');
  return d;
}

export function registerLateInterest(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  const group = program.command('late-interest').description('late-payment interest (« intérêts moratoires »): public procurement, CDC loans');
  group
    .command('procurement')
    .description('« intérêts moratoires » and the 40 € indemnity on late-paid invoices of public contracts (ECB rate + 8 points)')
    .argument('<INVOICES.csv>', 'invoice_id, amount_ttc, received_date, paid_date [, payment_days, suspension_days]')
    .option('--format <format>', 'csv, csv-fr or json', formatParser(), 'csv' as OutputFormat)
    .option('-o, --output <FILE>', 'write to FILE instead of standard output')
    .option('--rates-file <FILE>', 'ECB main refinancing rates (effective_date,rate_pct) replacing data/bce-mro.csv')
    .option('--rates-known-until <DATE>', 'with --rates-file: last date the file is known to be current (default: its last date)', dateOption)
    .action(async (file: string, opts: ProcurementCliOptions) => setStatus(await procurementCommand(io, file, opts)));
  group
    .command('loan')
    .description('late interest on unpaid CDC loan sums (contract article 18: Livret A + 6 points, yearly capitalisation)')
    .argument('<UNPAID.csv>', 'line_id, due_date, amount_due, paid_date [, paid_amount]')
    .option('--format <format>', 'csv, csv-fr or json', formatParser(), 'csv' as OutputFormat)
    .option('-o, --output <FILE>', 'write to FILE instead of standard output')
    .option('--index-file <FILE>', 'Livret A history (effective_date,rate_pct) replacing data/livret-a.csv')
    .option('--payments <FILE>', 'partial payments (line_id,due_date,paid_date,paid_amount)')
    .option('--as-of <DATE>', 'compute up to DATE the arrears not yet settled (payments after DATE are not taken)', dateOption)
    .action(async (file: string, opts: LoanArrearsCliOptions) => setStatus(await loanArrearsCommand(io, file, opts)));
}

/** The bundled ECB table is known until the last decision read; a user's file until its last date, unless told. */
function loadEcb(io: CliIo, opts: ProcurementCliOptions): RateHistory {
  const name = 'ECB main refinancing rate';
  if (opts.ratesFile === undefined && opts.ratesKnownUntil !== undefined) throw new UsageError('--rates-known-until applies to a --rates-file; the bundled table is known until 05/02/2026');
  if (opts.ratesFile === undefined) return loadRateHistory(io, bundledDataPath('bce-mro.csv'), name, () => ECB_MRO_KNOWN_UNTIL);
  const known = opts.ratesKnownUntil;
  return loadRateHistory(io, opts.ratesFile, name, known ? (last) => (known > last ? known : last) : undefined);
}

export async function procurementCommand(io: CliIo, file: string, opts: ProcurementCliOptions): Promise<number> {
  let sink: OutputSink | undefined;
  return runCommand(
    io,
    () => {
      const ecb = loadEcb(io, opts);
      const { rows, problems, columnOf } = readTableFile(io, file, invoiceSchema);
      const results: InvoiceInterest[] = [];
      for (const { line, row } of rows) {
        const invoice = invoiceFromRow(row);
        const own = invoiceProblems(invoice, ecb);
        for (const p of own) problems.push({ file, line, column: columnOf(p.column), columnName: p.column, message: p.message });
        if (own.length === 0) results.push(procurementInterest(invoice, ecb));
      }
      if (problems.length > 0) throw new InputError(problems);
      const notes = procurementNotes(results, ecb);
      sink = openOutput(io, opts.output);
      emit(sink, renderInvoices(results, procurementTotals(results), opts.format, notes));
      for (const n of notes) io.stderr.write(`finloc: note: ${n}\n`);
      return 0;
    },
    () => sink,
  );
}

function procurementNotes(results: readonly InvoiceInterest[], ecb: RateHistory): string[] {
  const notes: string[] = [];
  const onTime = results.filter((r) => !r.late).map((r) => r.invoice.invoiceId);
  if (onTime.length > 0) notes.push(`${onTime.length} invoice(s) paid on time, no interest and no indemnity: ${onTime.join(', ')}`);
  const projected = results.filter((r) => r.rateProjected).map((r) => r.invoice.invoiceId);
  if (projected.length > 0) {
    const last = ecb.points[ecb.points.length - 1]!;
    notes.push(
      `${ecb.name} known until ${toFrenchDate(ecb.knownUntil)}; a semester starting later holds its last value ` +
        `(${last.ratePct.toFixed()} % from ${toFrenchDate(last.effectiveDate)}) as a projection: ${projected.join(', ')}`,
    );
  }
  return notes;
}

export async function loanArrearsCommand(io: CliIo, file: string, opts: LoanArrearsCliOptions): Promise<number> {
  let sink: OutputSink | undefined;
  return runCommand(
    io,
    () => {
      const livretA = loadLivretA(io, opts.indexFile);
      const unpaid = readTableFile(io, file, unpaidSchema);
      const paymentFile = opts.payments ? readTableFile(io, opts.payments, arrearPaymentSchema) : undefined;
      const problems: InputProblem[] = [...unpaid.problems, ...(paymentFile?.problems ?? [])];
      const columnIn = (source: string, column: keyof typeof unpaidSchema) =>
        source === file ? unpaid.columnOf(column) : paymentFile?.columnOf(column as keyof typeof arrearPaymentSchema);
      const grouped = arrearsFromRows(
        { source: file, rows: unpaid.rows },
        paymentFile && opts.payments ? { source: opts.payments, rows: paymentFile.rows } : undefined,
      );
      for (const p of grouped.problems) problems.push({ file: p.source, line: p.line, column: columnIn(p.source, p.column), columnName: p.column, message: p.message });
      if (problems.length > 0) throw new InputError(problems);

      const results: ArrearResult[] = [];
      for (const located of grouped.arrears) {
        const outcome = arrearInterest(located.arrear, livretA, opts.asOf);
        if (outcome.ok) {
          results.push(outcome.result);
          continue;
        }
        const where = locate(located, outcome.payment, outcome.kind);
        problems.push({ file: where.source, line: where.line, column: columnIn(where.source, where.column), columnName: where.column, message: outcome.message });
      }
      if (problems.length > 0) throw new InputError(problems);
      const notes = arrearNotes(results, livretA);
      sink = openOutput(io, opts.output);
      emit(sink, renderArrears(results, opts.format, notes));
      for (const n of notes) io.stderr.write(`finloc: note: ${n}\n`);
      return 0;
    },
    () => sink,
  );
}

/** The line and column a problem of an arrear points at: its payment's row, else its first row. */
function locate(a: LocatedArrear, payment: unknown, kind: string): { source: string; line: number; column: 'due_date' | 'paid_date' | 'paid_amount' } {
  const p = a.payments.find((x) => x.payment === payment);
  if (p) return { source: p.source, line: p.line, column: kind === 'overpaid' ? 'paid_amount' : 'paid_date' };
  if (kind === 'unsettled') {
    const last = a.payments[a.payments.length - 1];
    return last ? { source: last.source, line: last.line, column: 'paid_date' } : { source: a.source, line: a.line, column: 'paid_date' };
  }
  return { source: a.source, line: a.line, column: 'due_date' };
}

function arrearNotes(results: readonly ArrearResult[], livretA: RateHistory): string[] {
  const projected = results.filter((r) => r.periods.some((p) => p.rateProjected));
  if (projected.length === 0) return [];
  const last = livretA.points[livretA.points.length - 1]!;
  return [
    `${livretA.name} known until ${toFrenchDate(livretA.knownUntil)}; later days hold its last value ` +
      `(${last.ratePct.toFixed()} % from ${toFrenchDate(last.effectiveDate)}) as a projection: ` +
      projected.map((r) => `${r.arrear.lineId} due ${toFrenchDate(r.arrear.dueDate)}`).join(', '),
  ];
}
