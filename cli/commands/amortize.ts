import { statSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { ScheduleSheetWriter } from '../../src/loan/xlsx-schedule.js';
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { InputError, quoted, type InputProblem, formatProblem } from '../../src/errors.js';
import { bindHeader } from '../../src/csv/table.js';
import { disbursementSchema, loanLineSchema } from '../../src/loan/input.js';
import { JSON_DOCUMENT_END, JSON_DOCUMENT_START, JSON_EMPTY_DOCUMENT, type PortfolioContext, amortizeSlice } from '../../src/loan/portfolio.js';
import { scheduleHeader } from '../../src/loan/render.js';
import { amortizeRows, repeatedLineIdMessage } from '../../src/loan/amortize-csv.js';
import { type LenderRow, checkAgainstLender, lenderTableSchema } from '../../src/loan/lender-check.js';
import { lenderCheckReport } from '../../src/loan/lender-check-report.js';
import { isTotalLabel } from '../../src/csv/table.js';
import { type YearEndFigures, yearEndFigures } from '../../src/loan/year-end.js';
import { type ActuarialRate, actuarialRate, loanFlows } from '../../src/loan/actuarial-rate.js';
import { summaryReport } from '../../src/loan/summary-report.js';
import { yearEndReport } from '../../src/loan/year-end-report.js';
import { withFile } from '../../src/errors.js';
import type { Disbursement, RateStep, Schedule } from '../../src/loan/types.js';
import { type RateStepsFile, rateStepSchema, unknownRateStepLines } from '../../src/loan/rate-steps.js';
import type { OutputFormat } from '../../src/output/format.js';
import type { RateHistory } from '../../src/rates/history.js';
import { projectionNote } from '../../src/rates/projection-note.js';
import { type Note, warning } from '../../src/report/model.js';
import { type CliIo, type OutputSink, resolvePath } from '../io.js';
import { loadLivretA, loadTable, printNotes, readTableFile, tableOptions } from '../input.js';
import { formatParser } from '../options.js';
import { type CommonOptions, EXIT_OK, type Outcome, type RunContext, UsageError, defineCommand } from '../skeleton.js';
import { JSON_READ_BYTES, type RecordSlice, sliceFile } from '../amortize/read-slices.js';
import { type OrderedPool, startPool, workerScript } from '../amortize/pool.js';
import { eventLoopTurns } from '../event-loop.js';
import { initFromContext } from '../amortize/context.js';
import { Progress } from '../amortize/progress.js';
import { LineIds, unpackLineIds } from '../amortize/line-ids.js';
import { type BatchOutcome, OutputBuffers, WARNINGS_SHOWN, batchOutcome } from '../amortize/batch.js';

export interface AmortizeCliOptions {
  check?: string;
  report?: 'schedule' | 'year-end' | 'summary';
  year?: number;
  indexFile?: string;
  disbursements?: string;
  rateSteps?: string;
  threads?: number;
  skipInvalid?: boolean;
  errors?: string;
}

/**
 * Below this size a file is amortised in the main thread: each worker
 * starts an engine of its own (modules, compiled code, caches, heap) and two
 * of them on two cores run well short of twice one thread. Measured on the
 * bench portfolio (docs/performance.md): one thread against two workers,
 * 2,1 MB 1,7–2,0 s against 2,5–2,6 s, 5,4 MB 2,8–3,6 s against 3,1–3,7 s,
 * 10,7 MB about even, 21 MB 12,0–13,0 s against 8,6–10,7 s.
 */
const PARALLEL_FROM_BYTES = 8 << 20;
/** Problems kept for the report; beyond, only counted. */
const MAX_PROBLEMS_SHOWN = 200;
/** Output buffers kept for reuse in a one-thread run, at most (a batch's is about 1 to 2 MB). */
const SPARE_BUFFERS = 4;

function threadsOption(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 64) throw new InvalidArgumentError(`expected a number of worker threads, 0 to 64 (0: none), got ${quoted(value)}`);
  return Number(value);
}

