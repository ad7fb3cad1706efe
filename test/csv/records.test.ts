import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { BoundaryScanner, CsvRecordReader, MAX_RECORD_CHARS, detectSeparator, readCsvRecords, readerProblems, recordBoundary } from '../../src/csv/records.js';
import { formatProblem } from '../../src/errors.js';
import { csvLine } from '../../src/csv/write.js';
import { decodeBytes } from '../../src/csv/decode.js';

describe('CSV records', () => {
  test('separator: `;` wins, then tab, then `,`', () => {
    expect(detectSeparator('a;b,c')).toBe(';');
    expect(detectSeparator('a\tb')).toBe('\t');
    expect(detectSeparator('"a;b",c')).toBe(',');
  });
  test('quotes, doubled quotes, CRLF, blank lines; each record knows its first line', () => {
    const { records, separator } = readCsvRecords('a;b\r\n"x;1";"say ""hi"""\r\n\r\n"multi\nline";2\n3;4');
    expect(separator).toBe(';');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x;1', 'say "hi"'] },
      { line: 4, fields: ['multi\nline', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });
  test('an unclosed quote is reported with its line', () => {
    expect(readCsvRecords('a,b\n1,"oops\n2,3\n').unterminatedQuoteLine).toBe(2);
  });
  test('UTF-8 with BOM and Windows-1252 read the same', () => {
    const text = 'bénéficiaire;montant\nAssociation des Écoles;1 234,56 €\n';
    const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const cp1252 = Buffer.from(text.replace('€', '\x80'), 'latin1');
    expect(decodeBytes(utf8Bom)).toBe(text);
    expect(decodeBytes(cp1252)).toBe(text);
  });
  const field = fc.string({ unit: fc.constantFrom('a', 'é', ';', ',', '"', '\n', ' ', '1') , maxLength: 6 });
  prop.prop([fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 10 })])(
    'what csvLine writes reads back the same, however the text is cut into chunks',
    (rows, cuts) => {
      const body = rows.filter((r) => !(r[0] === '' && r[1] === '')).map((r) => csvLine(r, ';')).join('');
      const text = 'h1;h2\n' + body;
      const reader = new CsvRecordReader();
      const got = [];
      let pos = 0;
      for (const c of cuts) {
        got.push(...reader.push(text.slice(pos, pos + c)));
        pos += c;
      }
      got.push(...reader.push(text.slice(pos)), ...reader.end());
      expect(got.map((r) => r.fields)).toEqual(readCsvRecords(text).records.map((r) => r.fields));
      expect(got.slice(1).map((r) => r.fields)).toEqual(rows.filter((r) => !(r[0] === '' && r[1] === '')).filter((r) => !(r.length === 2 && csvLine(r, ';').trim() === '')));
    },
  );

  test('blank lines before the header do not decide the separator', () => {
    const { records, separator } = readCsvRecords('\n  \n;;;\nnom;montant\nA;1\n');
    expect(separator).toBe(';');
    expect(records.map((r) => r.line)).toEqual([3, 4, 5]);
  });
  test('a record over the limit stops the reading, located, with a short message', () => {
    const long = 'x'.repeat(MAX_RECORD_CHARS + 10);
    const header = readCsvRecords(long);
    expect(header.records).toEqual([]);
    expect(readerProblems(header).map((p) => formatProblem(p))).toEqual(['line 1: a line of more than 1 048 576 characters: not a CSV table']);
    const body = readCsvRecords('a;b\n1;2\n3;' + long + '\n4;5\n');
    expect(body.records.map((r) => r.line)).toEqual([1, 2]);
    expect(readerProblems(body).map((p) => formatProblem(p))).toEqual(['line 3: a line of more than 1 048 576 characters: not a CSV table']);
    const quoted = readCsvRecords('a;b\n1;"never closed\n' + 'y\n'.repeat(MAX_RECORD_CHARS / 2));
    expect(readerProblems(quoted).map((p) => formatProblem(p))).toEqual([
      'line 2: a quoted field opened on this line runs over 1 048 576 characters: a closing quote (") is missing?',
    ]);
  });
  test('a record just under the limit is read', () => {
    const cell = 'x'.repeat(MAX_RECORD_CHARS - 10);
    const r = readCsvRecords('a;b\n1;' + cell + '\n');
    expect(r.records[1]!.fields[1]!.length).toBe(cell.length);
    expect(readerProblems(r)).toEqual([]);
  });
  test('reading is linear in the length of a line, however it comes in chunks (5 s noted, 20 s guard: the machine is noisy)', () => {
    // Before: the whole held text was scanned again on each chunk of a line not yet complete.
    const t0 = Date.now();
    const reader = new CsvRecordReader();
    const chunk = 'a;'.repeat(512);
    const records = [];
    for (let i = 0; i < 1000; i++) records.push(...reader.push(chunk)); // 1 MB header line in 1 000 chunks, 512 000 fields
    records.push(...reader.push('\n' + '1;'.repeat(300000) + '\n'), ...reader.end());
    expect(records[0]!.fields.length).toBe(512001);
    expect(records[1]!.fields.length).toBe(300001);
    // a one-column file: each line's search for a separator must not run to the end of the text
    const oneColumn = readCsvRecords('id\n' + 'A\n'.repeat(300000), ';');
    expect(oneColumn.records.length).toBe(300001);
    expect(Date.now() - t0).toBeLessThan(20000);
  });
  prop.prop([fc.array(fc.constantFrom('a', '"', '\n', ';', 'é'), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 8 })])(
    'boundaries found as the bytes come are those of the whole bytes',
    (chars, cuts) => {
      const bytes = Buffer.from(chars.join(''), 'utf8');
      const scanner = new BoundaryScanner();
      let held = new Uint8Array(0);
      let pos = 0;
      let line = 0;
      const cutsFound: number[] = [];
      let taken = 0;
      for (const c of [...cuts, bytes.length]) {
        const next = bytes.subarray(pos, Math.min(bytes.length, pos + c));
        pos += next.length;
        held = Buffer.concat([held, next]);
        scanner.scan(held);
        const b = scanner.boundary;
        if (b.cut > 0) {
          taken += b.cut;
          cutsFound.push(taken);
          line += b.linesBefore;
          held = held.subarray(b.cut);
          scanner.take();
        }
      }
      const whole = recordBoundary(bytes);
      expect(cutsFound.length > 0 ? cutsFound[cutsFound.length - 1] : 0).toBe(whole.cut);
      expect(line).toBe(whole.linesBefore);
    },
  );
});

