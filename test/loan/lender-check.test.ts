import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { amortizeFile, bundledLivretA } from '../../node/index.js';
import { amortize } from '../../src/loan/schedule.js';
import { lagOnePublication } from '../../src/loan/lender-check.js';
import { renderSchedules } from '../../src/loan/render.js';
import type { Schedule } from '../../src/loan/types.js';
import { Decimal, roundToCentWith } from '../../src/money/decimal.js';
import { splitPayment } from '../../src/loan/deferred-interest.js';
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

describe('the two last conventions of issue 14 item 5', () => {
  test.each([
    // A tie goes away from zero, or to the even cent.
    ['0.125', 'half-up', '0.13'],
    ['0.125', 'half-even', '0.12'],
    ['0.135', 'half-even', '0.14'],
    ['-0.125', 'half-up', '-0.13'],
    ['-0.125', 'half-even', '-0.12'],
    ['10.0051', 'half-even', '10.01'],
  ] as const)('roundToCentWith(%s, %s) = %s', (x, rounding, expected) => {
    expect(roundToCentWith(new Decimal(x), rounding).toFixed(2)).toBe(expected);
  });

  test('a payment surplus of 70 over interest, capital 50, stock 40: stock first repays 40 then 30; capital first repays 50 then 20', () => {
    const [payment, interest, capital, stock] = ['100', '30', '50', '40'].map((x) => new Decimal(x)) as [Decimal, Decimal, Decimal, Decimal];
    const ours = splitPayment(payment, interest, capital, stock);
    const theirs = splitPayment(payment, interest, capital, stock, 'capital-first');
    expect([ours.amortisation, ours.deferredInterest, ours.stockAfter, ours.payment].map((x) => x.toFixed(2))).toEqual(['30.00', '-40.00', '0.00', '100.00']);
    expect([theirs.amortisation, theirs.deferredInterest, theirs.stockAfter, theirs.payment].map((x) => x.toFixed(2))).toEqual(['50.00', '-20.00', '20.00', '100.00']);
  });

  const loans = (text: string) => {
    const path = join(tempDir(), 'loans.csv');
    writeFileSync(path, text);
    return path;
  };

  test('a table whose half cents went to the even cent is diagnosed as such', async () => {
    // 1 000,50 at 1 %: the first interest is 10,005 exactly: 10,01 away from zero, 10,00 to the even cent.
    const file = loans('line_id,principal,first_due_date,periods,rate_pct\nH,1000.50,2027-01-01,2,1\n');
    const [ours] = amortizeFile(file, { index });
    const theirs = amortize(ours!.line, { index, rounding: 'half-even' });
    expect([ours!.rows[0]!.interest.toFixed(2), theirs.rows[0]!.interest.toFixed(2)]).toEqual(['10.01', '10.00']);
    const r = await runFinloc(['amortize', file, '--check', lenderFile(theirs, 'lender.csv'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { tables: { lines: { convention: string }[] } };
    expect(json.tables.lines[0]!.convention).toBe('half cents rounded to the even cent (« arrondi bancaire ») instead of away from zero');
  });

  test('a table whose payments repaid the capital before the deferred interest is diagnosed as such', async () => {
    // 10 000 at 5 %, payments growing 8 % a year: the first payment, 10 000 × (0,05 − 0,08) / (1 − (1,08/1,05)^20) = 396,…,
    // is below the first interest (500,00): interest is deferred, then repaid when the payments overtake it.
    const file = loans('line_id,principal,first_due_date,periods,rate_pct,progressivity_pct\nS,10000,2027-01-01,20,5,8\n');
    const [ours] = amortizeFile(file, { index });
    expect(ours!.rows[0]!.deferredInterest.greaterThan(0)).toBe(true);
    const theirs = amortize(ours!.line, { index, surplusOrder: 'capital-first' });
    const r = await runFinloc(['amortize', file, '--check', lenderFile(theirs, 'lender.csv'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { tables: { lines: { convention: string; differences: number }[] } };
    expect(json.tables.lines[0]!.differences).toBeGreaterThan(0);
    expect(json.tables.lines[0]!.convention).toBe('payment surplus repaying the capital before the stock of deferred interest');
  });
});
