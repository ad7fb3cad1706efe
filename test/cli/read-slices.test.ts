import { readdirSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { sliceFile } from '../../cli/amortize/read-slices.js';
import { CsvRecordReader, readCsvRecords } from '../../src/csv/records.js';
import { decodeAs } from '../../src/csv/decode.js';
import { csvLine } from '../../src/csv/write.js';
import { InputError, formatProblem } from '../../src/errors.js';
import { tempDir, writeFile } from '../helpers/cli.js';

/** The header and every record of a sliced file, read as the workers read them. */
async function recordsOf(path: string, readBytes?: number) {
  const sliced = await sliceFile(path, 'f.csv', readBytes);
  const records = sliced.header ? [sliced.header] : [];
  for await (const slice of sliced.slices) {
    const reader = new CsvRecordReader(sliced.separator, slice.firstLine);
    records.push(...reader.push(decodeAs(slice.bytes, sliced.encoding)), ...reader.end());
  }
  return { records, encoding: sliced.encoding, separator: sliced.separator };
}

/** The problems a sliced file is refused with, formatted. */
async function refusal(path: string, readBytes?: number): Promise<string[]> {
  try {
    await recordsOf(path, readBytes);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected a refusal');
}

const encode = {
  utf8: (s: string) => Buffer.from(s, 'utf8'),
  bom: (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
  cp1252: (s: string) => Buffer.from(s.replace(/€/g, '\x80'), 'latin1'),
  utf16le: (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]),
  utf16be: (s: string) => {
    const b = Buffer.from(s, 'utf16le');
    for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
  },
};

describe('slicing a file into whole records for the worker threads', () => {
  const dir = tempDir();
  const field = fc.string({ unit: fc.constantFrom('a', 'é', ';', '"', '\n', '€', '1'), maxLength: 5 });
  test.prop([fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 64 }), fc.constantFrom(...Object.keys(encode))], {
    numRuns: 100,
  })('the slices, read from their first lines, give the records of the whole file, lines included, in every encoding', async (rows, readBytes, form) => {
    const text = 'h1;h2\n' + rows.map((r) => csvLine(r, ';')).join('');
    const bytes = encode[form as keyof typeof encode](text);
    // Windows-1252 bytes that happen to be valid UTF-8 (« é€€ » is E9 80 80, U+9000) are UTF-8: the rule's one blind spot.
    if (form === 'cp1252' && text.includes('é€€')) return;
    const path = writeFile(dir, 'f.csv', bytes);
    expect((await recordsOf(path, readBytes)).records).toEqual(readCsvRecords(text).records);
  });

  test('every descriptor is closed: after the last slice, and when the slices are left midway with a read ahead in flight', async () => {
    const dir = tempDir();
    const path = writeFile(dir, 'f.csv', 'a,b\n' + Array.from({ length: 300 }, (_, i) => `${i},x\n`).join(''));
    const descriptors = () => readdirSync('/proc/self/fd').length;
    const before = descriptors();
    expect((await recordsOf(path, 64)).records).toHaveLength(301);
    expect(descriptors()).toBe(before);
    const sliced = await sliceFile(path, 'f.csv', 64);
    expect((await sliced.slices.next()).done).toBe(false);
    expect(descriptors()).toBe(before + 1);
    await sliced.slices.return(undefined);
    expect(descriptors()).toBe(before);
  });
  test('a Windows-1252 file whose first accented letter comes after 64 KB is read as Windows-1252', async () => {
    const text = 'line_id;principal\n' + 'A;1000\n'.repeat(30000) + 'Crédit €;5\n';
    const path = writeFile(dir, 'late.csv', encode.cp1252(text));
    const { records, encoding } = await recordsOf(path);
    expect(encoding).toBe('windows-1252');
    expect(records[records.length - 1]).toEqual({ line: 30002, fields: ['Crédit €', '5'] });
  });

  test('a UTF-16 « Texte Unicode » export (tab-separated) is read as UTF-8 slices', async () => {
    const text = 'N° de la ligne\tCapital\r\n5676228\t569 627,00\r\nÉcole\t1\r\n';
    const { records, encoding, separator } = await recordsOf(writeFile(dir, 'u16.txt', encode.utf16le(text)));
    expect([encoding, separator]).toEqual(['utf-8', '\t']);
    expect(records).toEqual(readCsvRecords(text).records);
  });

  test('a stray byte, an undefined Windows-1252 byte: refused before any slice, located in the file', async () => {
    const stray = Buffer.concat([encode.utf8('nom;montant\n' + 'Crédit;1\n'.repeat(20000) + 'Caf'), Buffer.from([0xe9]), encode.utf8(';2\n')]);
    expect(await refusal(writeFile(dir, 'stray.csv', stray))).toEqual(['f.csv:20002:4: not valid UTF-8: byte 0xE9; save the file as UTF-8 or Windows-1252']);
    const undefinedByte = Buffer.concat([encode.cp1252('nom;montant\nCafé;1\n'), Buffer.from([0x9d]), encode.cp1252(';2\n')]);
    expect(await refusal(writeFile(dir, 'undef.csv', undefinedByte))).toEqual([
      'f.csv:3:1: byte 0x9D is neither UTF-8 nor Windows-1252 text; save the file as UTF-8 or Windows-1252',
    ]);
  });

  // Chunks of plain ASCII are skipped by Node's native test without counting lines (cli/plain-ascii.ts): the file is
  // scanned again to say where its bad byte is.
  test('a bad byte after chunks of plain ASCII is located as in a file read byte by byte', async () => {
    const lines = 'nom;montant\n' + 'Dupont;1\n'.repeat(30000);
    const control = Buffer.concat([encode.utf8(lines + 'Ca'), Buffer.from([0x07]), encode.utf8('f;2\n')]);
    expect(await refusal(writeFile(dir, 'control.csv', control))).toEqual(['f.csv:30002:3: control character U+0007 where text was expected']);
    const stray = Buffer.concat([encode.utf8(lines + 'Crédit;3\nCaf'), Buffer.from([0xe9]), encode.utf8(';2\n')]);
    expect(await refusal(writeFile(dir, 'stray-late.csv', stray))).toEqual(['f.csv:30003:4: not valid UTF-8: byte 0xE9; save the file as UTF-8 or Windows-1252']);
  });

  // A pipe gives its bytes once: the encoding pass and the slices must both read them (`finloc amortize /dev/stdin`,
  // `<(…)`). Read twice, the slices found nothing: « the file is empty ».
  test('a pipe is read once: the same records, encoding and refusals as the file itself', async () => {
    const throughPipe = async (name: string, bytes: Buffer, read: (path: string) => Promise<unknown>) => {
      const file = writeFile(dir, name, bytes);
      const fifo = join(tempDir(), `${name}.fifo`);
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      // The writer then keeps opening the pipe and closing it: a second reader would find it empty, not wait forever.
      const writer = spawn('sh', ['-c', 'cat "$1" > "$2"; while :; do : > "$2"; done', 'sh', file, fifo]);
      try {
        return await read(fifo);
      } finally {
        writer.kill();
      }
    };
    const text = 'line_id;principal\n' + 'A;1000\n'.repeat(30000) + 'Crédit €;5\n';
    const piped = (await throughPipe('late.csv', encode.cp1252(text), (p) => recordsOf(p, 4096))) as Awaited<ReturnType<typeof recordsOf>>;
    expect(piped.encoding).toBe('windows-1252');
    expect(piped.records).toEqual(readCsvRecords(text).records);
    const stray = Buffer.concat([encode.utf8('nom;montant\n' + 'Crédit;1\n'.repeat(20000) + 'Caf'), Buffer.from([0xe9]), encode.utf8(';2\n')]);
    expect(await throughPipe('stray.csv', stray, (p) => refusal(p))).toEqual(['f.csv:20002:4: not valid UTF-8: byte 0xE9; save the file as UTF-8 or Windows-1252']);
  });

  test('blank lines before the header are skipped; the header keeps its line', async () => {
    const text = ';;;\r\n\r\nh1;h2\r\na;b\r\n';
    const { records } = await recordsOf(writeFile(dir, 'blank.csv', text));
    expect(records).toEqual([
      { line: 3, fields: ['h1', 'h2'] },
      { line: 4, fields: ['a', 'b'] },
    ]);
  });

  test('a header, or a record, of 20 MB with no line break is refused after its first megabytes, with a short message', async () => {
    const t0 = Date.now();
    const header = writeFile(dir, 'long-header.csv', Buffer.alloc(20 << 20, 'x;'));
    expect(await refusal(header)).toEqual(['f.csv:1: a line of more than 1 048 576 characters: not a CSV table']);
    const record = writeFile(dir, 'long-record.csv', Buffer.concat([encode.utf8('h1;h2\na;b\n'), Buffer.alloc(20 << 20, 'y')]));
    expect(await refusal(record)).toEqual(['f.csv:3: a line of more than 1 048 576 characters: not a CSV table']);
    const quote = writeFile(dir, 'open-quote.csv', Buffer.concat([encode.utf8('h1;h2\na;"b\n'), Buffer.alloc(20 << 20, 'z\n')]));
    expect(await refusal(quote)).toEqual(['f.csv:2: a quoted field opened on this line runs over 1 048 576 characters: a closing quote (") is missing?']);
    expect(Date.now() - t0).toBeLessThan(20000);
  });
});
