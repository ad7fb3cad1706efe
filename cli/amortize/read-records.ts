import { createReadStream } from 'node:fs';
import { CsvRecordReader, type CsvRecord } from '../../src/csv/records.js';
import { decodeWindows1252, detectEncoding, hasUtf8Bom } from '../../src/csv/decode.js';
import { InputError } from '../../src/errors.js';

/**
 * Streams the CSV records of a file, a chunk at a time, so that memory does
 * not grow with the file. The encoding is decided on the first chunk (BOM,
 * else valid UTF-8, else Windows-1252), as `decodeBytes` does for whole files.
 */
export async function* streamRecords(path: string, displayName: string): AsyncGenerator<CsvRecord[]> {
  const reader = new CsvRecordReader();
  let decode: ((chunk: Uint8Array) => string) | undefined;
  let utf8: TextDecoder | undefined;
  const stream = createReadStream(path, { highWaterMark: 1 << 18 });
  try {
    for await (const raw of stream) {
      let chunk = raw as Buffer;
      if (!decode) {
        if (detectEncoding(chunk) === 'utf-8') {
          if (hasUtf8Bom(chunk)) chunk = chunk.subarray(3);
          utf8 = new TextDecoder('utf-8', { fatal: true });
          decode = (c) => utf8!.decode(c, { stream: true });
        } else {
          decode = decodeWindows1252;
        }
      }
      let text: string;
      try {
        text = decode(chunk);
      } catch {
        throw new InputError([{ file: displayName, message: 'not valid UTF-8 past its first megabyte; save the file as UTF-8 or Windows-1252 throughout' }]);
      }
      const records = reader.push(text);
      if (records.length > 0) yield records;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot be read (${code ?? String(e)})`;
    throw new InputError([{ file: displayName, message: why }]);
  }
  const tail = (utf8 ? utf8.decode() : '') as string;
  const last = [...(tail ? reader.push(tail) : []), ...reader.end()];
  if (reader.unterminatedQuoteLine !== undefined) {
    throw new InputError([{ file: displayName, line: reader.unterminatedQuoteLine, message: 'a quoted field is never closed (missing ")' }]);
  }
  if (last.length > 0) yield last;
}
