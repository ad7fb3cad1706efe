import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { sliceFile } from '../../cli/amortize/read-slices.js';
import { CsvRecordReader, readCsvRecords } from '../../src/csv/records.js';
import { decodeAs } from '../../src/csv/decode.js';
import { csvLine } from '../../src/csv/write.js';
import { tempDir, writeFile } from '../helpers/cli.js';

describe('slicing a file into whole records for the worker threads', () => {
  const dir = tempDir();
  const field = fc.string({ unit: fc.constantFrom('a', 'é', ';', '"', '\n', '€', '1'), maxLength: 5 });
  test.prop([fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 64 }), fc.boolean()], { numRuns: 60 })(
    'the slices, read from their first lines, give the records of the whole file, lines included',
    async (rows, readBytes, bom) => {
      const text = 'h1;h2\n' + rows.map((r) => csvLine(r, ';')).join('');
      const path = writeFile(dir, 'f.csv', Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]));
      const sliced = await sliceFile(path, 'f.csv', readBytes);
      const records = [sliced.header!];
      for await (const slice of sliced.slices) {
        const reader = new CsvRecordReader(sliced.separator, slice.firstLine);
        records.push(...reader.push(decodeAs(slice.bytes, sliced.encoding)), ...reader.end());
      }
      expect(records).toEqual(readCsvRecords(text).records);
    },
  );
});
