import { type HeaderBinding, lineKind, readRow, totalLineNote } from '../csv/table.js';
import { type CsvRecord, CsvRecordReader, type Separator, readerProblems } from '../csv/records.js';
import { type TextEncodingName, decodeAs } from '../csv/decode.js';
import { InputError, type InputNote, type InputProblem } from '../errors.js';
import type { OutputFormat } from '../output/format.js';
import type { RateHistory } from '../rates/history.js';
import { loanLineFromRow, type loanLineSchema } from './input.js';
import { loanLineWarnings } from './plausibility.js';
import { type AmortizeOptions, amortize } from './schedule.js';
import { amortizeInCentsTo } from './schedule-in-cents.js';
import { CentsRowWriter, scheduleBody, scheduleJson } from './render.js';
import { ByteWriter } from '../output/byte-writer.js';
import type { Disbursement } from './types.js';
import { type RateStepsFile, attachRateSteps } from './rate-steps.js';
import { actuarialRate, loanFlows } from './actuarial-rate.js';

/** What every batch of a portfolio run shares: the file's form and header, the index, the disbursements, the output form. */
export interface PortfolioContext {
  readonly file: string;
  readonly encoding: TextEncodingName;
  readonly separator: Separator;
  readonly binding: HeaderBinding<typeof loanLineSchema>;
  readonly index: RateHistory;
  readonly disbursements: ReadonlyMap<string, readonly Disbursement[]>;
  /** Rates fixed in advance by steps (`--rate-steps`), by line_id. */
  readonly rateSteps?: RateStepsFile;
  readonly format: OutputFormat;
}

export interface BatchResult {
  /**
   * The batch's output, UTF-8. In json, each line's object is preceded by
   * ",\n": the writer drops it before the very first one.
   */
  readonly bytes: Uint8Array;
  readonly problems: InputProblem[];
  /** Total lines skipped (blank lines are skipped silently). */
  readonly notes: InputNote[];
  /** Plausibility warnings of the lines amortised (src/loan/plausibility.ts), located: file, line, column. */
  readonly warnings: InputNote[];
  readonly lines: number;
  readonly rows: number;
  /** Lines that used a projected (held) index value. */
  readonly projected: number;
  readonly lineIds: string[];
  /** The line number of each of `lineIds`, for a line_id given twice (checked across batches by the caller). */
  readonly lineNumbers: number[];
}

/**
 * Amortises a batch of LOANS.csv records, in order, into output text: the
 * same function runs in the main thread and in worker threads, so the
 * output is the same bytes whatever the number of threads. Tables in csv and
 * csv-fr come from the cents hot path; json from the Decimal core.
 */
export function amortizeBatch(records: Iterable<CsvRecord>, ctx: PortfolioContext, handOver?: ByteWriter): BatchResult {
  const out = handOver ?? batchWriter;
  out.reset();
  const problems: InputProblem[] = [];
  const notes: InputNote[] = [];
  const warnings: InputNote[] = [];
  const lineIds: string[] = [];
  const lineNumbers: number[] = [];
  let lines = 0;
  let rows = 0;
  let projected = 0;
  const rowWriter = ctx.format === 'json' ? undefined : new CentsRowWriter(out, ctx.format);
  lastOfBatch.rowWriter = rowWriter;
  const indexOnly = indexOnlyOptions(ctx);
  for (const record of records) {
    const kind = lineKind(record);
    if (kind === 'blank') continue;
    if (kind === 'total') {
      notes.push({ ...totalLineNote(record), file: ctx.file });
      continue;
    }
    const read = readRow(record, ctx.binding);
    if (read.problems.length > 0) {
      problems.push(...read.problems.map((p) => ({ ...p, file: ctx.file })));
      continue;
    }
    const built = loanLineFromRow(read.row);
    if (!built.line) {
      problems.push(...built.problems.map((p) => located(ctx, record, p.columnName, p.message)));
      continue;
    }
    const stepped = attachRateSteps(built.line, ctx.rateSteps);
    if (!stepped.line) {
      problems.push(...stepped.problems);
      // Named all the same, so that its steps are not also reported as naming no line.
      lineIds.push(built.line.lineId);
      lineNumbers.push(record.line);
      continue;
    }
    const line = stepped.line;
    const given = ctx.disbursements.get(line.lineId);
    const options = given ? { index: ctx.index, disbursements: given } : indexOnly;
    try {
      rowWriter?.begin(line.lineId);
      const fast = rowWriter && amortizeInCentsTo(line, options, rowWriter);
      if (fast) {
        rowWriter!.total(fast);
        rows += fast.rowCount;
        if (fast.usesProjection) projected++;
      } else {
        const schedule = amortize(line, options);
        out.text(ctx.format === 'json' ? ',\n' + indent(JSON.stringify(scheduleJson(schedule, actuarialRate(loanFlows(schedule, given), line.periodMonths)), null, 2), '    ') : scheduleBody(schedule, ctx.format));
        rows += schedule.rows.length;
        if (schedule.summary.indexValues.some((v) => v.projected)) projected++;
      }
      lines++;
      lineIds.push(line.lineId);
      lineNumbers.push(record.line);
      for (const w of loanLineWarnings(line, ctx.index)) warnings.push(located(ctx, record, w.columnName, w.message));
      warnings.push(...stepped.warnings);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems.map((p) => located(ctx, record, p.columnName, p.message)));
    }
  }
  // Handed over, the writer's own buffer leaves with the result (a worker's batch, moved to the main thread, which gives
  // it back once written). Otherwise a copy of the right size, and the working buffer stays for the next batch.
  return { bytes: handOver ? out.bytes() : out.bytes().slice(), problems, notes, warnings, lines, rows, projected, lineIds, lineNumbers };
}