export function registerAmortize(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<AmortizeCliOptions>(program, io, setStatus, {
    name: 'amortize',
    description: 'regenerate the amortisation table (« tableau d\'amortissement ») of CDC loan lines',
    files: [{ name: 'LOANS.csv', description: 'one loan line per row (see README: input columns)' }],
    inputOptions: ['indexFile', 'disbursements', 'rateSteps', 'check'],
    outputOptions: ['errors'],
    options: (c) =>
      c
        .option('--index-file <FILE>', 'Livret A history (effective_date,rate_pct) replacing data/livret-a.csv')
        .option('--disbursements <FILE>', 'actual disbursements « Versements » (line_id,date,amount)')
        .option('--rate-steps <FILE>', 'rates fixed in advance by steps, fixed-rate lines (line_id,from_number,rate_pct): from due number from_number on, the rate is rate_pct')
        .option('--threads <N>', 'worker threads (default: one per core, at most 2, for files over 8 MB, else none)', threadsOption)
        .option('--check <LENDER.csv>', "check the lender's table (csv or csv-fr layout, several lines, a Total row allowed) cell by cell; exit 1 when a cell differs, naming the convention that reproduces it")
        .option('--report <REPORT>', 'schedule (the tables, default), summary (a line each: totals, TEG, actuarial rate) or year-end (the debt annex figures of --year: capital on 1 January and 31 December, repaid, interest, ICNE)', formatParser(['schedule', 'summary', 'year-end'] as const))
        .option('--year <YYYY>', 'with --report year-end: the financial year', yearOption)
        .option('--skip-invalid', 'write the valid lines and report the invalid ones apart, instead of failing')
        .option('--errors <FILE>', 'with --skip-invalid: where to write the error report (default: stderr)'),
    run: async (ctx, [file], opts) => {
      if (opts.year !== undefined && opts.report !== 'year-end') throw new UsageError('--year goes with --report year-end');
      if (opts.report === 'year-end') return amortizeYearEnd(ctx, file!, opts);
      if (opts.report === 'summary') return amortizeSummary(ctx, file!, opts);
      if (opts.check !== undefined) return amortizeLenderCheck(ctx, file!, opts, opts.check);
      if (opts.format === 'html') return amortizeHtml(ctx, file!, opts);
      let pool: OrderedPool | undefined;
      try {
        return await amortizeStream(ctx, file!, opts, (p) => (pool = p));
      } finally {
        await pool?.close();
      }
    },
  });
}

/**
 * Streams LOANS.csv to the output: records are read a chunk at a time,
 * amortised in batches (in worker threads on large files), and written in
 * input order as they come, so memory stays flat whatever the file's size.
 * Nothing is written before the first batch is known to be valid: a script
 * reading standard output sees no header for a file whose first lines fail.
 */
