import { closeSync, fstatSync, openSync, read as readLater, readFileSync, readSync } from 'node:fs';
import { BoundaryScanner, CsvRecordReader, type CsvRecord, MAX_RECORD_BYTES, type Separator, readerProblems, tooLongProblem } from '../../src/csv/records.js';
import { type EncodingVerdict, EncodingScanner, type FileEncoding, type TextEncodingName, decodeAs } from '../../src/csv/decode.js';
import { allPlainAscii } from '../plain-ascii.js';
import { eventLoopTurns } from '../event-loop.js';
import { lineKind } from '../../src/csv/table.js';
import { InputError, type InputProblem } from '../../src/errors.js';
import { workbookTextFor } from '../workbooks.js';

/** A slice of whole records and the line of the file it starts on. */
export interface RecordSlice {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
}

/** The header of a CSV file, its form, and its slices of records as they are read. */
export interface SlicedFile {
  readonly header: CsvRecord | undefined;
  /** How the slices' bytes are decoded: a UTF-16 file is re-encoded as UTF-8 as it is read. */
  readonly encoding: TextEncodingName;
  readonly separator: Separator;
  readonly slices: AsyncGenerator<RecordSlice>;
}

/**
 * Bytes read at a time: each slice of records is about this size (about 600
 * lines of a portfolio). Its output, about 1,8 MB of csv, fits the 4 MB
 * buffer a worker writes into; slices of 128 KiB gave 3,7 MB on average, so
 * that half the buffers doubled to 8 MB and stayed so (docs/performance.md).
 */
const READ_BYTES = 1 << 16;

/**
 * The same for a run written as JSON: its tables (indented objects, each
 * line's summary and index values) take about five times the bytes of their
 * csv, so that a 64 KiB slice gave 9 to 10 MB, buffers doubled to 16 MB and a
 * 1 000 000-line run peaked at 270 MB; a quarter of the slice fits the same
 * 4 MB buffer (docs/performance.md).
 */
export const JSON_READ_BYTES = 1 << 14;

/**
 * Reads a CSV file (or a workbook's sheet, as CSV text) as slices of whole records, without decoding or parsing
 * them: the main thread only finds where records end; decoding and reading
 * happen with the amortisation, in worker threads for large files.
 *
 * The encoding is decided first, on the whole file (a pass over its bytes,
 * in constant memory), as `decodeText` does for a file read whole: a
 * Windows-1252 file whose first accented letter comes after megabytes of
 * ASCII is read as Windows-1252, and a file with a bad byte is refused
 * before anything is written. Then the header is read here, blank lines
 * before it skipped. Every byte is scanned once; a record longer than
 * MAX_RECORD_BYTES is refused where it starts, so that a file of one huge
 * line costs a few megabytes and a short message.
 */