/**
 * Amortises a slice of LOANS.csv bytes (whole records, starting on line
 * `firstLine` of the file): decodes it, reads its records, amortises them.
 * With `handOver`, the output is written in that writer and its bytes are a
 * view of the writer's buffer, not a copy.
 */
export function amortizeSlice(bytes: Uint8Array, firstLine: number, ctx: PortfolioContext, handOver?: ByteWriter): BatchResult {
  let text: string;
  try {
    text = decodeAs(bytes, ctx.encoding);
  } catch {
    return emptyResult([{ file: ctx.file, line: firstLine, message: 'not valid UTF-8 from this line on; save the whole file as UTF-8 or as Windows-1252' }]);
  }
  const reader = new CsvRecordReader(ctx.separator, firstLine);
  lastOfBatch.reader = reader;
  const records = recordsOf(reader, text);
  const result = amortizeBatch(records, ctx, handOver);
  result.problems.push(...readerProblems(reader).map((p) => ({ ...p, file: ctx.file })));
  return result;
}

/** A problem of a record, at the column it names. */
function located(ctx: PortfolioContext, record: CsvRecord, columnName: string | undefined, message: string): InputProblem {
  const i = columnName ? ctx.binding.indexOf[columnName as keyof typeof loanLineSchema] : undefined;
  return { file: ctx.file, line: record.line, ...(i !== undefined ? { column: i + 1 } : {}), ...(columnName ? { columnName } : {}), message };
}

/** Text read at a time: a slice's records are read as they are amortised. */
const PIECE_CHARS = 1 << 13;

/**
 * The records of a slice's text, read a few at a time as the batch takes
 * them: a whole slice's records (about 1 300 lines), held while it was
 * amortised, outlived the young generation and were copied into the old one
 * for its garbage collector to find later. The reader takes text in any pieces.
 */
function* recordsOf(reader: CsvRecordReader, text: string): Generator<CsvRecord> {
  for (let at = 0; at < text.length; at += PIECE_CHARS) yield* reader.push(text.slice(at, at + PIECE_CHARS));
  yield* reader.end();
}

function emptyResult(problems: InputProblem[]): BatchResult {
  return { bytes: new Uint8Array(0), problems, notes: [], warnings: [], lines: 0, rows: 0, projected: 0, lineIds: [], lineNumbers: [] };
}

/**
 * The options of a line without disbursements (most lines), one object per
 * context, not one per batch: V8 gives an object literal's field the type of
 * its first value, and the literal's second run makes it « any ». Made per
 * batch, that second run came at the start of the second batch, after
 * `amortizeInCentsTo` had been optimised for the first type: its optimised
 * code was thrown away (`node --trace-deopt`: « code dependencies ») and its
 * next 800 lines ran unoptimised until TurboFan compiled it again
 * (docs/performance.md).
 */
const indexOnlyByContext = new WeakMap<PortfolioContext, AmortizeOptions>();
function indexOnlyOptions(ctx: PortfolioContext): AmortizeOptions {
  let options = indexOnlyByContext.get(ctx);
  if (options === undefined) indexOnlyByContext.set(ctx, (options = { index: ctx.index }));
  return options;
}

/**
 * The last batch's reader and row writer, kept until the next batch's
 * replace them. Dead between two batches, they took their hidden classes
 * (V8's maps) with them at a full garbage collection, and every optimised
 * function that checked those maps was thrown away (`node --trace-deopt`:
 * « weak objects »): the reader's, the writer's and `amortizeInCentsTo`,
 * compiled again for 30 to 70 ms each, 2 runs in 3 on the small book of
 * issue 17 (test/loan/batch-maps.test.ts). Nothing is read from here.
 */
const lastOfBatch: { reader?: CsvRecordReader; rowWriter?: CentsRowWriter } = {};

/** One working buffer per thread, reused batch after batch. */
const batchWriter = new ByteWriter(1 << 22);

function indent(text: string, by: string): string {
  return by + text.replace(/\n/g, '\n' + by);
}

/** The json document around the lines' objects: `{ "lines": [ … ] }`. */
export const JSON_DOCUMENT_START = '{\n  "lines": [\n';
export const JSON_DOCUMENT_END = '\n  ]\n}\n';
export const JSON_EMPTY_DOCUMENT = '{\n  "lines": []\n}\n';
