import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { amortizeCsv, bundledLivretA } from '../../node/index.js';
import { renderAmortizeHtml } from '../../src/report/html/amortize.js';
import { CDC_180000, cdcSchedules } from '../helpers/html-reports.js';
import { chartMarks, isA4Portrait, launchChromium, openPage, outputDir, pdfPages, rowsOf } from './chromium.js';

/**
 * The amortisation page in Chromium: what a finance officer sees and
 * prints. The CDC 180000 table must read as the contract prints it.
 */

/** Launched by the first test that needs it: without Chromium every test fails (with how to get it), none is skipped. */
let launched: Promise<Browser> | undefined;
const browser = () => (launched ??= launchChromium());
const dir = outputDir();
const started = performance.now();
afterAll(async () => {
  await launched?.then((b) => b.close(), () => undefined);
  console.log(`browser tests (amortize): ${Math.round(performance.now() - started)} ms; pages, screenshots and PDFs in ${dir}`);
});

describe('amortize --format html in Chromium', () => {
  it('CDC 180000: 25 rows and the contract\'s totals as rendered text, both charts drawn, a screenshot, an A4 PDF', async () => {
    const html = await renderAmortizeHtml(cdcSchedules(), { index: bundledLivretA(), sources: [CDC_180000] });
    const { page } = await openPage(await browser(), dir, 'amortize-cdc-180000', html);
    const rows = await rowsOf(page, 'schedule_5676228');
    expect(rows).toHaveLength(26);
    expect(rows.slice(0, 25).map((r) => r[0])).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    expect(rows[0]).toEqual(['1', '29/10/2026', '2,30', '30 214,17', '17 112,75', '13 101,42', '0,00', '552 514,25', '0,00']);
    expect(rows[25]!.slice(0, 6)).toEqual(['Total', '', '', '755 354,37', '569 627,00', '185 727,37']);
    expect(await page.$eval('table[data-table="schedule_5676228"] tbody tr:last-child td', (td) => getComputedStyle(td).fontWeight)).toBe('700');

    const marks = await chartMarks(page);
    expect(marks.map(([k]) => k)).toEqual(['capital', 'payments']);
    for (const [key, n] of marks) expect(n, key).toBeGreaterThan(0);
    expect(marks[1]![1]).toBe(50); // 25 amortisation bars, 25 interest bars

    // The table stays within the sheet (A4 portrait less 12 mm margins: 186 mm = 703 px).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1000 });
    expect(await page.$eval('table[data-table="schedule_5676228"]', (t) => t.scrollWidth)).toBeLessThanOrEqual(703);
    expect(await page.$eval('table[data-table="schedule_5676228"] thead', (t) => getComputedStyle(t).display)).toBe('table-header-group');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1000, height: 1300 });

    const shot = join(dir, 'amortize-cdc-180000.png');
    await page.screenshot({ path: shot, fullPage: true });
    // FINLOC_UPDATE_DOCS=1 refreshes the README's picture.
    if (process.env.FINLOC_UPDATE_DOCS === '1') copyFileSync(shot, 'docs/amortize-report.png');

    const pdf = await page.pdf({ format: 'A4', path: join(dir, 'amortize-cdc-180000.pdf'), printBackground: true });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.every(isA4Portrait)).toBe(true);
    await page.close();
  });

  it('several lines: a page break before each line; a long table over several A4 pages, its header set to repeat on each', async () => {
    const csv =
      'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision\n' +
      'M-240,300000,2027-01-31,240,monthly,livret_a,0.6,2.3,DL\n' +
      'A-1,100000,2027-06-30,10,annual,none,,3.1,none\n' +
      'A-2,50000,2027-06-30,5,annual,none,,2.9,none\n';
    const { page } = await openPage(await browser(), dir, 'amortize-three-lines', await renderAmortizeHtml(amortizeCsv(csv), { index: bundledLivretA() }));
    expect((await rowsOf(page, 'schedule_M-240')).length).toBe(241);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('section.loan-line', (s) => s.map((x) => getComputedStyle(x).breakBefore));
    expect(breaks).toEqual(['page', 'page', 'page']);
    expect(await page.$eval('table[data-table="schedule_M-240"] thead', (t) => getComputedStyle(t).display)).toBe('table-header-group');
    expect(await page.$eval('table[data-table="schedule_M-240"] tbody tr', (t) => getComputedStyle(t).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4', path: join(dir, 'amortize-three-lines.pdf'), preferCSSPageSize: true });
    const pages = pdfPages(pdf);
    // The summary page, then M-240 over several pages (240 rows), then on pages of their own.
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(pages.every(isA4Portrait)).toBe(true);
    const marks = await chartMarks(page);
    expect(marks).toHaveLength(6);
    for (const [key, n] of marks) expect(n, key).toBeGreaterThan(0);
    await page.close();
  });
});
