import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { CsvRecordReader, detectSeparator, readCsvRecords } from '../../src/csv/records.js';
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
});