async function amortizeStream(ctx: RunContext, file: string, opts: AmortizeCliOptions & CommonOptions, started: (pool: OrderedPool) => void): Promise<Outcome> {
  const io = ctx.io;
  // xlsx: the engine writes its exact machine csv, turned into worksheet rows as it comes (src/loan/xlsx-schedule.ts).
  const xlsx = opts.format === 'xlsx';
  const format: OutputFormat = xlsx ? 'csv' : (opts.format as OutputFormat);
  let sheets: ScheduleSheetWriter | undefined;
  let sheetStream: SinkStream | undefined;
  // exceljs is loaded only for an xlsx run (about 0,4 s of start-up the others need not pay).
  const xlsxModules = xlsx ? await Promise.all([import('exceljs'), import('../../src/loan/xlsx-schedule.js')]) : undefined;
  const sheetWriter = () => {
    if (sheets === undefined) {
      const [{ default: Excel }, { ScheduleSheetWriter: Writer }] = xlsxModules!;
      sheetStream = sinkStream(ctx.output());
      sheets = new Writer(new Excel.stream.xlsx.WorkbookWriter({ stream: sheetStream.stream, useStyles: true, useSharedStrings: false }));
    }
    return sheets;
  };
  const { index, disbursements, rateSteps } = lineInputs(io, opts);
  const progress = new Progress(io);
  const problems: InputProblem[] = [];
  let problemCount = 0;
  const warnings: Note[] = [];
  let warningCount = 0;
  let lines = 0;
  let rows = 0;
  let projected = 0;
  let wroteJsonItem = false;
  let wroteHeader = false;
  const seenLines = new Set<string>();
  // Every line_id amortised, with its line: a line_id given twice is refused, both lines named, even with --skip-invalid.
  const lineOfId = new LineIds();
  let duplicated = false;

  const sliced = await sliceFile(resolvePath(io, file), file, format === 'json' ? JSON_READ_BYTES : undefined);
  if (sliced.header === undefined) throw new InputError([{ file, message: 'the file is empty; expected a header line' }]);
  const { binding, problems: headerProblems, notes: headerNotes } = bindHeader(sliced.header, loanLineSchema, tableOptions(io));
  if (headerProblems.length > 0) throw new InputError(headerProblems.map((p) => ({ ...p, file })));
  printNotes(io, headerNotes.map((n) => ({ ...n, file })));
  const pctx: PortfolioContext = { file, encoding: sliced.encoding, separator: sliced.separator, binding, index, disbursements, ...(rateSteps ? { rateSteps } : {}), format };

  const threads = opts.threads ?? (sizeOf(resolvePath(io, file)) >= PARALLEL_FROM_BYTES ? Math.min(2, availableParallelism()) : 0);
  const script = threads > 0 ? workerScript() : undefined;
  const pool = script ? await startPool(script, threads, initFromContext(pctx)) : undefined;
  if (pool) started(pool);
  // In one thread, a batch is written in a buffer of its own that goes out as it is and comes back once written
  // (or decoded into a workbook's cells), as a worker's does. Copying each batch's megabyte into fresh memory was
  // 10 to 20 ms of the small book.
  const buffers = new OutputBuffers(SPARE_BUFFERS);
  const compute = (slice: RecordSlice): Promise<BatchOutcome> => {
    if (pool) return pool.submit(slice.bytes, slice.firstLine);
    return Promise.resolve(batchOutcome(amortizeSlice(slice.bytes, slice.firstLine, pctx, buffers.writer())));
  };
  const written = (result: BatchOutcome) => () => {
    if (pool) pool.recycle(result.bytes);
    else buffers.giveBack(result.bytes);
  };

  const writeHeader = async () => {
    if (wroteHeader) return;
    wroteHeader = true;
    if (xlsx) sheetWriter();
    else if (format !== 'json') await ctx.output().write(scheduleHeader(format));
  };
  const turn = eventLoopTurns();
  const take = async (result: BatchOutcome) => {
    lines += result.lines;
    rows += result.rows;
    projected += result.projected;
    if (disbursements.size > 0 || rateSteps !== undefined) {
      for (const id of unpackLineIds(result.ids)) if (disbursements.has(id) || rateSteps?.byLine.has(id)) seenLines.add(id);
    }
    lineOfId.addAll(result.ids, (id, line, before) => {
      duplicated = true;
      problemCount++;
      const column = binding.indexOf.line_id! + 1;
      if (problems.length < MAX_PROBLEMS_SHOWN) problems.push({ file, line, column, columnName: 'line_id', message: repeatedLineIdMessage(id, before) });
    });
    problemCount += result.problems.length;
    for (const p of result.problems) if (problems.length < MAX_PROBLEMS_SHOWN) problems.push(p);
    printNotes(io, result.notes);
    warningCount += result.warningCount;
    for (const w of result.warnings) if (warnings.length < WARNINGS_SHOWN) warnings.push(warning(formatProblem(w)));
    if (problemCount > 0 && (!opts.skipInvalid || duplicated)) return; // the run will fail: nothing more is written
    await writeHeader();
    let bytes = result.bytes;
    if (format === 'json' && bytes.length > 0 && !wroteJsonItem) {
      await ctx.output().write(JSON_DOCUMENT_START);
      bytes = bytes.subarray(2); // the ",\n" before the first line's object
      wroteJsonItem = true;
    }
    if (xlsx) {
      sheetWriter().addCsvRows(utf8.decode(bytes));
      // Decoded, nothing refers to the bytes: their buffer goes back at once.
      written(result)();
      await sheetWriter().drained();
    }
    // Once written (to a file or standard output), a batch's buffer goes back to its worker, or to `buffers`.
    else if (bytes.length > 0) await ctx.output().write(bytes, written(result));
    progress.update(lines, rows);
    // Every 100 ms: without it a file read in a few chunks is amortised in one stretch of promises, and Ctrl-C or
    // SIGTERM would wait for the end of the run.
    await turn();
  };

  // Keep a few slices in flight per thread, write their results in order.
  const inFlight: Promise<BatchOutcome>[] = [];
  const depth = Math.max(1, threads * 2);
  for await (const slice of sliced.slices) {
    const batch = compute(slice);
    // Awaited in order below, where a failure is thrown once; the batches behind it must not also reject unheard.
    batch.catch(() => {});
    inFlight.push(batch);
    if (inFlight.length >= depth) await take(await inFlight.shift()!);
  }
  while (inFlight.length > 0) await take(await inFlight.shift()!);

  const unknown = unknownLineProblems({ disbursements, rateSteps }, seenLines, file, opts);
  problemCount += unknown.length;
  problems.push(...unknown);
  if (problemCount > 0 && (!opts.skipInvalid || duplicated)) {
    if (problemCount > problems.length) problems.push({ file, message: `… and ${problemCount - problems.length} more problems` });
    throw new InputError(problems);
  }
  await writeHeader();
  if (format === 'json') await ctx.output().write(wroteJsonItem ? JSON_DOCUMENT_END : JSON_EMPTY_DOCUMENT);
  if (problemCount > 0) reportSkipped(ctx, opts, problems, problemCount);
  progress.finish(lines, rows);
  if (warningCount > warnings.length) warnings.push(warning(`${file}: … and ${warningCount - warnings.length} more plausibility warnings`));
  const notes = runNotes(index, warnings, projected);
  if (xlsx) {
    const writer = sheetWriter();
    await Promise.race([writer.finish(notes), sheetStream!.failed]);
  }
  return { notes, status: EXIT_OK };
}

