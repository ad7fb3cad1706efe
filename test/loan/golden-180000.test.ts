import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDecimal } from '../../src/money/parse.js';
import { parseDate } from '../../src/calendar/date.js';
import { runFinloc } from '../helpers/cli.js';
import { CDC_180000_TABLE, CDC_180000_TOTAL } from './fixtures/cdc-180000-table.js';

/** The golden table in machine form: one array of canonical strings per row. */
const golden = CDC_180000_TABLE.split('\n').map((l) => {
  const [n, date, rate, ...amounts] = l.split('\t');
  return {
    number: n!,
    dueDate: parseDate(date!)!,
    ratePct: parseDecimal(rate!)!.toFixed(2),
    amounts: amounts.map((a) => parseDecimal(a)!.toFixed(2)),
  };
});
const goldenTotal = CDC_180000_TOTAL.split('\t').filter((c) => c !== '' && c !== 'Total').map((a) => parseDecimal(a)!.toFixed(2));
const EXAMPLE = 'data/examples/cdc-180000.csv';

describe('CDC contract 180000, line 5676228: the golden table', () => {
  test('the bundled example is the line of article 9', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    expect(text).toContain('5676228,569627.00,2026-10-29,25,annual,livret_a,0.6,2.3,DL,0,0,payment_priority,equivalent,30/360,0');
  });

  test('csv reproduces all 25 rows to the cent', async () => {
    const { code, stdout } = await runFinloc(['amortize', EXAMPLE]);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toBe('line_id,number,due_date,rate_pct,payment,amortisation,interest,deferred_interest,capital_after,deferred_stock');
    expect(rows).toHaveLength(25);
    rows.forEach((r, i) => {
      const g = golden[i]!;
      expect(r).toBe(['5676228', g.number, g.dueDate, g.ratePct, ...g.amounts].join(','));
    });
  });

  test('csv-fr is the CDC layout with its « Total » row: 755 354,37 / 569 627,00 / 185 727,37', async () => {
    const { code, stdout } = await runFinloc(['amortize', EXAMPLE, '--format', 'csv-fr']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    // The UTF-8 byte-order mark first, so that Excel reads « N° » and « Prêt » right.
    expect(lines[0]).toBe(
      "\ufeffN° de la Ligne du Prêt;N° d'échéance;Date d'échéance;Taux d'intérêt (en %);Echéance (en €);Amortissement (en €);Intérêts (en €);Intérêts à différer (en €);Capital dû après remboursement (en €);Stock d'intérêts différés (en €)",
    );
    const table = CDC_180000_TABLE.split('\n');
    table.forEach((l, i) => {
      expect(lines[i + 1]).toBe('5676228;' + l.replace(/ /g, '').split('\t').join(';'));
    });
    expect(lines[26]).toBe('5676228;Total;;;' + goldenTotal.map((a) => a.replace('.', ',')).join(';') + ';;');
  });

  test('json carries the same figures as strings, with totals and the index values used', async () => {
    const { code, stdout } = await runFinloc(['amortize', EXAMPLE, '--format', 'json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    const line = doc.lines[0];
    expect(line.line_id).toBe('5676228');
    expect(line.rows).toHaveLength(25);
    line.rows.forEach((r: Record<string, string>, i: number) => {
      const g = golden[i]!;
      expect([r.payment, r.amortisation, r.interest, r.deferred_interest, r.capital_after, r.deferred_stock]).toEqual(g.amounts);
      expect(r.due_date).toBe(g.dueDate);
      expect(r.rate_pct).toBe(g.ratePct);
    });
    expect([line.summary.total_payment, line.summary.total_amortisation, line.summary.total_interest, line.summary.total_deferred_interest]).toEqual(goldenTotal);
    expect(line.summary.first_payment).toBe('30214.17');
    // Article 9: « Taux de période 2,3 % », « TEG de la Ligne du Prêt 2,3 % ».
    expect(line.summary.period_rate_pct).toBe('2.3');
    expect(line.summary.teg_pct).toBe('2.3');
    // The Livret A of 1 August 2026 (1,7 %, the value the contract quotes) is published for the first due date and held after it.
    expect(line.summary.index_values).toEqual([
      { effective_date: '2026-08-01', rate_pct: '1.7', status: 'known', due_numbers: [1, 1] },
      { effective_date: '2026-08-01', rate_pct: '1.7', status: 'projected', due_numbers: [2, 25] },
    ]);
  });
});
