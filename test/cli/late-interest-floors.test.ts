import { describe, expect, test } from 'vitest';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

// Issue 11, item 4: where the law or the contract floors a late-interest rate, a
// negative ECB rate or Livret A never gives negative interest; a note says so,
// with the article, and the rate file's negative line gets a warning.

describe('late-interest procurement: ECB rate + 8 points floored at 0', () => {
  const invoice = 'invoice_id,amount_ttc,received_date,paid_date\nF-2025-001,10000.00,2025-01-02,2025-03-03\n';
  const rates = 'effective_date,rate_pct\n2011-12-14,1.00\n2024-12-18,-9\n';

  test('an ECB rate of −9 % gives 0 % and 0,00 € of interest (was −8,22 €), with the note and the warning', async () => {
    const dir = tempDir();
    // --calendar-days: the deadline Saturday 01/02/2025 is not moved (this test is about the floor, not the calendar).
    const r = await runFinloc(['late-interest', 'procurement', writeFile(dir, 'inv.csv', invoice), '--rates-file', writeFile(dir, 'ecb.csv', rates), '--rates-known-until', '2025-06-30', '--calendar-days']);
    expect(r.code).toBe(0);
    // Deadline 02/01 + 30 = 01/02/2025; 03/03 − 01/02 = 30 days late; semester 2025-S1: ECB −9 % (from 18/12/2024) + 8 = −1 % → floored at 0.
    // Unfloored it was 10 000 × (−0,01) × 30 / 365 = −8,219… → −8,22. Floored: 10 000 × 0 × 30 / 365 = 0,00; indemnity 40,00 (D2192-35).
    expect(r.stdout.split('\n')[1]).toBe('F-2025-001,2025-01-02,,2025-02-01,2025-02-02,30,0.00,2025-S1,0.00,40.00,,40.00');
    expect(r.stderr).toContain('finloc: note: late-interest rate floored at 0 for 1 invoice(s) whose ECB rate + 8 points is negative: F-2025-001 (-9 % + 8 = -1 %); CCP R2192-31');
    expect(r.stderr).toContain('names no floor');
    expect(r.stderr).toMatch(/finloc: warning: .*ecb\.csv:3:2 \(rate_pct\): negative value -9 % in the ECB main refinancing rate history/);
    // csv-fr says it in the « Observation » column.
    const fr = await runFinloc(['late-interest', 'procurement', `${dir}/inv.csv`, '--rates-file', `${dir}/ecb.csv`, '--rates-known-until', '2025-06-30', '--format', 'csv-fr', '--calendar-days']);
    expect(fr.stdout).toContain('taux BCE + 8 points négatif : taux ramené à 0');
    // json: the note is in the report's notes.
    const json = await runFinloc(['late-interest', 'procurement', `${dir}/inv.csv`, '--rates-file', `${dir}/ecb.csv`, '--rates-known-until', '2025-06-30', '--format', 'json', '--calendar-days']);
    expect(JSON.parse(json.stdout).notes.some((n: { text: string }) => n.text.includes('floored at 0'))).toBe(true);
  });

  test('an ECB rate of −8 % gives exactly 0 %, no floor and no note; −7 % gives 1 %', async () => {
    const dir = tempDir();
    const inv = writeFile(dir, 'inv.csv', invoice);
    const at = async (ecb: string) => runFinloc(['late-interest', 'procurement', inv, '--rates-file', writeFile(dir, `ecb${ecb}.csv`, `effective_date,rate_pct\n2011-12-14,${ecb}\n`), '--rates-known-until', '2025-06-30', '--calendar-days']);
    const zero = await at('-8');
    expect(zero.code).toBe(0);
    expect(zero.stdout.split('\n')[1]).toBe('F-2025-001,2025-01-02,,2025-02-01,2025-02-02,30,0.00,2025-S1,0.00,40.00,,40.00');
    expect(zero.stderr).not.toContain('finloc: note: late-interest rate floored');
    const one = await at('-7');
    // 10 000 × 0,01 × 30 / 365 = 8,219… → 8,22.
    expect(one.stdout.split('\n')[1]).toBe('F-2025-001,2025-01-02,,2025-02-01,2025-02-02,30,1.00,2025-S1,8.22,40.00,,48.22');
    expect(one.stderr).not.toContain('finloc: note: late-interest rate floored');
  });

  test('--no-warnings mutes the warning of the rate file, not the note of the floor', async () => {
    const dir = tempDir();
    const r = await runFinloc(['--no-warnings', 'late-interest', 'procurement', writeFile(dir, 'inv.csv', invoice), '--rates-file', writeFile(dir, 'ecb.csv', rates), '--rates-known-until', '2025-06-30']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('warning');
    expect(r.stderr).toContain('floored at 0');
  });
});

describe('late-interest loan: Livret A + 6 points floored at 0 (CDC contract art. 18)', () => {
  test('an index file ending at −10 % applies 0 %, not −4 %: nothing negative is capitalised', async () => {
    const dir = tempDir();
    const unpaid = writeFile(dir, 'unpaid.csv', 'line_id,due_date,amount_due\nL1,2025-06-01,10000.00\n');
    const index = writeFile(dir, 'idx.csv', 'effective_date,rate_pct\n2025-01-01,1.7\n2025-08-01,-10\n');
    const r = await runFinloc(['late-interest', 'loan', unpaid, '--index-file', index, '--as-of', '2026-07-01']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows).toEqual([
      // [01/06/2025, 01/08/2025): 61 days at 1,7 + 6 = 7,7 %: 10 000 × 0,077 × 61 / 365 = 128,684… → 128,68.
      'L1,2025-06-01,2025-06-01,2025-08-01,61,1.70,7.70,10000.00,128.68,0.00,0.00,0.00,0.00,10000.00,128.68,livret_a_change',
      // [01/08/2025, 01/06/2026): 304 days at −10 + 6 = −4 % → floored at 0: 0,00 (unfloored: 10 000 × −0,04 × 304 / 365 = −333,15).
      // Anniversary 01/06/2026: the 128,68 unpaid is capitalised (never a negative amount).
      'L1,2025-06-01,2025-08-01,2026-06-01,304,-10.00,0.00,10000.00,0.00,128.68,0.00,0.00,0.00,10128.68,0.00,anniversary',
      // [01/06/2026, 01/07/2026): 30 days at 0 on 10 128,68: 0,00.
      'L1,2025-06-01,2026-06-01,2026-07-01,30,-10.00,0.00,10128.68,0.00,0.00,0.00,0.00,0.00,10128.68,0.00,as_of',
    ]);
    expect(r.stderr).toContain('finloc: note: late-interest rate floored at 0 where Livret A + 6 points is negative: L1 due 01/06/2025 (334 day(s); lowest -10 % + 6 = -4 %); CDC contract art. 18');
    expect(r.stderr).toMatch(/finloc: warning: .*idx\.csv:3:2 \(rate_pct\): negative value -10 % in the Livret A history/);
  });

  test('the bundled example has no floor and no warning', async () => {
    const r = await runFinloc(['late-interest', 'loan', 'data/examples/unpaid.csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('floored');
    expect(r.stderr).not.toContain('warning');
  });
});
