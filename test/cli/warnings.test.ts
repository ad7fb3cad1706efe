import { describe, expect, test } from 'vitest';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

// Issue 11, item 5: plausibility warnings on stderr, `finloc: warning: FILE:LINE:COLUMN (column): …`,
// exit 0, figures unchanged; `--no-warnings` mutes them and nothing else.

const HEADER = 'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision';
/** Line 5676228 of CDC contract n° 180000, with another rate_pct. */
const cdc = (rate: string) => `${HEADER}\n5676228,569627.00,2026-10-29,25,annual,livret_a,0.6,${rate},DL\n`;

/** Runs the command with and without --no-warnings: the same stdout and status, and no warning when muted. */
async function bothWays(args: string[]) {
  const loud = await runFinloc(args);
  const muted = await runFinloc(['--no-warnings', ...args]);
  expect(muted.code).toBe(loud.code);
  expect(muted.stdout).toBe(loud.stdout);
  expect(muted.stderr).not.toContain('warning');
  return loud;
}

describe('amortize: plausibility warnings', () => {
  test('a rate typed as a fraction (0,023 for 2,3 %) on a Livret A + 0,6 % DL line: « did you mean 2,3 %? », the table as computed', async () => {
    const dir = tempDir();
    const r = await bothWays(['amortize', writeFile(dir, 'loans.csv', cdc('0.023'))]);
    expect(r.code).toBe(0);
    // Livret A in force on 29/10/2025 (start of the amortisation phase, one year before the first due date): 1,7 % (from 01/08/2025);
    // 1,7 + 0,6 = 2,3; |0,023 − 2,3| = 2,277 > 1 point; 0,023 × 100 = 2,3 fits.
    expect(r.stderr).toMatch(
      /finloc: warning: .*loans\.csv:2:8 \(rate_pct\): rate 0,023 % is 2,277 points from Livret A 1,7 % \(in force on 29\/10\/2025, start of the amortisation phase\) \+ margin 0,6 % = 2,3 %; did you mean 2,3 %\?/,
    );
    // The figure is not changed: issue 11's first payment with I = 0,023 % (the DL progressivity uses I), not the contract's 30 214,17.
    expect(r.stdout.split('\n')[1]).toBe('5676228,1,2026-10-29,2.30,23373.52,10272.10,13101.42,0.00,559354.90,0.00');
  });

  test('the contract itself (2,3 %) gets no warning', async () => {
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('warning');
  });

  test('a rate 0,9 point from index + margin is no warning; 1,5 points is one, with no guess', async () => {
    const dir = tempDir();
    const near = await runFinloc(['amortize', writeFile(dir, 'near.csv', cdc('3.2'))]);
    expect(near.stderr).not.toContain('warning');
    const far = await runFinloc(['amortize', writeFile(dir, 'far.csv', cdc('3.8'))]);
    expect(far.code).toBe(0);
    expect(far.stderr).toContain('(rate_pct): rate 3,8 % is 1,5 points from Livret A 1,7 %');
    expect(far.stderr).toContain('check rate_pct and margin_pct');
  });

  test('a fixed rate of 345 % on 1,2 M€: a warning, and the 82,8 M€ of interest as computed', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'loans.csv', 'line_id,principal,first_due_date,periods,rate_pct\nF1,1200000,2027-01-01,20,345\n');
    const r = await bothWays(['amortize', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/finloc: warning: .*loans\.csv:2:5 \(rate_pct\): annual rate 345 % is above 20 %; did you mean 3,45 %\?/);
    // 1 200 000 × 3,45 = 4 140 000 of interest a year; E = B·t/(1 − 4,45^−20) rounds to 4 140 000,00: the capital is repaid
    // with the last due date; 20 × 4 140 000 = 82 800 000,00 of interest.
    expect(JSON.parse(r.stdout).lines[0].summary.total_interest).toBe('82800000.00');
  });

  test('a margin outside −2 % … +5 %, a principal under 100 €, a line of more than 80 years, a principal over 10 billion €', async () => {
    const dir = tempDir();
    const file = writeFile(
      dir,
      'loans.csv',
      `${HEADER}\nA,50,2027-01-01,100,annual,livret_a,6,7.7,SR\nB,10000000000.01,2027-01-01,20,annual,none,0,3,none\nC,100,2027-01-01,960,monthly,none,0,3,none\n`,
    );
    const r = await bothWays(['amortize', file]);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/loans\.csv:2:7 \(margin_pct\): margin 6 % over the index is outside -2 % … \+5 %$/);
    expect(warnings[1]).toMatch(/loans\.csv:2:2 \(principal\): principal 50,00 € is under 100 €$/);
    expect(warnings[2]).toMatch(/loans\.csv:2:4 \(periods\): the line lasts 100 years \(100 due dates × 12 months\), more than 80$/);
    expect(warnings[3]).toMatch(/loans\.csv:3:2 \(principal\): principal 10 000 000 000,01 € is over 10 billion €$/);
    // Line C: exactly 80 years (960 months) and exactly 100 €: no warning.
    expect(r.stderr).not.toContain('loans.csv:4');
  });

  test('in worker threads the warnings come back with their lines; past 20, a count', async () => {
    const dir = tempDir();
    const lines = Array.from({ length: 25 }, (_, i) => `L${i + 1},569627.00,2026-10-29,25,annual,livret_a,0.6,0.023,DL`);
    const file = writeFile(dir, 'loans.csv', `${HEADER}\n${lines.join('\n')}\n`);
    const single = await runFinloc(['amortize', file, '--threads', '0']);
    const parallel = await runFinloc(['amortize', file, '--threads', '2']);
    expect(parallel.code).toBe(0);
    expect(parallel.stdout).toBe(single.stdout);
    const warnings = (s: string) => s.split('\n').filter((l) => l.startsWith('finloc: warning:'));
    expect(warnings(parallel.stderr)).toEqual(warnings(single.stderr));
    expect(warnings(single.stderr)).toHaveLength(21);
    expect(warnings(single.stderr)[0]).toContain('loans.csv:2:8 (rate_pct)');
    expect(warnings(single.stderr)[19]).toContain('loans.csv:21:8 (rate_pct)');
    expect(warnings(single.stderr)[20]).toMatch(/loans\.csv: … and 5 more plausibility warnings$/);
  });

  test('--quiet silences warnings too', async () => {
    const dir = tempDir();
    const r = await runFinloc(['--quiet', 'amortize', writeFile(dir, 'loans.csv', cdc('0.023'))]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('warning');
  });
});

