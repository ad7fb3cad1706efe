import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

/**
 * Issue 11, item 3, at the command line: a 1 M€ DL line with a margin of
 * 100 % over 40 years (or 1 000 % over 25) used to exit 0 with NUL bytes and
 * merged fields in its CSV. Now a line whose figures stay within 10^15 € is
 * computed exactly, the same in csv and json, and one that passes it is
 * refused in one line, exit 2.
 */
let dir: string;
beforeAll(() => {
  dir = tempDir();
});

const HEADER = 'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision,progressivity_pct,profile';
const dl = (id: string, margin: string, years: number) => `${id},1000000,2027-01-01,${years},annual,livret_a,${margin},2.3,DL,0,payment_priority`;
const loans = (name: string, ...lines: string[]) => writeFile(dir, name, [HEADER, ...lines].join('\n') + '\n');

describe('a table that would pass 10^15 € is refused, never written', () => {
  test.each([
    { margin: '100', years: 40, what: 'deferred interest stock' },
    { margin: '1000', years: 25, what: 'interest' },
  ])('1 M€ at Livret A + $margin % over $years years: the $what passes 10^15 €', async ({ margin, years, what }) => {
    const f = loans(`m${margin}.csv`, dl('A', margin, years));
    for (const format of ['csv', 'csv-fr', 'json']) {
      const out = join(dir, `out-m${margin}.${format}`);
      const r = await runFinloc(['amortize', f, '--format', format, '--no-warnings', '-o', out]);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^finloc: ${f}:2:7 \\(margin_pct\\): due date \\d+ \\(01/01/20\\d\\d\\): the ${what} would pass 1 000 000 000 000 000 € \\(10\\^15 €\\), the largest figure finloc computes`));
      expect(existsSync(out)).toBe(false);
    }
  });
});

describe('within 10^15 €, beyond the integer-cents range: exact, csv = json', () => {
  test('1 M€ at Livret A + 100 % over 30 years: the Decimal core, no NUL byte, every figure in csv equal to json', async () => {
    // The stock of deferred interest about doubles every year (101,7 %): from 1 M€ it passes 2^50 cents (1,13 × 10^13 €)
    // after about log2(1,13 × 10^7) ≈ 23 years, far from 10^15 €.
    const f = loans('m100y30.csv', dl('A', '100', 30));
    const csv = await runFinloc(['amortize', f, '--no-warnings']);
    const json = await runFinloc(['amortize', f, '--format', 'json', '--no-warnings']);
    expect(csv.code).toBe(0);
    expect(json.code).toBe(0);
    expect(csv.stdout).not.toMatch(/[\0 ]/);
    const rows = csv.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    const jsonRows = (JSON.parse(json.stdout) as { lines: { rows: Record<string, string | number>[] }[] }).lines[0]!.rows;
    expect(rows).toHaveLength(30);
    rows.forEach((r, i) => {
      const j = jsonRows[i]!;
      expect(r).toEqual(['A', String(j.number), j.due_date, j.rate_pct, j.payment, j.amortisation, j.interest, j.deferred_interest, j.capital_after, j.deferred_stock].map(String));
    });
    const stockPeak = Math.max(...rows.map((r) => Number(r[9])));
    expect(stockPeak).toBeGreaterThan(2 ** 50 / 100);
    expect(rows[29]!.slice(8)).toEqual(['0.00', '0.00']);
  });

  test('the plausibility warning still speaks (margin outside −2 … +5 %), the figures do not move', async () => {
    const f = loans('m100y30w.csv', dl('A', '100', 30));
    const loud = await runFinloc(['amortize', f]);
    const quiet = await runFinloc(['amortize', f, '--no-warnings']);
    expect(loud.stderr).toMatch(/^finloc: warning: .*:2:7 \(margin_pct\): /m);
    expect(loud.stdout).toBe(quiet.stdout);
  });

  test('the grid of margins: with --skip-invalid, csv and json keep the same lines and the same figures, and the same lines are refused', async () => {
    const lines: string[] = [];
    for (const margin of ['5', '20', '50', '100', '200', '1000']) for (const years of [10, 20, 30, 40]) lines.push(dl(`M${margin}Y${years}`, margin, years));
    const f = loans('grid.csv', ...lines);
    const csv = await runFinloc(['amortize', f, '--skip-invalid', '--no-warnings']);
    const json = await runFinloc(['amortize', f, '--format', 'json', '--skip-invalid', '--no-warnings']);
    expect(csv.code).toBe(0);
    expect(json.code).toBe(0);
    expect(csv.stderr.split('\n').filter((l) => l.includes('10^15'))).toEqual(json.stderr.split('\n').filter((l) => l.includes('10^15')));
    const csvRows = csv.stdout.trim().split('\n').slice(1);
    const jsonRows = (JSON.parse(json.stdout) as { lines: { line_id: string; rows: Record<string, string | number>[] }[] }).lines.flatMap((l) =>
      l.rows.map((j) => [l.line_id, j.number, j.due_date, j.rate_pct, j.payment, j.amortisation, j.interest, j.deferred_interest, j.capital_after, j.deferred_stock].join(',')),
    );
    expect(csvRows).toEqual(jsonRows);
    expect(csv.stdout).not.toMatch(/\0/);
  });
});
