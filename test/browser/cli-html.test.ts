import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runFinloc, tempDir } from '../helpers/cli.js';
import { chartMarks, launchChromium, openPage, outputDir, pdfPages, rowsOf } from './chromium.js';

// --format html as the command writes it (the skeleton and amortize's own path), opened in Chromium.

let launched: Promise<Browser> | undefined;
const browser = () => (launched ??= launchChromium());
afterAll(async () => {
  await launched?.then((b) => b.close(), () => undefined);
});

describe('finloc … --format html, the file the command writes', () => {
  it('amortize -o table.html (the format from the extension): the CDC 180000 table with its totals, charts drawn, an A4 PDF', async () => {
    const dir = tempDir();
    const out = join(dir, 'table.html');
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '-o', out]);
    expect(r.code).toBe(0);
    const { page } = await openPage(await browser(), outputDir(), 'cli-amortize', readFileSync(out, 'utf8'));
    const rows = await rowsOf(page, 'schedule_5676228');
    expect(rows).toHaveLength(26);
    // The contract's totals: 755 354,37 of payments, 569 627,00 of capital, 185 727,37 of interest.
    expect(rows[25]!.slice(0, 6)).toEqual(['Total', '', '', '755 354,37', '569 627,00', '185 727,37']);
    for (const [key, n] of await chartMarks(page)) expect(n, key).toBeGreaterThan(0);
    expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true })).length).toBeGreaterThanOrEqual(1);
  });

  it('late-interest procurement --format html: the invoices with the bundled example totals', async () => {
    const r = await runFinloc(['late-interest', 'procurement', 'data/examples/invoices.csv', '--format', 'html']);
    expect(r.code).toBe(0);
    const { page } = await openPage(await browser(), outputDir(), 'cli-late-interest', r.stdout);
    const text = await page.textContent('body');
    // 85,53 + 51,32 + 8,24 + 241,93 = 387,02 of interest; 4 × 40 = 160,00; 547,02 in all (test/late-interest/cli.test.ts).
    expect(text).toContain('387,02');
    expect(text).toContain('547,02');
    for (const [key, n] of await chartMarks(page)) expect(n, key).toBeGreaterThan(0);
  });
});

describe('--format html limits', () => {
  it('amortize refuses more than 500 lines before computing, and says to use xlsx', async () => {
    const dir = tempDir();
    const lines = ['line_id,principal,first_due_date,periods,rate_pct', ...Array.from({ length: 501 }, (_, i) => `L${i},1000,2027-01-01,2,10`)];
    const file = join(dir, 'loans.csv');
    (await import('node:fs')).writeFileSync(file, lines.join('\n') + '\n');
    const r = await runFinloc(['amortize', file, '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('use --format xlsx');
  });
});
