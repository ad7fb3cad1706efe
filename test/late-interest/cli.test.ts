import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';
import { ECB_MRO_POINTS, LIVRET_A_POINTS } from './histories.js';

describe('bundled data', () => {
  test('data/bce-mro.csv is the ECB table of issue 4, date for date', () => {
    const lines = readFileSync('data/bce-mro.csv', 'utf8').trim().split('\n');
    expect(lines[0]).toBe('effective_date,rate_pct');
    expect(lines.slice(1)).toEqual(ECB_MRO_POINTS.map(([date, rate]) => `${date},${rate}`));
  });
  test('the tests’ Livret A points are those of data/livret-a.csv', () => {
    const lines = readFileSync('data/livret-a.csv', 'utf8').trim().split('\n');
    for (const [date, rate] of LIVRET_A_POINTS) expect(lines).toContain(`${date},${rate}`);
  });
});

describe('finloc late-interest procurement', () => {
  // Issue 12: by default the payment period ends on a working day (CCAG-FCS and CCAG-Travaux 2021 art. 3.3): a last
  // calendar day (start + payment_days + suspension_days) that is a Saturday, a Sunday or a public holiday moves to the
  // next working day; interest runs from the day after that deadline, days_late = paid − deadline, and the rate is that
  // of interest_start's semester: ECB rate on the semester's first day + 8 points, 2025-S1: 3,15 + 8 = 11,15 %;
  // 2025-S2: 2,15 + 8 = 10,15 %. Interest = amount × rate × days / 365, rounded half away from zero to the cent once.
  test('the bundled example, csv: the header of the issue, one row per invoice, no totals row', async () => {
    const r = await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'invoice_id,period_start,nominal_deadline,deadline,interest_start,days_late,rate_pct,semester,interest,indemnity,complementary_interest,total',
        // Thu 02/01/2025 + 30 d = Sat 01/02/2025 → Mon 03/02/2025; interest from 04/02/2025 (S1); 03/03 − 03/02 = 28 d (February 2025: 28 days).
        // 10 000 × 11,15 % × 28 / 365 = 31 220 / 365 = 85,534… → 85,53; + 40,00 = 125,53
        'F-2025-001,2025-01-02,2025-02-01,2025-02-03,2025-02-04,28,11.15,2025-S1,85.53,40.00,,125.53',
        // Sat 10/05/2025 + 30 d = Mon 09/06/2025, Whit Monday (Easter 20/04/2025 + 50 d) → Tue 10/06/2025; interest from 11/06/2025 (S1:
        // the rate in force on 01/01/2025, whatever the ECB decided on 11/06/2025); paid 15/07/2025 (S2): 20 + 15 = 35 d.
        // 4 800 × 11,15 % × 35 / 365 = 18 732 / 365 = 51,320… → 51,32; + 40,00 = 91,32
        'F-2025-002,2025-05-10,2025-06-09,2025-06-10,2025-06-11,35,11.15,2025-S1,51.32,40.00,,91.32',
        // Mon 03/03/2025 + 30 d = Wed 02/04/2025, a working day, not moved (nominal_deadline empty); paid on the deadline day
        'F-2025-003,2025-03-03,,2025-04-02,,0,,,0.00,0.00,,0.00',
        // Mon 15/09/2025 + 30 + 10 d of suspension = Sat 25/10/2025 → Mon 27/10/2025; interest from 28/10/2025 (S2); paid 20/11: 4 + 20 = 24 d.
        // 1 234,56 × 10,15 % × 24 / 365 = 125,30784 × 24 / 365 = 3 007,38816 / 365 = 8,239… → 8,24; + 40,00 = 48,24
        'F-2025-004,2025-09-15,2025-10-25,2025-10-27,2025-10-28,24,10.15,2025-S2,8.24,40.00,,48.24',
        // Mon 20/10/2025 + 50 d = Tue 09/12/2025, a working day, not moved; paid 19/12: 10 d.
        // 87 000 × 10,15 % × 10 / 365 = 88 305 / 365 = 241,931… → 241,93; + 40,00 = 281,93
        'F-2025-005,2025-10-20,,2025-12-09,2025-12-10,10,10.15,2025-S2,241.93,40.00,,281.93',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(
      'finloc: note: 1 invoice(s) paid on time, no interest and no indemnity: F-2025-003\n' +
        'finloc: note: 3 payment deadline(s) fell on a Saturday, a Sunday, a public holiday or a closed day and end on the next working day ' +
        '(CCAG-FCS and CCAG-Travaux 2021 art. 3.3; --calendar-days for a contract that excludes it): ' +
        'F-2025-001 (samedi 01/02/2025 → 03/02/2025), F-2025-002 (Lundi de Pentecôte 09/06/2025 → 10/06/2025), F-2025-004 (samedi 25/10/2025 → 27/10/2025)\n',
    );
  });
  test('csv-fr: French titles, decimal comma, dd/mm/yyyy, observation, and the totals 387,02 + 160,00 = 547,02', async () => {
    const r = await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv', '--format', 'csv-fr']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]!.split(';')).toEqual([
      'N° de la demande de paiement', 'Point de départ du délai de paiement', 'Fin du délai en jours calendaires, si reportée', 'Date limite de paiement',
      'Point de départ des intérêts moratoires', 'Jours de retard', 'Taux des intérêts moratoires (en %)', 'Semestre', 'Intérêts moratoires (en €)',
      'Indemnité forfaitaire pour frais de recouvrement (en €)', 'Intérêts moratoires complémentaires (en €)', 'Total dû (en €)', 'Observation',
    ]);
    // The figures of the csv test above: 28 d, 10 000 × 11,15 % × 28 / 365 = 85,53
    expect(lines[1]).toBe('F-2025-001;02/01/2025;01/02/2025;03/02/2025;04/02/2025;28;11,15;1er semestre 2025;85,53;40,00;;125,53;délai échu un jour non ouvré (samedi 01/02/2025) : reporté au 03/02/2025');
    // 35 d, 4 800 × 11,15 % × 35 / 365 = 51,32
    expect(lines[2]).toBe('F-2025-002;10/05/2025;09/06/2025;10/06/2025;11/06/2025;35;11,15;1er semestre 2025;51,32;40,00;;91,32;délai échu un jour non ouvré (Lundi de Pentecôte 09/06/2025) : reporté au 10/06/2025');
    expect(lines[3]).toBe('F-2025-003;03/03/2025;;02/04/2025;;0;;;0,00;0,00;;0,00;payée dans le délai : ni intérêts ni indemnité');
    // 85,53 + 51,32 + 0,00 + 8,24 + 241,93 = 387,02; 4 × 40 = 160,00; 387,02 + 160,00 = 547,02; no interest_paid_date: complementary interest empty
    expect(lines[6]).toBe('Total;;;;;;;;387,02;160,00;;547,02;4 en retard sur 5');
  });
  test('json carries the same fields, amounts as strings, the totals and the notes', async () => {
    const r = await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    // Sat 01/02/2025 → Mon 03/02/2025, 28 d: 10 000 × 11,15 % × 28 / 365 = 85,534… → 85,53; + 40,00 = 125,53
    expect(doc.tables.invoices[0]).toEqual({
      invoice_id: 'F-2025-001', period_start: '2025-01-02', nominal_deadline: '2025-02-01', deadline: '2025-02-03', interest_start: '2025-02-04', days_late: 28,
      rate_pct: '11.15', semester: '2025-S1', interest: '85.53', indemnity: '40.00', complementary_interest: null, total: '125.53',
    });
    expect(doc.tables.invoices[2]).toMatchObject({ nominal_deadline: null, days_late: 0, interest_start: null, rate_pct: null, semester: null, total: '0.00' });
    // 85,53 + 51,32 + 8,24 + 241,93 = 387,02; 4 × 40 = 160,00; 547,02
    expect(doc).toMatchObject({
      report: 'late_interest_procurement', invoices: 5, late_invoices: 4, interest: '387.02', indemnity: '160.00', complementary_interest: '0.00', total: '547.02',
    });
    expect(doc.notes).toEqual([
      { kind: 'note', text: '1 invoice(s) paid on time, no interest and no indemnity: F-2025-003' },
      {
        kind: 'note',
        text:
          '3 payment deadline(s) fell on a Saturday, a Sunday, a public holiday or a closed day and end on the next working day ' +
          '(CCAG-FCS and CCAG-Travaux 2021 art. 3.3; --calendar-days for a contract that excludes it): ' +
          'F-2025-001 (samedi 01/02/2025 → 03/02/2025), F-2025-002 (Lundi de Pentecôte 09/06/2025 → 10/06/2025), F-2025-004 (samedi 25/10/2025 → 27/10/2025)',
      },
    ]);
  });
  test('--calendar-days: the period ends on its calendar day, and every figure is the former output (395,29 + 160,00 = 555,29)', async () => {
    const r = await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv', '--calendar-days']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'invoice_id,period_start,nominal_deadline,deadline,interest_start,days_late,rate_pct,semester,interest,indemnity,complementary_interest,total',
        // 10 000 × 11,15 % × 30 / 365 = 91,643… → 91,64 (issue 4's worked case)
        'F-2025-001,2025-01-02,,2025-02-01,2025-02-02,30,11.15,2025-S1,91.64,40.00,,131.64',
        // starts 10/06/2025 (S1), paid 15/07/2025 (S2): S1 rate. 4 800 × 11,15 % × 36 / 365 = 52,786… → 52,79
        'F-2025-002,2025-05-10,,2025-06-09,2025-06-10,36,11.15,2025-S1,52.79,40.00,,92.79',
        // paid on the deadline day
        'F-2025-003,2025-03-03,,2025-04-02,,0,,,0.00,0.00,,0.00',
        // 10 days of suspension; 1 234,56 × 10,15 % × 26 / 365 = 8,926… → 8,93
        'F-2025-004,2025-09-15,,2025-10-25,2025-10-26,26,10.15,2025-S2,8.93,40.00,,48.93',
        // 50 days; 87 000 × 10,15 % × 10 / 365 = 241,931… → 241,93
        'F-2025-005,2025-10-20,,2025-12-09,2025-12-10,10,10.15,2025-S2,241.93,40.00,,281.93',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('finloc: note: 1 invoice(s) paid on time, no interest and no indemnity: F-2025-003\n');
    const fr = await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv', '--calendar-days', '--format', 'csv-fr']);
    const lines = fr.stdout.trim().split('\n');
    expect(lines[1]).toBe('F-2025-001;02/01/2025;;01/02/2025;02/02/2025;30;11,15;1er semestre 2025;91,64;40,00;;131,64;');
    // 91,64 + 52,79 + 8,93 + 241,93 = 395,29; 4 × 40 = 160
    expect(lines[6]).toBe('Total;;;;;;;;395,29;160,00;;555,29;4 en retard sur 5');
    const json = JSON.parse((await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv', '--calendar-days', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ invoices: 5, late_invoices: 4, interest: '395.29', indemnity: '160.00', complementary_interest: '0.00', total: '555.29' });
    expect(json.notes).toEqual([{ kind: 'note', text: '1 invoice(s) paid on time, no interest and no indemnity: F-2025-003' }]);
  });
  test('csv-fr starts with a UTF-8 byte-order mark (Excel reads it as UTF-8); csv does not', async () => {
    const fr = await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv', '--format', 'csv-fr']);
    expect(fr.stdout.startsWith('\ufeffN° de la demande de paiement;')).toBe(true);
    const csv = await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv']);
    expect(csv.stdout.startsWith('invoice_id,')).toBe(true);
  });
  test('a French spreadsheet export in Windows-1252 (;, decimal comma, €, French titles, default 30 days) gives the same figures', async () => {
    // --calendar-days: the figures of F-2025-001 in the --calendar-days test above (30 d: 91,64), whatever the calendar.
    const dir = tempDir();
    const text = 'N° facture;Montant TTC;Date de réception;Date de paiement\nF-2025-001;10 000,00 €;02/01/2025;03/03/2025\n';
    const r = await runFinloc(['late-interest', 'procurement', writeFile(dir, 'f.csv', Buffer.from(text.replace('€', '\x80'), 'latin1')), '--calendar-days']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('F-2025-001,2025-01-02,,2025-02-01,2025-02-02,30,11.15,2025-S1,91.64,40.00,,131.64');
  });
  test('a semester after the last known ECB decision (05/02/2026) holds 2,15 % and says so', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'f.csv', 'invoice_id,amount_ttc,received_date,paid_date\nA,3650,2026-06-15,2026-07-25\nB,3650,2026-01-02,2026-02-11\n');
    // --calendar-days: B's deadline, Sunday 01/02/2026, stays where it is (this test is about the projection, not the calendar).
    const r = await runFinloc(['late-interest', 'procurement', file, '--format', 'csv-fr', '--calendar-days']);
    // A: deadline 15/07/2026, interest from 16/07/2026 (2026-S2, projected), 10 days: 3 650 × 10,15 % × 10 / 365 = 10,15
    expect(r.stdout.split('\n')[1]).toBe('A;15/06/2026;;15/07/2026;16/07/2026;10;10,15;2e semestre 2026;10,15;40,00;;50,15;taux BCE projeté (dernière valeur connue)');
    // B: 2026-S1 is known (unchanged at the 05/02/2026 decision): no projection
    expect(r.stdout.split('\n')[2]).toBe('B;02/01/2026;;01/02/2026;02/02/2026;10;10,15;1er semestre 2026;10,15;40,00;;50,15;');
    expect(r.stderr).toContain('finloc: note: ECB main refinancing rate known until 05/02/2026; a semester starting later holds its last value (2.15 % from 11/06/2025) as a projection: A');
  });
  test('--rates-file replaces the table', async () => {
    const dir = tempDir();
    const rates = writeFile(dir, 'r.csv', 'date;taux\n01/01/2020;1,00\n');
    const inv = writeFile(dir, 'f.csv', 'invoice_id,amount_ttc,received_date,paid_date\nA,3650,2025-01-02,2025-02-11\n');
    // --calendar-days: the deadline Saturday 01/02/2025 is not moved (this test is about the rates file, not the calendar).
    const r = await runFinloc(['late-interest', 'procurement', inv, '--rates-file', rates, '--rates-known-until', '2025-12-31', '--calendar-days']);
    // 1 + 8 = 9 %: 3 650 × 0,09 × 10 / 365 = 9,00
    expect(r.stdout.split('\n')[1]).toBe('A,2025-01-02,,2025-02-01,2025-02-02,10,9.00,2025-S1,9.00,40.00,,49.00');
    expect(r.stderr).toBe('');
  });
  test('--rates-known-until without --rates-file is a usage error', async () => {
    const r = await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv', '--rates-known-until', '2030-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('finloc: --rates-known-until applies to a --rates-file; the bundled table is known until 05/02/2026\n');
  });

  describe('bad input: one located message per problem, exit 2, no output file', () => {
    async function fails(content: string) {
      const dir = tempDir();
      const file = writeFile(dir, 'invoices.csv', content);
      const out = join(dir, 'out.csv');
      const r = await runFinloc(['late-interest', 'procurement', file, '-o', out]);
      expect(r.code).toBe(2);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual(['invoices.csv']);
      return r.stderr.trim().split('\n').map((l) => l.replace(file, 'invoices.csv'));
    }
    test('payment before receipt, negative amount, unknown date format, date before the rate history, period over 60 days', async () => {
      expect(
        await fails(
          'invoice_id,amount_ttc,received_date,paid_date,payment_days\n' +
            'A,1000,2025-03-10,2025-03-01,30\n' +
            'B,-5,2025-03-10,2025-05-01,30\n' +
            'C,1000,10 mars 2025,2025-05-01,30\n' +
            'D,1000,2011-05-01,2011-08-01,30\n' +
            'E,1000,2025-03-10,2025-05-01,90\n',
        ),
      ).toEqual([
        'finloc: invoices.csv:3:2 (amount_ttc): expected an amount greater than zero, got "-5"',
        'finloc: invoices.csv:4:3 (received_date): expected a date such as 2026-10-29 or 29/10/2026, got "10 mars 2025"',
        'finloc: invoices.csv:6:5 (payment_days): expected a payment period in days from 1 to 60 (30 for a local authority, 50 for a public health establishment, 60 for some public companies), got "90"',
        'finloc: invoices.csv:2:4 (paid_date): payment date 01/03/2025 is before the date of receipt 10/03/2025',
        'finloc: invoices.csv:5:3 (received_date): interest starts on 01/06/2011, in semester 2011-S1, whose first day 01/01/2011 is before the ECB main refinancing rate history starts (14/12/2011)',
      ]);
    });
    test('a missing column is named', async () => {
      expect(await fails('invoice_id,amount_ttc,received_date\nA,1000,2025-03-10\n')).toEqual(['finloc: invoices.csv:1: missing column "paid_date"']);
    });
  });
});