function yearOption(value: string): number {
  if (!/^\d{4}$/.test(value) || Number(value) < 1900 || Number(value) > 2199) throw new InvalidArgumentError(`expected a year from 1900 to 2199, got ${quoted(value)}`);
  return Number(value);
}

/**
 * `--check LENDER.csv`: every line of the lender's table against finloc's
 * (Decimal core), cell by cell; a line that differs is recomputed under the
 * documented alternative conventions (src/loan/lender-check.ts) until one
 * reproduces it.
 */
async function amortizeLenderCheck(ctx: RunContext, file: string, opts: AmortizeCliOptions, lenderFile: string): Promise<Outcome> {
  const io = ctx.io;
  const read = readTableFile(io, file, loanLineSchema);
  const lender = readTableFile(io, lenderFile, lenderTableSchema);
  const { index, disbursements, rateSteps } = lineInputs(io, opts);
  const problems: InputProblem[] = [...read.problems, ...lender.problems];
  const byLine = new Map<string, { number: number; row: LenderRow }[]>();
  for (const { line, row } of lender.rows) {
    if (isTotalLabel(row.number)) continue;
    const number = Number(row.number);
    if (!/^\d+$/.test(row.number.trim()) || number < 1) {
      problems.push({ file: lenderFile, line, column: lender.columnOf('number'), columnName: 'number', message: `expected a due number (1, 2, …) or « Total », got ${quoted(row.number)}` });
      continue;
    }
    const list = byLine.get(row.line_id) ?? [];
    list.push({ number, row });
    byLine.set(row.line_id, list);
  }
  const amortized = amortizeRows(read, { index, disbursements, ...(rateSteps ? { rateSteps } : {}), only: (id) => byLine.has(id) });
  problems.push(...withFile(amortized.problems, file), ...unknownLineProblems({ disbursements, rateSteps }, amortized.lineIds, file, opts));
  for (const [id, rows] of byLine) {
    if (!amortized.lineIds.has(id)) problems.push({ file: lenderFile, message: `line_id ${quoted(id)} (${rows.length} due dates) is not in ${file}` });
  }
  if (problems.length > 0) throw new InputError(problems);
  const verdicts = checkAgainstLender(
    amortized.schedules.map((s) => s.schedule),
    byLine,
    (line) => ({ index, ...(disbursements.has(line.lineId) ? { disbursements: disbursements.get(line.lineId)! } : {}) }),
  );
  const { report, holds } = lenderCheckReport(verdicts);
  return { report, status: holds ? EXIT_OK : 1, checked: lenderFile };
}

/**
 * `--report summary`: a line each, with the actuarial rate of all its flows
 * (src/loan/actuarial-rate.ts); tables computed in Decimal and dropped.
 */
