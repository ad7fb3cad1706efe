import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { toFrenchDate } from '../../src/calendar/date.js';
import { ECB_MRO_KNOWN_UNTIL } from '../../src/late-interest/ecb-mro.js';
import { procurementInterest } from '../../src/late-interest/procurement-interest.js';
import { arrearInterest } from '../../src/late-interest/loan-arrears.js';
import { arrearsAsReport, procurementAsReport } from '../../src/late-interest/report.js';
import { renderReport } from '../../src/report/render.js';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';
import { d, ecb, livretA } from './histories.js';

/** Issue 4's figures are on calendar days (the command's --calendar-days); the default moves a deadline off a weekend or holiday. */
const ON_CALENDAR_DAYS = { calendar: 'calendar-days' } as const;

const invoice = (invoiceId: string, amount: string, received: string, paid: string) =>
  procurementInterest({ invoiceId, amount: new Decimal(amount), received: d(received), paid: d(paid), paymentDays: 30, suspensionDays: 0 }, ecb, ON_CALENDAR_DAYS);

describe('procurementAsReport: the library gives the notes the command prints', () => {
  // A: paid on its deadline (02/02/2025 + 30 d = 04/03/2025): on time.
  // B: interest from 16/07/2026 (2026-S2 starts after the 05/02/2026 decision): 2,15 % held, 10 d: 3 650 × 10,15 % × 10 / 365 = 10,15.
  const results = [invoice('A', '1000', '2025-02-02', '2025-03-04'), invoice('B', '3650', '2026-06-15', '2026-07-25')];
  const r = procurementAsReport(results, ecb);

  test('notes: the invoice paid on time, the projected ECB value with the date it is known until (ECB_MRO_KNOWN_UNTIL)', () => {
    expect(r.notes.map((n) => n.text)).toEqual([
      '1 invoice(s) paid on time, no interest and no indemnity: A',
      `ECB main refinancing rate known until ${toFrenchDate(ECB_MRO_KNOWN_UNTIL)}; a semester starting later holds its last value (2.15 % from 11/06/2025) as a projection: B`,
    ]);
  });

  test('the command prints the same notes, and its json carries them', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'f.csv', 'invoice_id,amount_ttc,received_date,paid_date\nA,1000,2025-02-02,2025-03-04\nB,3650,2026-06-15,2026-07-25\n');
    // --calendar-days: the rules of the library calls above.
    const cli = await runFinloc(['late-interest', 'procurement', file, '--format', 'json', '--calendar-days']);
    expect(cli.stderr).toBe(r.notes.map((n) => `finloc: note: ${n.text}\n`).join(''));
    expect(JSON.parse(cli.stdout).notes).toEqual(r.notes.map((n) => ({ kind: 'note', text: n.text })));
  });

  test('csv-fr alone has the « Observation » column and the « Total » row', async () => {
    expect((await renderReport(r, 'csv')).trim().split('\n')).toEqual([
      'invoice_id,period_start,nominal_deadline,deadline,interest_start,days_late,rate_pct,semester,interest,indemnity,complementary_interest,total',
      'A,2025-02-02,,2025-03-04,,0,,,0.00,0.00,,0.00',
      'B,2026-06-15,,2026-07-15,2026-07-16,10,10.15,2026-S2,10.15,40.00,,50.15',
    ]);
    expect((await renderReport(r, 'csv-fr')).trim().split('\n').slice(1)).toEqual([
      'A;02/02/2025;;04/03/2025;;0;;;0,00;0,00;;0,00;payée dans le délai : ni intérêts ni indemnité',
      'B;15/06/2026;;15/07/2026;16/07/2026;10;10,15;2e semestre 2026;10,15;40,00;;50,15;taux BCE projeté (dernière valeur connue)',
      // 0,00 + 10,15 = 10,15; 0,00 + 40,00 = 40,00; no complementary interest: 0,00; 10,15 + 40,00 = 50,15
      'Total;;;;;;;;10,15;40,00;;50,15;1 en retard sur 2',
    ]);
  });
});

describe('arrearsAsReport', () => {
  // 30 214,17 due 29/10/2027, paid 01/03/2028: the Livret A is known until 31/01/2027, so every day is a projection at 1,7 %.
  const o = arrearInterest({ lineId: '5676228', dueDate: d('2027-10-29'), amountDue: new Decimal('30214.17'), payments: [{ date: d('2028-03-01') }] }, livretA);
  if (!o.ok) throw new Error(o.message);
  const r = arrearsAsReport([o.result], livretA);

  test('a projected Livret A: « (projeté) » in csv-fr, the bare rate in csv; a note names the arrear', async () => {
    expect((await renderReport(r, 'csv')).split('\n')[1]!.split(',')[5]).toBe('1.70');
    expect((await renderReport(r, 'csv-fr')).split('\n')[1]!.split(';')[5]).toBe('1,70 (projeté)');
    expect(r.notes.map((n) => n.text)).toEqual([
      'Livret A known until 31/01/2027; later days hold its last value (1.7 % from 01/08/2026) as a projection: 5676228 due 29/10/2027',
    ]);
  });

  test('an arrear not settled at --as-of: the « Total » row says what remains', async () => {
    const open = arrearInterest({ lineId: 'L', dueDate: d('2025-01-15'), amountDue: new Decimal('10000'), payments: [] }, livretA, d('2026-03-01'));
    if (!open.ok) throw new Error(open.message);
    // figures of loan-arrears.test.ts: base 10 810,77 and 100,97 of interest unpaid at 01/03/2026
    const last = (await renderReport(arrearsAsReport([open.result], livretA), 'csv-fr')).trim().split('\n').at(-1);
    expect(last).toBe('L;15/01/2025;Total;01/03/2026;;;;;911,74;810,77;0,00;;;10810,77;100,97;reste dû 10911,74 €');
  });
});