describe('finloc late-interest loan', () => {
  test('the bundled example, csv: each sub-period with its days, rate, base and interest', async () => {
    const r = await runFinloc(['late-interest', 'loan', 'data/examples/unpaid.csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('line_id,due_date,from,to,days,livret_a_pct,rate_pct,base,interest,capitalised,paid,paid_to_interest,paid_to_capital,base_after,interest_unpaid_after,events');
    // EX-1: the figures of test/late-interest/loan-arrears.test.ts, computed there by hand.
    expect(lines.slice(1, 6)).toEqual([
      'EX-1,2024-10-29,2024-10-29,2025-02-01,95,3.00,9.00,30214.17,707.76,0.00,0.00,0.00,0.00,30214.17,707.76,livret_a_change',
      'EX-1,2024-10-29,2025-02-01,2025-03-15,42,2.40,8.40,30214.17,292.04,0.00,10000.00,999.80,9000.20,21213.97,0.00,payment',
      'EX-1,2024-10-29,2025-03-15,2025-08-01,139,2.40,8.40,21213.97,678.61,0.00,0.00,0.00,0.00,21213.97,678.61,livret_a_change',
      'EX-1,2024-10-29,2025-08-01,2025-10-29,89,1.70,7.70,21213.97,398.30,1076.91,0.00,0.00,0.00,22290.88,0.00,anniversary',
      'EX-1,2024-10-29,2025-10-29,2026-01-15,78,1.70,7.70,22290.88,366.79,0.00,22657.67,366.79,22290.88,0.00,0.00,payment+settled',
    ]);
    // EX-2: 12 500 due 01/06/2025, paid 30/04/2026 (before the first anniversary):
    // 01/06 → 01/08/2025, 61 d at 8,4 %: 12 500 × 0,084 × 61 / 365 = 175,479… → 175,48
    // 01/08/2025 → 01/02/2026, 184 d at 7,7 %: 12 500 × 0,077 × 184 / 365 = 485,205… → 485,21
    // 01/02 → 30/04/2026, 88 d at 7,5 %: 12 500 × 0,075 × 88 / 365 = 226,027… → 226,03; paid 12 500 + 886,72 = 13 386,72
    expect(lines.slice(6)).toEqual([
      'EX-2,2025-06-01,2025-06-01,2025-08-01,61,2.40,8.40,12500.00,175.48,0.00,0.00,0.00,0.00,12500.00,175.48,livret_a_change',
      'EX-2,2025-06-01,2025-08-01,2026-02-01,184,1.70,7.70,12500.00,485.21,0.00,0.00,0.00,0.00,12500.00,660.69,livret_a_change',
      'EX-2,2025-06-01,2026-02-01,2026-04-30,88,1.50,7.50,12500.00,226.03,0.00,13386.72,886.72,12500.00,0.00,0.00,payment+settled',
    ]);
  });
  test('csv-fr: a « Total » row per arrear; json: totals', async () => {
    const fr = await runFinloc(['late-interest', 'loan', 'data/examples/unpaid.csv', '--format', 'csv-fr']);
    // 707,76 + 292,04 + 678,61 + 398,30 + 366,79 = 2 443,50
    expect(fr.stdout).toContain('EX-1;29/10/2024;29/10/2025;15/01/2026;78;1,70;7,70;22290,88;366,79;0,00;22657,67;366,79;22290,88;0,00;0,00;versement, soldé\n');
    expect(fr.stdout).toContain('EX-1;29/10/2024;Total;15/01/2026;;;;;2443,50;1076,91;32657,67;;;0,00;0,00;soldé le 15/01/2026\n');
    const json = JSON.parse((await runFinloc(['late-interest', 'loan', 'data/examples/unpaid.csv', '--format', 'json'])).stdout);
    // 2 443,50 + 886,72 = 3 330,22
    expect(json).toMatchObject({ report: 'late_interest_loan', arrears: 2, interest: '3330.22', capitalised: '1076.91', paid: '46044.39', outstanding: '0.00' });
    expect(json.tables.periods[3]).toMatchObject({ line_id: 'EX-1', from: '2025-08-01', to: '2025-10-29', days: 89, rate_pct: '7.70', base: '21213.97', interest: '398.30', capitalised: '1076.91', events: 'anniversary' });
    expect(json.tables.arrears[0]).toEqual({
      line_id: 'EX-1', due_date: '2024-10-29', amount_due: '30214.17', settled_on: '2026-01-15', computed_to: '2026-01-15', total_interest: '2443.50',
      total_capitalised: '1076.91', total_paid: '32657.67', outstanding_base: '0.00', outstanding_interest: '0.00',
    });
    expect(json.notes).toEqual([]);
  });
  test('partial payments in a payments file give the same table as several rows', async () => {
    const dir = tempDir();
    const unpaid = writeFile(dir, 'u.csv', 'Ligne;Date d\'exigibilité;Montant dû\nEX-1;29/10/2024;30 214,17\n');
    const payments = writeFile(dir, 'p.csv', 'line_id;due_date;paid_date;paid_amount\nEX-1;29/10/2024;15/01/2026;\nEX-1;29/10/2024;15/03/2025;10 000,00\n');
    const a = await runFinloc(['late-interest', 'loan', unpaid, '--payments', payments]);
    const b = await runFinloc(['late-interest', 'loan', 'data/examples/unpaid.csv']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout.split('\n').filter((l) => !l.startsWith('EX-2')).join('\n'));
  });
  test('an arrear not yet paid needs --as-of; with it, interest runs to that date', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'u.csv', 'line_id,due_date,amount_due,paid_date\nL,2025-01-15,10000,\n');
    const without = await runFinloc(['late-interest', 'loan', file]);
    expect(without.code).toBe(2);
    expect(without.stderr.replace(file, 'u.csv')).toBe('finloc: u.csv:2:4 (paid_date): no payment of this arrear: give a date of computation (--as-of) or its payment date\n');
    const r = await runFinloc(['late-interest', 'loan', file, '--as-of', '01/03/2026']);
    // figures of the worked case in loan-arrears.test.ts: 911,74 of interest, 810,77 capitalised on 15/01/2026
    expect(r.stdout.trim().split('\n').at(-1)).toBe('L,2025-01-15,2026-02-01,2026-03-01,28,1.50,7.50,10810.77,62.20,0.00,0.00,0.00,0.00,10810.77,100.97,as_of');
  });
  test('days after the Livret A is known are a projection, and the output says so', async () => {
    const dir = tempDir();
    // The first échéance of CDC contract 180000 (29/10/2026, 30 214,17 €) paid a month late:
    // 31 d at 1,7 + 6 = 7,7 %: 30 214,17 × 0,077 × 31 / 365 = 197,592… → 197,59 (Livret A known until 31/01/2027)
    const file = writeFile(dir, 'u.csv', 'line_id;due_date;amount_due;paid_date\n5676228;29/10/2026;30 214,17;29/11/2026\n5676228;29/10/2027;30 214,17;01/03/2028\n');
    const r = await runFinloc(['late-interest', 'loan', file]);
    expect(r.stdout.split('\n')[1]).toBe('5676228,2026-10-29,2026-10-29,2026-11-29,31,1.70,7.70,30214.17,197.59,0.00,30411.76,197.59,30214.17,0.00,0.00,payment+settled');
    expect(r.stderr).toBe('finloc: note: Livret A known until 31/01/2027; later days hold its last value (1.7 % from 01/08/2026) as a projection: 5676228 due 29/10/2027\n');
  });

  describe('bad input: located, exit 2, no output file', () => {
    async function fails(content: string, payments?: string) {
      const dir = tempDir();
      const file = writeFile(dir, 'unpaid.csv', content);
      const extra = payments === undefined ? [] : ['--payments', writeFile(dir, 'payments.csv', payments)];
      const out = join(dir, 'out.csv');
      const r = await runFinloc(['late-interest', 'loan', file, '-o', out, ...extra]);
      expect(r.code).toBe(2);
      expect(existsSync(out)).toBe(false);
      return r.stderr.trim().split('\n').map((l) => l.replaceAll(dir + '/', ''));
    }
    test('negative amount, unknown date, rows that disagree; then due date before the Livret A history, payment over what is owed, payment before the due date', async () => {
      expect(
        await fails(
          'line_id,due_date,amount_due,paid_date,paid_amount\n' +
            'A,2025-01-15,-10,2025-02-01,\n' +
            'B,15.01.2025,100,2025-02-01,\n' +
            'E,2025-01-15,100,2025-02-01,50\n' +
            'E,2025-01-15,120,2025-03-01,\n',
        ),
      ).toEqual([
        'finloc: unpaid.csv:2:3 (amount_due): expected an amount greater than zero, got "-10"',
        'finloc: unpaid.csv:3:2 (due_date): expected a date such as 2026-10-29 or 29/10/2026, got "15.01.2025"',
        'finloc: unpaid.csv:5:3 (amount_due): amount_due 120.00 differs from 100.00 given for the same arrear on line 4',
      ]);
      expect(await fails('line_id,due_date,amount_due,paid_date,paid_amount\nC,2007-06-01,100,2025-02-01,\nD,2025-01-15,100,2025-02-01,500\nF,2025-01-15,100,2025-01-01,\n')).toEqual([
        'finloc: unpaid.csv:2:2 (due_date): due date 01/06/2007 is before the Livret A history starts (01/02/2008)',
        // 17 d at 9 % on 100: 0,419… → 0,42
        'finloc: unpaid.csv:3:5 (paid_amount): payment of 500.00 on 01/02/2025 exceeds the 100.42 owed that day (capital 100.00, interest 0.42)',
        'finloc: unpaid.csv:4:4 (paid_date): payment on 01/01/2025 is before the due date 15/01/2025',
      ]);
    });
    test('a payment for an arrear that is not in UNPAID.csv', async () => {
      expect(await fails('line_id,due_date,amount_due,paid_date\nA,2025-01-15,100,2025-02-01\n', 'line_id,due_date,paid_date,paid_amount\nZ,2025-01-15,2025-02-01,10\n')).toEqual([
        'finloc: payments.csv:2:2 (due_date): no arrear of line Z due on 15/01/2025 in ' + 'unpaid.csv',
      ]);
    });
  });
});