export async function sliceFile(path: string, displayName: string, readBytes = READ_BYTES): Promise<SlicedFile> {
  const located = (p: InputProblem) => new InputError([{ file: displayName, ...p }]);
  // A workbook's sheet comes as CSV text whose line n is row n (cli/workbooks.ts): the same slices, batches and output.
  const sheet = await workbookTextFor(path, displayName);
  // A pipe (`/dev/stdin`, a shell's `<(…)`) can be read only once, and both passes read it: its bytes are held.
  const held = sheet !== undefined ? new TextEncoder().encode(sheet) : pipeBytes(path, displayName);
  const scanSize = Math.max(readBytes, 1 << 16);
  const verdict =
    sheet !== undefined
      ? ({ ok: true, encoding: 'utf-8', bomLength: 0 } as const)
      : await scanEncoding(held ? () => piecesOf(held, scanSize) : () => readChunksNow(path, displayName, scanSize));
  if (!verdict.ok) throw located(verdict.problem);
  const utf16 = verdict.encoding === 'utf-16le' || verdict.encoding === 'utf-16be';
  const encoding: TextEncodingName = utf16 ? 'utf-8' : (verdict.encoding as TextEncodingName);
  const raw = held ? chunksOf(held, readBytes) : readChunks(path, displayName, readBytes);
  const chunks = utf16 ? asUtf8(raw, verdict.encoding) : raw;

  const queue = new ByteQueue();
  let done = false;
  const more = async (): Promise<boolean> => {
    const next = await chunks.next();
    if (next.done) done = true;
    else queue.append(next.value);
    return !next.done;
  };
  let line = 1;
  if (!utf16 && verdict.bomLength > 0) {
    while (queue.length < verdict.bomLength && (await more()));
    queue.consume(Math.min(verdict.bomLength, queue.length));
  }

  // The header: the first line that is not blank.
  let header: CsvRecord | undefined;
  let separator: Separator = ',';
  let scanned = 0;
  let quoted = false;
  for (;;) {
    const bytes = queue.bytes;
    let end = -1;
    for (let i = scanned; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === 34) quoted = !quoted;
      else if (b === 10 && !quoted) {
        end = i + 1;
        break;
      }
    }
    if (end < 0) {
      scanned = bytes.length;
      if (bytes.length > MAX_RECORD_BYTES) throw located(tooLongProblem(line, quoted));
      if (await more()) continue;
      if (bytes.length === 0) break;
      end = bytes.length;
    }
    if (isBlankLine(bytes, end)) {
      line += countLineBreaks(bytes, end);
      queue.consume(end);
      scanned = 0;
      continue;
    }
    let text: string;
    try {
      text = decodeAs(bytes.subarray(0, end), encoding);
    } catch {
      throw located({ line, message: 'the header is not valid text' });
    }
    const reader = new CsvRecordReader(undefined, line);
    const record = [...reader.push(text), ...reader.end()][0];
    const problems = readerProblems(reader);
    if (problems.length > 0) throw new InputError(problems.map((p) => ({ file: displayName, ...p })));
    line += countLineBreaks(bytes, end);
    queue.consume(end);
    scanned = 0;
    quoted = false;
    if (record !== undefined && lineKind(record) !== 'blank') {
      header = record;
      separator = reader.detectedSeparator ?? ',';
      break;
    }
  }

  async function* slices(): AsyncGenerator<RecordSlice> {
    const scanner = new BoundaryScanner();
    const emit = (upTo: number, lines: number): RecordSlice => {
      const slice = { bytes: queue.bytes.slice(0, upTo), firstLine: line };
      line += lines;
      queue.consume(upTo);
      return slice;
    };
    try {
      for (;;) {
        scanner.scan(queue.bytes);
        const { cut, linesBefore } = scanner.boundary;
        if (cut > 0 && (queue.length >= readBytes || done)) {
          const slice = emit(cut, linesBefore);
          scanner.take();
          yield slice;
        }
        if (scanner.pending > MAX_RECORD_BYTES) throw located(tooLongProblem(line + scanner.boundary.linesBefore, scanner.inQuotes));
        if (done) break;
        await more();
      }
      if (queue.length > 0) yield emit(queue.length, 0);
    } finally {
      // Slices left before the end (a run that fails midway) close the file now, a read in flight first.
      await chunks.return(undefined);
    }
  }
  return { header, encoding, separator, slices: slices() };
}

/**
 * The first pass: the file's encoding, decided on all its bytes, chunks of
 * plain ASCII skipped by Node's native test. A file with a bad byte is
 * scanned again byte by byte, which counts lines, to say where it is.
 *
 * Read synchronously, into one buffer: nothing but signals need be heard
 * meanwhile (no line is amortised before the verdict), and they are, every
 * 100 ms (cli/event-loop.ts). A read through the thread pool cost about
 * 0,4 ms of waiting a chunk, 12 of the 16 ms this pass took on a file of
 * 2 MB once the native test had made the scan itself 2 ms
 * (docs/performance.md).
 */
async function scanEncoding(chunks: () => Iterable<Uint8Array>): Promise<EncodingVerdict> {
  // A file of gigabytes, or one not yet in the system's cache, takes seconds: signals are heard meanwhile.
  const turn = eventLoopTurns();
  const scan = async (scanner: EncodingScanner) => {
    for (const chunk of chunks()) {
      scanner.push(chunk);
      await turn();
    }
    return scanner.finish();
  };
  const verdict = await scan(new EncodingScanner({ allPlainAscii }));
  return verdict.ok || verdict.located ? verdict : scan(new EncodingScanner());
}

/** A UTF-16 file's chunks as UTF-8 bytes (the byte-order mark dropped; a character cut between chunks waits for the next). */
async function* asUtf8(chunks: AsyncGenerator<Uint8Array>, encoding: FileEncoding): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield encoder.encode(text);
  }
  const last = decoder.decode();
  if (last.length > 0) yield encoder.encode(last);
}

/** Bytes held in memory, in chunks as a file's would come. */
function* piecesOf(bytes: Uint8Array, readBytes: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += readBytes) yield bytes.subarray(at, Math.min(bytes.length, at + readBytes));
}