describe('the library: amortizeCsv gives the same warnings in options.warnings', () => {
  test('a rate typed as a fraction in LOANS.csv', async () => {
    const { amortizeCsv } = await import('../../node/index.js');
    const warnings: { line?: number; columnName?: string; message: string }[] = [];
    const [schedule] = amortizeCsv(cdc('0.023'), { warnings });
    expect(schedule!.rows[0]!.payment.toFixed(2)).toBe('23373.52');
    expect(warnings).toEqual([expect.objectContaining({ line: 2, column: 8, columnName: 'rate_pct' })]);
    expect(warnings[0]!.message).toContain('did you mean 2,3 %?');
  });
});

describe('late-interest procurement and subsidies: an amount over 100 M€', () => {
  test('an invoice of 150 M€: a warning, the interest as computed (and the warning in the json notes)', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'inv.csv', 'invoice_id;amount_ttc;received_date;paid_date\nF-1;150 000 000,00;02/01/2025;03/03/2025\nF-2;100 000 000,00;02/01/2025;03/03/2025\n');
    // --calendar-days: the deadline Saturday 01/02/2025 is not moved (this test is about the warning, not the calendar).
    const r = await bothWays(['late-interest', 'procurement', file, '--calendar-days']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/finloc: warning: .*inv\.csv:2:2 \(amount_ttc\): invoice amount 150 000 000,00 € is over 100 M€/);
    expect(r.stderr).not.toContain('inv.csv:3');
    // 30 days at 3,15 + 8 = 11,15 %: 150 000 000 × 0,1115 × 30 / 365 = 1 374 657,534… → 1 374 657,53.
    expect(r.stdout.split('\n')[1]).toBe('F-1,2025-01-02,,2025-02-01,2025-02-02,30,11.15,2025-S1,1374657.53,40.00,,1374697.53');
    const json = await runFinloc(['late-interest', 'procurement', file, '--format', 'json', '--calendar-days']);
    expect(JSON.parse(json.stdout).notes).toContainEqual({ kind: 'warning', text: expect.stringContaining('invoice amount 150 000 000,00 € is over 100 M€') });
  });

  test('a grant of 120 M€: a warning, the totals as computed', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'grants.csv', 'beneficiary;envelope;amount\nClub A;operating;120 000 000,00\nClub B;operating;1 000,00\n');
    const r = await bothWays(['subsidies', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/finloc: warning: .*grants\.csv:2:3 \(amount\): grant amount 120 000 000,00 € is over 100 M€/);
    expect(r.stdout).toContain('120001000.00');
  });
});