async function amortizeSummary(ctx: RunContext, file: string, opts: AmortizeCliOptions): Promise<Outcome> {
  const io = ctx.io;
  const read = readTableFile(io, file, loanLineSchema);
  const { index, disbursements, rateSteps } = lineInputs(io, opts);
  const lines: { schedule: Schedule; actuarial: ActuarialRate }[] = [];
  const amortized = amortizeRows(read, {
    index,
    disbursements,
    ...(rateSteps ? { rateSteps } : {}),
    // The rows are dropped: the summary keeps the line and its totals only.
    each: (_, schedule) => lines.push({ schedule: { ...schedule, rows: [] }, actuarial: actuarialRate(loanFlows(schedule, disbursements.get(schedule.line.lineId)), schedule.line.periodMonths) }),
  });
  const problems = [...read.problems, ...withFile(amortized.problems, file), ...unknownLineProblems({ disbursements, rateSteps }, amortized.lineIds, file, opts)];
  if (problems.length > 0 && !opts.skipInvalid) throw new InputError(problems);
  if (problems.length > 0) reportSkipped(ctx, opts, problems, problems.length);
  const notes = runNotes(index, withFile(amortized.warnings, file).map((w) => warning(formatProblem(w))), lines.filter((l) => usesProjection(l.schedule)).length);
  const report = summaryReport(lines);
  return { report: { ...report, notes }, status: EXIT_OK };
}

/**
 * `--report year-end --year YYYY`: per line and in total, the figures of
 * the debt annex (src/loan/year-end.ts), every table computed in Decimal and
 * dropped once its figures are taken.
 */
async function amortizeYearEnd(ctx: RunContext, file: string, opts: AmortizeCliOptions): Promise<Outcome> {
  if (opts.year === undefined) throw new UsageError('--report year-end needs --year YYYY');
  const year = opts.year;
  const io = ctx.io;
  const read = readTableFile(io, file, loanLineSchema);
  const { index, disbursements, rateSteps } = lineInputs(io, opts);
  const figures: YearEndFigures[] = [];
  let projected = 0;
  const amortized = amortizeRows(read, {
    index,
    disbursements,
    ...(rateSteps ? { rateSteps } : {}),
    each: (_, schedule) => {
      figures.push(yearEndFigures(schedule, year));
      if (usesProjection(schedule)) projected++;
    },
  });
  const problems = [...read.problems, ...withFile(amortized.problems, file), ...unknownLineProblems({ disbursements, rateSteps }, amortized.lineIds, file, opts)];
  if (problems.length > 0 && !opts.skipInvalid) throw new InputError(problems);
  if (problems.length > 0) reportSkipped(ctx, opts, problems, problems.length);
  const report = yearEndReport(figures, year);
  const notes = runNotes(index, withFile(amortized.warnings, file).map((w) => warning(formatProblem(w))), projected);
  return { report: { ...report, notes: [...notes, ...report.notes] }, status: EXIT_OK };
}

/**
 * `--format html`: a printable page of the tables, with their charts. Not
 * streamed: the page is built from the Decimal schedules of the lines
 * (src/loan/amortize-csv.ts), at most 500 lines (src/report/html/amortize.ts
 * says why), refused before any computing past that.
 */
async function amortizeHtml(ctx: RunContext, file: string, opts: AmortizeCliOptions): Promise<Outcome> {
  const io = ctx.io;
  // vega is loaded only for an html run.
  const { amortizeHtmlLimitProblem, renderAmortizeHtml } = await import('../../src/report/html/amortize.js');
  const read = readTableFile(io, file, loanLineSchema);
  const limit = amortizeHtmlLimitProblem(read.rows.length);
  if (limit !== undefined) throw new InputError([{ file, message: limit }]);
  const { index, disbursements, rateSteps } = lineInputs(io, opts);
  const amortized = amortizeRows(read, { index, disbursements, ...(rateSteps ? { rateSteps } : {}) });
  const problems = [...read.problems, ...withFile(amortized.problems, file)];
  problems.push(...unknownLineProblems({ disbursements, rateSteps }, amortized.lineIds, file, opts));
  if (problems.length > 0 && !opts.skipInvalid) throw new InputError(problems);
  if (problems.length > 0) reportSkipped(ctx, opts, problems, problems.length);
  const schedules = amortized.schedules.map((s) => s.schedule);
  const notes = runNotes(index, withFile(amortized.warnings, file).map((w) => warning(formatProblem(w))), schedules.filter(usesProjection).length);
  const sources = [file, ...(opts.disbursements ? [opts.disbursements] : []), ...(opts.indexFile ? [opts.indexFile] : [])];
  return { text: await renderAmortizeHtml(schedules, { index, sources, notes }), notes, status: EXIT_OK };
}

