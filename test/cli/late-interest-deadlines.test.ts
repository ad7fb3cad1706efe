import { describe, expect, test } from 'vitest';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

// Issue 12 at the command line: working-day deadlines by default, --holidays, --calendar-days,
// request_date / service_date, notified_date, interest_paid_date and --legal-rates.
// Rates: 2025-S1 ECB 3,15 % + 8 = 11,15 %; 2025-S2 2,15 % + 8 = 10,15 %.

const header = 'invoice_id,period_start,nominal_deadline,deadline,interest_start,days_late,rate_pct,semester,interest,indemnity,complementary_interest,total';

describe('finloc late-interest procurement: the period ends on a working day', () => {
  test("issue 12's example: received Thursday 02/01/2025, paid Monday 03/02/2025: nothing due (on calendar days, 6,11 € + 40 €)", async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'inv.csv', 'invoice_id,amount_ttc,received_date,paid_date\nA,10000,02/01/2025,03/02/2025\n');
    const r = await runFinloc(['late-interest', 'procurement', file]);
    expect(r.code).toBe(0);
    // 02/01 + 30 = Saturday 01/02 → Monday 03/02: paid on the deadline.
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([header, 'A,2025-01-02,2025-02-01,2025-02-03,,0,,,0.00,0.00,,0.00']);
    expect(r.stderr).toContain('A (samedi 01/02/2025 → 03/02/2025)');
    // --calendar-days: 03/02 − 01/02 = 2 days: 10 000 × 0,1115 × 2 / 365 = 2 230 / 365 = 6,109… → 6,11, + 40.
    const c = await runFinloc(['late-interest', 'procurement', file, '--calendar-days']);
    expect(c.stdout.split('\n')[1]).toBe('A,2025-01-02,,2025-02-01,2025-02-02,2,11.15,2025-S1,6.11,40.00,,46.11');
    expect(c.stderr).not.toContain('working day');
  });

  test('--holidays alsace-moselle: Good Friday 18/04/2025 moves the deadline to Tuesday 22/04; csv-fr says why', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'inv.csv', 'invoice_id,amount_ttc,received_date,paid_date\nB,10000,19/03/2025,28/04/2025\n');
    const r = await runFinloc(['late-interest', 'procurement', file, '--holidays', 'alsace-moselle']);
    // 28/04 − 22/04 = 6 days: 10 000 × 0,1115 × 6 / 365 = 6 690 / 365 = 18,328… → 18,33.
    expect(r.stdout.split('\n')[1]).toBe('B,2025-03-19,2025-04-18,2025-04-22,2025-04-23,6,11.15,2025-S1,18.33,40.00,,58.33');
    const fr = await runFinloc(['late-interest', 'procurement', file, '--holidays', 'alsace-moselle', '--format', 'csv-fr']);
    expect(fr.stdout).toContain('délai échu un jour non ouvré (Vendredi saint 18/04/2025) : reporté au 22/04/2025');
    // Nationally Good Friday is worked: 28/04 − 18/04 = 10 days → 30,55.
    const n = await runFinloc(['late-interest', 'procurement', file]);
    expect(n.stdout.split('\n')[1]).toBe('B,2025-03-19,,2025-04-18,2025-04-19,10,11.15,2025-S1,30.55,40.00,,70.55');
  });

  test("--holidays FILE adds the buyer's closed days, and may be given with alsace-moselle", async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'inv.csv', 'invoice_id,amount_ttc,received_date,paid_date\nC,5000,01/04/2025,12/05/2025\n');
    const closed = writeFile(dir, 'jours.csv', 'jour;libelle\n02/05/2025;pont de l\'Ascension\n');
    const r = await runFinloc(['late-interest', 'procurement', file, '--holidays', closed, '--holidays', 'alsace-moselle']);
    expect(r.code).toBe(0);
    // 01/04 + 30 = Thursday 01/05 (holiday) → Friday 02/05 (closed) → Monday 05/05; 12/05 − 05/05 = 7 days.
    // 5 000 × 0,1115 × 7 / 365 = 3 902,5 / 365 = 10,691… → 10,69.
    expect(r.stdout.split('\n')[1]).toBe('C,2025-04-01,2025-05-01,2025-05-05,2025-05-06,7,11.15,2025-S1,10.69,40.00,,50.69');
  });

  test('usage: --calendar-days with --holidays, two calendars, a holidays file that does not exist', async () => {
    const inv = 'data/examples/invoices.csv';
    const a = await runFinloc(['late-interest', 'procurement', inv, '--calendar-days', '--holidays', 'alsace-moselle']);
    expect([a.code, a.stderr]).toEqual([2, 'finloc: --calendar-days counts calendar days: it takes no --holidays\n']);
    const b = await runFinloc(['late-interest', 'procurement', inv, '--holidays', 'alsace-moselle', '--holidays', 'national']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('one calendar at most');
    const c = await runFinloc(['late-interest', 'procurement', inv, '--holidays', 'nowhere.csv']);
    expect([c.code, c.stderr]).toEqual([2, 'finloc: nowhere.csv: no such file\n']);
  });
});