async function* chunksOf(bytes: Uint8Array, readBytes: number): AsyncGenerator<Uint8Array> {
  yield* piecesOf(bytes, readBytes);
}

/**
 * The whole content of an input that is neither a file nor a folder (a pipe,
 * a terminal), read once; undefined for a file, which is read twice from its
 * descriptor. Read twice, a pipe gave its bytes to the encoding pass and
 * nothing to the slices: « the file is empty ».
 */
function pipeBytes(path: string, displayName: string): Uint8Array | undefined {
  const fd = openFile(path, displayName);
  try {
    const stat = fstatSync(fd);
    return stat.isFile() || stat.isDirectory() ? undefined : readFileSync(fd);
  } catch (e) {
    throw unreadableFile(displayName)(e);
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's bytes, `readBytes` at a time, each chunk a fresh array (slices are moved to worker threads). Read
 * with `fs.read` on a descriptor, in libuv's thread pool, one chunk ahead: the next chunk is read while the
 * caller works on this one (in a one-thread run, while a batch is amortised), where waiting for each read
 * cost 17 to 60 ms of a 0,5 s run on a file of 2 MB, and a read stream 5 to 20 ms more (docs/performance.md).
 */
async function* readChunks(path: string, displayName: string, readBytes: number): AsyncGenerator<Uint8Array> {
  const unreadable = unreadableFile(displayName);
  const fd = openFile(path, displayName);
  const next = () =>
    new Promise<Uint8Array>((resolve, reject) => {
      const chunk = new Uint8Array(readBytes);
      readLater(fd, chunk, 0, readBytes, null, (e, n) => (e ? reject(unreadable(e)) : resolve(n === readBytes ? chunk : chunk.subarray(0, n))));
    });
  let ahead = next();
  try {
    for (;;) {
      const chunk = await ahead;
      if (chunk.length === 0) return;
      ahead = next();
      yield chunk;
    }
  } finally {
    // A read still in the thread pool must not find the descriptor closed, or reused by a file opened meanwhile.
    await ahead.catch(() => undefined);
    closeSync(fd);
  }
}

/** The file's bytes, `readBytes` at a time, read synchronously into one buffer: each chunk is valid until the next. */
function* readChunksNow(path: string, displayName: string, readBytes: number): Generator<Uint8Array> {
  const fd = openFile(path, displayName);
  const buffer = new Uint8Array(readBytes);
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, readBytes, null);
      } catch (e) {
        throw unreadableFile(displayName)(e);
      }
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

function openFile(path: string, displayName: string): number {
  try {
    return openSync(path, 'r');
  } catch (e) {
    throw unreadableFile(displayName)(e);
  }
}

/** The refusal of a file that cannot be read, named as the user named it. */
function unreadableFile(displayName: string): (e: unknown) => InputError {
  return (e) => {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot be read (${code ?? String(e)})`;
    return new InputError([{ file: displayName, message: why }]);
  };
}

/**
 * Bytes read and not yet cut off, in one growing buffer: appending copies
 * each byte once (amortised), where concatenating the held bytes with each
 * new chunk would copy a long record again and again.
 */
class ByteQueue {
  private store = new Uint8Array(1 << 16);
  private start = 0;
  private end = 0;

  get length(): number {
    return this.end - this.start;
  }

  /** The bytes held (a view: valid until the next append or consume). */
  get bytes(): Uint8Array {
    return this.store.subarray(this.start, this.end);
  }

  append(chunk: Uint8Array): void {
    if (this.end + chunk.length > this.store.length) {
      const live = this.length;
      if (live + chunk.length <= this.store.length / 2) this.store.copyWithin(0, this.start, this.end);
      else {
        const grown = new Uint8Array(Math.max(this.store.length * 2, live + chunk.length));
        grown.set(this.bytes);
        this.store = grown;
      }
      this.start = 0;
      this.end = live;
    }
    this.store.set(chunk, this.end);
    this.end += chunk.length;
  }

  consume(n: number): void {
    this.start += n;
    if (this.start === this.end) this.start = this.end = 0;
  }
}

/** A line of nothing but spaces, tabs and separators: what a spreadsheet writes for an empty row. */
function isBlankLine(bytes: Uint8Array, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a && b !== 0x3b && b !== 0x2c) return false;
  }
  return true;
}

function countLineBreaks(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 10) n++;
  return n;
}
