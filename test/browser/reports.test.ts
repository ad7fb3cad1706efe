import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Report } from '../../src/report/model.js';
import { renderHtml } from '../../src/report/html/render.js';
import { everyReport, REPORT_CHARTS } from '../helpers/html-reports.js';
import { tablesOf } from '../report/html/read-html.js';
import { chartMarks, isA4Landscape, isA4Portrait, launchChromium, openPage, outputDir, pdfPages, rowsOf } from './chromium.js';

/**
 * Every command's page in Chromium: the tables have their rows and the
 * figures of the acts as rendered text, every chart has drawn marks, a
 * screenshot is taken and the page prints to an A4 PDF.
 */

/** Launched by the first test that needs it: without Chromium every test fails (with how to get it), none is skipped. */
let launched: Promise<Browser> | undefined;
const browser = () => (launched ??= launchChromium());
const dir = outputDir();
const started = performance.now();
const timings: string[] = [];
afterAll(async () => {
  await launched?.then((b) => b.close(), () => undefined);
  console.log(`browser tests (reports): ${Math.round(performance.now() - started)} ms (${timings.join(', ')}); pages, screenshots and PDFs in ${dir}`);
});

const reports = everyReport();

/** Figures of the acts each page must show, as rendered text: [table key, row whose first cell is…, cells it holds]. */
const FIGURES: Record<string, [string, string, string[]][]> = {
  allocate: [
    ['results', 'TOTAL DU BUDGET (A1, B1, A1 + B1)', ['711 874,73', '-429 656,45', '282 218,28']],
    ['allocation_voted', 'Excédents de fonctionnement capitalisés (compte 1068)', ['598 255,81']],
    ['allocation', 'TOTAL DU BUDGET : dépenses', ['1 221 077,44']],
  ],
  'allocate-check': [['checks', 'total_expenditure', ['1 221 077,44', '1 221 077,44', '0,00', 'conforme']]],
  rar: [['totals', 'Investissement', ['Dépenses']]],
  'guarantee-principal': [['principal', 'Commune de Gannat', ['5676228', '341 776,20', 'conforme']]],
  // Gannat's 60 %: 24 × 18 128,50 + 18 128,57 = 453 212,57; amortisation 341 776,20; interest 111 436,37.
  'guarantee-schedule': [['schedule', 'COMMUNE DE GANNAT', ['Total', '453 212,57', '341 776,20', '111 436,37']]],
  'guarantee-statement': [['statement', 'Commune de Gannat', ['Total']]],
  'guarantee-exposure': [['exposure', 'Commune de Gannat', ['2024']]],
  'guarantee-ratios': [['ratios_all', 'L2252-1', ['verdict', 'respecté']]],
  // F-2025-001: 28 days at 11,15 % on 10 000,00 €: 85,53 € + 40 €.
  'late-interest-procurement': [['invoices', 'F-2025-001', ['28', '11,15', '85,53', '40,00', '125,53']]],
  // The 29/10/2025 capitalisation: 1 076,91 €.
  'late-interest-loan': [['arrears', 'EX-1', ['29/10/2024', '30 214,17', '1 076,91']]],
  // Deliberation 26/72: operating 68 161 € declared and recomputed.
  subsidies: [['subsidies_declared', 'operating', ['68 161,00', '0,00', 'conforme']]],
};

/** The charts each page draws. */
const CHARTS = REPORT_CHARTS;

/** The last row of these tables is their « Total », in bold. */
const TOTAL_LAST: Record<string, string> = { 'late-interest-procurement': 'invoices', 'guarantee-schedule': 'schedule' };

describe.each(Object.keys(FIGURES))('%s --format html in Chromium', (name) => {
  it('tables with their rows and figures, charts with marks, a screenshot, an A4 PDF', async () => {
    const t0 = performance.now();
    const report: Report = reports[name]!;
    const html = await renderHtml(report, { sources: ['EXEMPLE.csv'] });
    const { page } = await openPage(await browser(), dir, name, html);

    // Every table: the browser shows the rows the page holds (an html table that did not parse would lose them).
    const expected = tablesOf(html);
    const shown = await page.$$eval('table[data-table]', (ts) => ts.map((t) => [t.getAttribute('data-table')!, t.querySelectorAll('tbody tr').length] as [string, number]));
    expect(shown).toEqual([...expected.entries()].map(([k, t]) => [k, t.rows.length]));
    expect(shown.length).toBeGreaterThan(0);

    for (const [key, first, cells] of FIGURES[name]!) {
      const row = (await rowsOf(page, key)).find((r) => r.includes(first) && cells.every((c) => r.includes(c)));
      expect(row, `${key}: a row with ${first} and ${cells.join(', ')}`).toBeDefined();
    }
    if (TOTAL_LAST[name]) {
      const weight = await page.$eval(`table[data-table="${TOTAL_LAST[name]}"] tbody tr:last-child td`, (td) => getComputedStyle(td).fontWeight);
      expect(weight).toBe('700');
    }
    for (const verdict of await page.$$eval('td.verdict', (tds) => tds.map((td) => [td.textContent, getComputedStyle(td).color]))) {
      expect(verdict[1]).toBe(verdict[0] === 'écart' || verdict[0] === 'dépassé' ? 'rgb(180, 35, 24)' : 'rgb(20, 108, 46)');
    }

    const marks = await chartMarks(page);
    expect(marks.map(([key]) => key)).toEqual(CHARTS[name]);
    for (const [key, n] of marks) expect(n, `${name}: chart ${key}`).toBeGreaterThan(0);

    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: join(dir, `${name}.pdf`), printBackground: true, preferCSSPageSize: true });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // Wide tables print on landscape pages (@page wide), the rest on portrait ones.
    const wide = await page.$$eval('section.table.wide', (s) => s.length);
    expect(pages.every((p) => isA4Portrait(p) || isA4Landscape(p))).toBe(true);
    expect(pages.some(isA4Landscape)).toBe(wide > 0);
    await page.close();
    timings.push(`${name} ${Math.round(performance.now() - t0)} ms, ${pages.length} page(s)`);
  });
});