/** The notes of a run: its plausibility warnings, then the projection note when lines used a projected index value. */
function runNotes(index: RateHistory, warnings: readonly Note[], projectedLines: number): Note[] {
  return [...warnings, ...(projectedLines > 0 ? [projectionNote(index, 'later due dates hold', `${projectedLines} line(s) concerned`)] : [])];
}

/** Whether a line's table used an index value held as a projection. */
const usesProjection = (s: Schedule) => s.summary.indexValues.some((v) => v.projected);

const utf8 = new TextDecoder();

/**
 * The output as the Node stream exceljs's streaming writer wants: each
 * chunk goes to the sink, and the writer waits while a slow reader drains.
 */
interface SinkStream {
  readonly stream: Writable;
  /** Rejects with the sink's error (disk full, closed pipe): the workbook's end is raced against it, never awaited alone. */
  readonly failed: Promise<never>;
}

function sinkStream(sink: OutputSink): SinkStream {
  let fail: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // raced at the end; a run that failed before never awaits it
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      let written: void | Promise<void>;
      try {
        written = sink.write(chunk);
      } catch (e) {
        done(e as Error);
        return;
      }
      Promise.resolve(written).then(() => done(), done);
    },
  });
  stream.on('error', (e) => fail(e));
  return { stream, failed };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** With --skip-invalid: the problems of the lines left out, to stderr or to the --errors file. */
function reportSkipped(ctx: RunContext, opts: AmortizeCliOptions, problems: readonly InputProblem[], count: number): void {
  let report = problems.map((p) => formatProblem(p) + '\n').join('');
  if (count > problems.length) report += `… and ${count - problems.length} more problems\n`;
  if (opts.errors) {
    void ctx.extraOutput('--errors', opts.errors).write(report);
    ctx.io.stderr.write(`finloc: ${count} problem(s) in invalid lines, left out; report in ${opts.errors}\n`);
  } else {
    ctx.io.stderr.write(`finloc: ${count} problem(s) in invalid lines, left out:\n` + report.replace(/^/gm, 'finloc: '));
  }
}

/** What the lines of LOANS.csv are amortised with: the Livret A history, and the optional disbursements and rate steps files. */
function lineInputs(io: CliIo, opts: AmortizeCliOptions): { index: RateHistory; disbursements: Map<string, Disbursement[]>; rateSteps: RateStepsFile | undefined } {
  return {
    index: loadLivretA(io, opts.indexFile),
    disbursements: opts.disbursements ? loadDisbursements(io, opts.disbursements) : new Map<string, Disbursement[]>(),
    rateSteps: opts.rateSteps ? loadRateSteps(io, opts.rateSteps) : undefined,
  };
}

/** Disbursements or rate steps naming a line_id that LOANS.csv does not have: refused, never ignored. */
function unknownLineProblems(
  given: { disbursements: ReadonlyMap<string, unknown>; rateSteps: RateStepsFile | undefined },
  lineIds: ReadonlySet<string>,
  file: string,
  opts: AmortizeCliOptions,
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const id of given.disbursements.keys()) {
    if (!lineIds.has(id)) problems.push({ file: opts.disbursements!, message: `disbursements for line_id "${id}", which is not in ${file}` });
  }
  return [...problems, ...unknownRateStepLines(given.rateSteps, lineIds, file)];
}

function loadRateSteps(io: CliIo, path: string): RateStepsFile {
  const read = readTableFile(io, path, rateStepSchema);
  if (read.problems.length > 0) throw new InputError(read.problems);
  const byLine = new Map<string, { line: number; step: RateStep }[]>();
  for (const { line, row } of read.rows) {
    const list = byLine.get(row.line_id) ?? [];
    list.push({ line, step: { fromNumber: row.from_number, ratePct: row.rate_pct } });
    byLine.set(row.line_id, list);
  }
  const columns: Record<string, number> = {};
  for (const name of ['line_id', 'from_number', 'rate_pct'] as const) {
    const column = read.columnOf(name);
    if (column !== undefined) columns[name] = column;
  }
  return { file: path, columns, byLine };
}

function loadDisbursements(io: CliIo, path: string): Map<string, Disbursement[]> {
  const byLine = new Map<string, Disbursement[]>();
  for (const { row } of loadTable(io, path, disbursementSchema)) {
    const list = byLine.get(row.line_id) ?? [];
    list.push({ date: row.date, amount: row.amount });
    byLine.set(row.line_id, list);
  }
  return byLine;
}

