import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, roundToCent, sum } from '../../src/money/decimal.js';
import { reinvoice, reinvoiceAsReport } from '../../src/purchasing/reinvoice.js';
import type { IsoDate } from '../../src/calendar/date.js';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

const d = (s: string | number) => new Decimal(s);
const p = (memberId: string, date: string, costHt: string) => ({ memberId, date: date as IsoDate, procedure: 'p', costHt: d(costHt) });

describe('reinvoice: worked examples', () => {
  test('VAT on the invoice total, rounded once: 3 × 45,53 = 136,59 HT; × 20 % = 27,318 → 27,32 (line by line would be 9,11 × 3 = 27,33); TTC 163,91', () => {
    const [i] = reinvoice([p('A', '2025-02-14', '45.53'), p('A', '2025-06-03', '45.53'), p('A', '2025-09-21', '45.53')], d(20));
    expect([i!.procedures, i!.ht.toFixed(2), i!.vat.toFixed(2), i!.ttc.toFixed(2)]).toEqual([3, '136.59', '27.32', '163.91']);
  });
  test('one invoice per member and year; --year keeps that year only', () => {
    const list = [p('A', '2025-03-01', '10.00'), p('B', '2025-03-01', '20.00'), p('A', '2026-01-05', '30.00')];
    expect(reinvoice(list, d(20)).map((i) => `${i.memberId} ${i.year} ${i.ht.toFixed(2)}`)).toEqual(['A 2025 10.00', 'B 2025 20.00', 'A 2026 30.00']);
    expect(reinvoice(list, d(20), 2026).map((i) => `${i.memberId} ${i.year}`)).toEqual(['A 2026']);
  });
  test('totals are the sums of the invoices: VAT 27,32 + 33,11 = 60,43, not round(302,12 × 20 %) = 60,42', () => {
    const invoices = reinvoice([p('A', '2025-01-01', '136.59'), p('B', '2025-01-01', '120.00'), p('B', '2025-01-02', '45.53')], d(20));
    const r = reinvoiceAsReport(invoices, 0, 2025);
    expect(r.facts).toMatchObject({ total_ht: '302.12', total_vat: '60.43', total_ttc: '362.55', invoices: 2, procedures: 3 });
  });
});

const procArb = fc.record({
  member: fc.constantFrom('A', 'B', 'C'),
  day: fc.integer({ min: 0, max: 700 }),
  cents: fc.integer({ min: 0, max: 10_000_000 }),
});

describe('reinvoice: properties', () => {
  test.prop([fc.array(procArb, { maxLength: 30 }), fc.integer({ min: 0, max: 2000 }).map((n) => d(n).div(100))])('on each invoice VAT = round(HT × rate), TTC = HT + VAT; the invoices hold every procedure and its cost', (list, vatPct) => {
    const procedures = list.map((x) => p(x.member, new Date(Date.UTC(2025, 0, 1 + x.day)).toISOString().slice(0, 10), d(x.cents).div(100).toFixed(2)));
    const invoices = reinvoice(procedures, vatPct);
    for (const i of invoices) {
      expect(i.vat.equals(roundToCent(i.ht.times(vatPct).div(100)))).toBe(true);
      expect(i.ttc.equals(i.ht.plus(i.vat))).toBe(true);
    }
    expect(invoices.reduce((n, i) => n + i.procedures, 0)).toBe(procedures.length);
    expect(sum(invoices.map((i) => i.ht)).equals(sum(procedures.map((x) => x.costHt)))).toBe(true);
  });
});

describe('finloc reinvoice', () => {
  test('the example for 2025, csv-fr with its Total row; the 2026 line noted', async () => {
    const r = await runFinloc(['reinvoice', 'data/examples/procedures-2025.csv', '--year', '2025', '--format', 'csv-fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '\ufeffMembre;Année;Nombre de procédures;Montant HT;Taux de TVA;TVA;Montant TTC\n' +
        'Commune de Collonges;2025;3;136,59;20,00;27,32;163,91\nSIGETA;2025;2;165,53;20,00;33,11;198,64\nTotal;;5;302,12;;60,43;362,55\n',
    );
    expect(r.stderr).toContain('1 procedure(s) outside 2025 not invoiced');
  });
  test('bad input: a negative cost, a bad date, a bad --vat: exit 2', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'p.csv', 'member_id,date,procedure,cost_ht\nA,2025-13-01,x,10\nB,2025-01-01,y,-5\n');
    const r = await runFinloc(['reinvoice', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `finloc: ${f}:2:2 (date): expected a date such as 2026-10-29 or 29/10/2026, got "2025-13-01"`,
      `finloc: ${f}:3:4 (cost_ht): expected an amount of zero or more, got "-5"`,
    ]);
    const vat = await runFinloc(['reinvoice', 'data/examples/procedures-2025.csv', '--vat', '120']);
    expect(vat.code).toBe(2);
    expect(vat.stderr).toMatch(/--vat.*0 to 100/);
  });
});
