import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { amortizeFile, bundledLivretA } from '../../node/index.js';
import { amortize } from '../../src/loan/schedule.js';
import { lagOnePublication } from '../../src/loan/lender-check.js';
import { renderSchedules } from '../../src/loan/render.js';
import type { Schedule } from '../../src/loan/types.js';
import { runFinloc, tempDir } from '../helpers/cli.js';

// Issue 14, item 5: `amortize --check LENDER.csv`.

const index = bundledLivretA();
const cdc = amortizeFile('data/examples/cdc-180000.csv', { index })[0]!;
const lenderFile = (schedule: Schedule, name: string, format: 'csv' | 'csv-fr' = 'csv-fr') => {
  const path = join(tempDir(), name);
  writeFileSync(path, renderSchedules([schedule], format));
  return path;
};

describe('finloc amortize --check LENDER.csv', () => {
  test("the golden table 180000 as the lender's (csv-fr, with its « Total » row): every cell agrees, exit 0", async () => {
    // finloc's table of line 5676228 is the contract's to the cent (test/loan/golden-180000.test.ts).
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--check', lenderFile(cdc, 'lender.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('item,declared,recomputed,difference,verdict,note\n');
    expect(r.stderr).toContain("1 line(s), 25 due dates: every cell agrees with the lender's table (5676228)");
  });

  test('one payment typed one cent high: one differing cell, difference = lender − finloc = 0,01, exit 1, no convention found', async () => {
    const text = renderSchedules([cdc], 'csv').replace('5676228,3,2028-10-29,2.30,30214.17', '5676228,3,2028-10-29,2.30,30214.18');
    const path = join(tempDir(), 'lender.csv');
    writeFileSync(path, text);
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--check', path]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toBe('5676228 n° 3 Echéance (en €),30214.18,30214.17,0.01,differs,no documented convention reproduces the line');
  });

  test('a table whose payment was recomputed at every due date from the rounded capital is diagnosed as such', async () => {
    const theirs = amortize(cdc.line, { index, recomputeEachPeriod: true });
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--check', lenderFile(theirs, 'lender.csv'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { tables: { lines: { convention: string; differences: number }[] } };
    expect(json.tables.lines[0]!.differences).toBeGreaterThan(0);
    expect(json.tables.lines[0]!.convention).toBe('payment recomputed at every due date from the rounded remaining capital (instead of carried forward, contract art. 12)');
  });

  test('a table built with the previous Livret A value is diagnosed as such', async () => {
    // Livret A 1,5 % (01/02/2026) instead of 1,7 % (01/08/2026) at the first due date 29/10/2026: rate 2,10 % for 2,30 %.
    const theirs = amortize(cdc.line, { index: lagOnePublication(index) });
    expect(theirs.rows[0]!.ratePct.toFixed(2)).toBe('2.10');
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--check', lenderFile(theirs, 'lender.csv', 'csv'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { tables: { lines: { convention: string }[] } };
    expect(json.tables.lines[0]!.convention).toBe('Livret A value of the previous publication (one publication late)');
  });

  test('bad input: a line the loans file does not have, a due number that is not one', async () => {
    const dir = tempDir();
    const path = join(dir, 'lender.csv');
    writeFileSync(path, 'line_id,number,payment\nX1,1,100.00\n5676228,un,30214.17\n');
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--check', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lender.csv:3:2 (number): expected a due number (1, 2, …) or « Total », got "un"');
    expect(r.stderr).toContain('line_id "X1" (1 due dates) is not in data/examples/cdc-180000.csv');
  });
});