describe('finloc late-interest procurement: the other rules of issue 12', () => {
  test('request_date when the receipt date is unknown, service_date when later (R2192-13)', async () => {
    const dir = tempDir();
    const file = writeFile(
      dir,
      'inv.csv',
      'invoice_id;montant_ttc;date_reception;date_facture;date_service_fait;date_paiement\nD;10 000,00;;30/12/2024;;10/02/2025\nE;10 000,00;02/01/2025;;10/01/2025;20/02/2025\n',
    );
    const r = await runFinloc(['late-interest', 'procurement', file]);
    expect(r.code).toBe(0);
    // D: 30/12/2024 + 2 = 01/01/2025; + 30 = Friday 31/01; 10/02 − 31/01 = 10 days → 30,55 (10 000 × 0,1115 × 10 / 365).
    // E: services 10/01/2025, after the receipt: + 30 = Sunday 09/02 → Monday 10/02; 20/02 − 10/02 = 10 days → 30,55.
    expect(r.stdout.split('\n').slice(1, 3)).toEqual([
      'D,2025-01-01,,2025-01-31,2025-02-01,10,11.15,2025-S1,30.55,40.00,,70.55',
      'E,2025-01-10,2025-02-09,2025-02-10,2025-02-11,10,11.15,2025-S1,30.55,40.00,,70.55',
    ]);
    expect(r.stderr).toContain('21VE02263');
    expect(r.stderr).toContain('R2192-13');
  });

  test('no receipt, request or services date: refused naming the line and the column', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'inv.csv', 'invoice_id,amount_ttc,received_date,paid_date\nF,100,,10/02/2025\n');
    const r = await runFinloc(['late-interest', 'procurement', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inv\.csv:2:3 \(received_date\): missing value: the date of receipt of the payment request/);
  });

  test('notified_date before 16/03/2013: ECB + 7 points, no indemnity', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'inv.csv', 'invoice_id,amount_ttc,received_date,paid_date,date_notification\nG,10000,01/02/2013,14/03/2013,01/06/2012\n');
    const r = await runFinloc(['late-interest', 'procurement', file]);
    // Sunday 03/03/2013 → Monday 04/03; 10 days in 2013-S1: 0,75 + 7 = 7,75 %: 10 000 × 0,0775 × 10 / 365 = 21,23; no indemnity.
    expect(r.stdout.split('\n')[1]).toBe('G,2013-02-01,2013-03-03,2013-03-04,2013-03-05,10,7.75,2013-S1,21.23,0.00,,21.23');
    expect(r.stderr).toContain('décret n° 2002-232');
  });

  test('interest_paid_date: complementary interest at the legal rate past 45 days; a semester with no legal rate is refused; --legal-rates gives it', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'inv.csv', 'invoice_id,amount_ttc,received_date,paid_date,interest_paid_date\nH,10000,02/01/2025,03/03/2025,17/05/2025\n');
    const r = await runFinloc(['late-interest', 'procurement', file]);
    expect(r.code).toBe(0);
    // 85,53 + 40 = 125,53 (see above); limit 03/03 + 45 = 17/04; 30 days at 3,71 % (2025-S1, bundled):
    // 125,53 × 0,0371 × 30 / 365 = 0,382… → 0,38; total 125,91.
    expect(r.stdout.split('\n')[1]).toBe('H,2025-01-02,2025-02-01,2025-02-03,2025-02-04,28,11.15,2025-S1,85.53,40.00,0.38,125.91');
    expect(r.stderr).toContain('complementary interest at the legal rate');
    const late = writeFile(dir, 'late.csv', 'invoice_id,amount_ttc,received_date,paid_date,interest_paid_date\nI,10000,02/01/2025,03/03/2025,10/02/2026\n');
    const refused = await runFinloc(['late-interest', 'procurement', late]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/late\.csv:2:5 \(interest_paid_date\): complementary interest runs in semester 2026-S1.*--legal-rates FILE/);
    // With 2026-S1 given (an illustrative 2 %, a user's file): 18/04/2025 … 10/02/2026 =
    // 74 days at 3,71 % (to 30/06) + 184 days at 2,76 % (2025-S2) + 41 days at 2 % (2026-S1):
    // 125,53 × (0,0371 × 74 + 0,0276 × 184 + 0,02 × 41) / 365 = 125,53 × (2,7454 + 5,0784 + 0,82) / 365
    // = 125,53 × 8,6438 / 365 = 1 085,056… / 365 = 2,972… → 2,97; total 125,53 + 2,97 = 128,50.
    const rates = writeFile(dir, 'legal.csv', 'effective_date,rate_pct\n2025-01-01,3.71\n2025-07-01,2.76\n2026-01-01,2\n');
    const given = await runFinloc(['late-interest', 'procurement', late, '--legal-rates', rates]);
    expect(given.code).toBe(0);
    expect(given.stdout.split('\n')[1]).toBe('I,2025-01-02,2025-02-01,2025-02-03,2025-02-04,28,11.15,2025-S1,85.53,40.00,2.97,128.50');
  });
});
