import { createReadStream } from 'node:fs';
import { CsvRecordReader, type CsvRecord, type Separator, recordBoundary } from '../../src/csv/records.js';
import { type TextEncodingName, decodeAs, detectEncoding, hasUtf8Bom } from '../../src/csv/decode.js';
import { InputError } from '../../src/errors.js';

/** A slice of whole records and the line of the file it starts on. */
export interface RecordSlice {
  readonly bytes: Uint8Array;
  readonly firstLine: number;
}

/** The header of a CSV file, its form, and its slices of records as they are read. */
export interface SlicedFile {
  readonly header: CsvRecord | undefined;
  readonly encoding: TextEncodingName;
  readonly separator: Separator;
  readonly slices: AsyncGenerator<RecordSlice>;
}

/** Bytes read at a time: each slice of records is about this size (a few thousand lines). */
const READ_BYTES = 1 << 17;

/**
 * Reads a CSV file as slices of whole records, without decoding or parsing
 * them: the main thread only finds where records end; decoding and reading
 * happen with the amortisation, in worker threads for large files. The
 * header is read here, and the encoding decided on the first bytes (BOM,
 * else valid UTF-8, else Windows-1252), as `decodeBytes` does for a whole file.
 */
export async function sliceFile(path: string, displayName: string, readBytes = READ_BYTES): Promise<SlicedFile> {
  const chunks = readChunks(path, displayName, readBytes);
  let carry: Uint8Array = new Uint8Array(0);
  let done = false;
  let headerEnd: number;
  while ((headerEnd = firstBoundary(carry)) === 0) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      headerEnd = carry.length;
      break;
    }
    carry = concat(carry, next.value);
  }
  const encoding = detectEncoding(carry.subarray(0, Math.min(carry.length, 1 << 16)));
  const bomLength = hasUtf8Bom(carry) ? 3 : 0;
  let headerText: string;
  try {
    headerText = decodeAs(carry.subarray(bomLength, headerEnd), encoding);
  } catch {
    throw new InputError([{ file: displayName, line: 1, message: 'the header is not valid text' }]);
  }
  const reader = new CsvRecordReader();
  const header = [...reader.push(headerText), ...reader.end()][0];
  const separator = reader.detectedSeparator ?? ',';
  const headerLines = countLineBreaks(carry.subarray(0, headerEnd));
  const rest = carry.subarray(headerEnd);

  async function* slices(): AsyncGenerator<RecordSlice> {
    let pending = rest;
    let line = 1 + headerLines;
    const emit = (upTo: number, lines: number): RecordSlice => {
      const slice = { bytes: pending.slice(0, upTo), firstLine: line };
      line += lines;
      pending = pending.subarray(upTo);
      return slice;
    };
    for (;;) {
      const { cut, linesBefore } = recordBoundary(pending);
      if (cut > 0 && (pending.length >= readBytes || done)) yield emit(cut, linesBefore);
      if (done) break;
      const next = await chunks.next();
      if (next.done) done = true;
      else pending = concat(pending, next.value);
    }
    if (pending.length > 0) yield emit(pending.length, 0);
  }
  return { header, encoding, separator, slices: slices() };
}

async function* readChunks(path: string, displayName: string, readBytes: number): AsyncGenerator<Uint8Array> {
  try {
    // A copy of each chunk as a plain Uint8Array: stream Buffers may share a pool, and slices are moved to workers.
    for await (const chunk of createReadStream(path, { highWaterMark: readBytes })) yield new Uint8Array(chunk as Buffer);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot be read (${code ?? String(e)})`;
    throw new InputError([{ file: displayName, message: why }]);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Just after the first line break outside quotes, or 0. */
function firstBoundary(bytes: Uint8Array): number {
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 34) quoted = !quoted;
    else if (bytes[i] === 10 && !quoted) return i + 1;
  }
  return 0;
}

function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  return n;
}
