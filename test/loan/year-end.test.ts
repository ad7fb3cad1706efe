import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { amortizeLine, amortizeFile, bundledLivretA } from '../../node/index.js';
import { yearEndFigures, yearEndTotals } from '../../src/loan/year-end.js';
import { runFinloc } from '../helpers/cli.js';

// Issue 14, item 4: the year-end figures of the debt annex.

describe('CDC contract 180000, line 5676228 (its table: golden-tested elsewhere)', () => {
  const schedule = amortizeFile('data/examples/cdc-180000.csv', { index: bundledLivretA() })[0]!;
  test('2026: the line runs from 29/10/2025 (first due date 29/10/2026 − one year); first due date in the year', () => {
    const f = yearEndFigures(schedule, 2026);
    // Row 1 of the contract's table: 17 112,75 of capital, 13 101,42 of interest; 569 627,00 − 17 112,75 = 552 514,25.
    // ICNE: row 2 (29/10/2027) bears 12 707,83 over 360 days (30/360); 29/10 → 31/12/2026 = 61 days:
    // 12 707,83 × 61 / 360 = 775 177,63 / 360 = 2 153,271… → 2 153,27.
    expect([f.capitalJanuary1, f.borrowed, f.capitalRepaid, f.interestPaid, f.capitalDecember31, f.icne].map((d) => d.toFixed(2))).toEqual([
      '569627.00', '0.00', '17112.75', '13101.42', '552514.25', '2153.27',
    ]);
  });
  test('2027: the annex of that year', () => {
    const f = yearEndFigures(schedule, 2027);
    // Row 2: 17 506,34 and 12 707,83; 552 514,25 − 17 506,34 = 535 007,91. ICNE: row 3's 12 305,18 × 61 / 360 = 2 085,044… → 2 085,04.
    expect([f.capitalJanuary1, f.capitalRepaid, f.interestPaid, f.capitalDecember31, f.icne].map((d) => d.toFixed(2))).toEqual([
      '552514.25', '17506.34', '12707.83', '535007.91', '2085.04',
    ]);
  });
  test('2025, the year the line starts: borrowed 569 627,00, nothing repaid; 2051, after the last due date: all zero', () => {
    const start = yearEndFigures(schedule, 2025);
    expect([start.capitalJanuary1, start.borrowed, start.capitalRepaid, start.capitalDecember31].map((d) => d.toFixed(2))).toEqual(['0.00', '569627.00', '0.00', '569627.00']);
    // ICNE at 31/12/2025: row 1's 13 101,42 × 61 / 360 = 799 186,62 / 360 = 2 219,962… → 2 219,96.
    expect(start.icne.toFixed(2)).toBe('2219.96');
    const after = yearEndFigures(schedule, 2051);
    expect(Object.values(yearEndTotals([after])).every((d) => d.isZero())).toBe(true);
  });
});

describe('invariants', () => {
  const lineArb = fc.record({
    principal: fc.integer({ min: 100_000, max: 500_000_000 }).map((c) => new Decimal(c).div(100)),
    year: fc.integer({ min: 2020, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    periods: fc.integer({ min: 1, max: 40 }),
    periodicity: fc.constantFrom('annual', 'semiannual', 'quarterly', 'monthly'),
    ratePct: fc.integer({ min: 0, max: 800 }).map((b) => new Decimal(b).div(100)),
    prefinancingMonths: fc.constantFrom(0, 0, 6, 12, 24),
    dayCount: fc.constantFrom('30/360', 'actual/365', 'actual/360'),
  });
  test.prop([lineArb])('each year: 1 January + borrowed + capitalised − repaid = 31 December; over all years, repaid = the capital amortised; 0 ≤ ICNE', (l) => {
    const schedule = amortizeLine({
      principal: l.principal, firstDueDate: `${l.year}-${String(l.month).padStart(2, '0')}-15`, periods: l.periods, periodicity: l.periodicity,
      ratePct: l.ratePct, prefinancingMonths: l.prefinancingMonths, dayCount: l.dayCount,
    });
    const first = Number(schedule.rows[0]!.dueDate.slice(0, 4)) - 4;
    const last = Number(schedule.rows[schedule.rows.length - 1]!.dueDate.slice(0, 4)) + 1;
    let repaid = new Decimal(0);
    for (let y = first; y <= last; y++) {
      const f = yearEndFigures(schedule, y);
      expect(f.capitalJanuary1.plus(f.borrowed).plus(f.capitalisedInterest).minus(f.capitalRepaid).toFixed(2)).toBe(f.capitalDecember31.toFixed(2));
      expect(f.icne.isNegative()).toBe(false);
      if (y < last) expect(yearEndFigures(schedule, y + 1).capitalJanuary1.toFixed(2)).toBe(f.capitalDecember31.toFixed(2));
      repaid = repaid.plus(f.capitalRepaid);
    }
    expect(repaid.toFixed(2)).toBe(schedule.summary.amortisedCapital.toFixed(2));
  });
});

describe('finloc amortize --report year-end', () => {
  test('csv: the annex columns; csv-fr adds the « Total » row', async () => {
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--report', 'year-end', '--year', '2027']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'line_id,MtCapitalRestDu_01_01,new_borrowing,capitalised_interest,MtCapitalExer,MtIntExer,deferred_interest,MtCapitalRestDu_31_12,MtICNE\n' +
        '5676228,552514.25,0.00,0.00,17506.34,12707.83,0.00,535007.91,2085.04\n',
    );
    const fr = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--report', 'year-end', '--year', '2027', '--format', 'csv-fr']);
    expect(fr.stdout.trim().split('\n')[2]).toBe('Total;552514,25;0,00;0,00;17506,34;12707,83;0,00;535007,91;2085,04');
  });
  test('usage: year-end without --year, --year without year-end, a year out of range', async () => {
    const f = 'data/examples/cdc-180000.csv';
    expect(await runFinloc(['amortize', f, '--report', 'year-end'])).toMatchObject({ code: 2, stderr: 'finloc: --report year-end needs --year YYYY\n' });
    expect(await runFinloc(['amortize', f, '--year', '2027'])).toMatchObject({ code: 2, stderr: 'finloc: --year goes with --report year-end\n' });
    expect((await runFinloc(['amortize', f, '--report', 'year-end', '--year', '20270'])).stderr).toBe('finloc: --year: expected a year from 1900 to 2199, got "20270"\n');
  });
});
