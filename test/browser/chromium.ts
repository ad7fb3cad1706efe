import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';

/**
 * The browser tests drive Debian's Chromium (no browser download) through
 * playwright-core. They are never skipped: without Chromium they fail,
 * saying how to get it.
 */
export const CHROMIUM = process.env.FINLOC_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the browser tests (test/browser) need it and are never skipped. ` +
        'Install it (apt-get install -y chromium; .ci/run does) or set FINLOC_CHROMIUM to its path.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Where the pages, screenshots and PDFs of a run go: FINLOC_BROWSER_OUT, else a fresh temporary folder. */
export function outputDir(): string {
  const dir = process.env.FINLOC_BROWSER_OUT ?? mkdtempSync(join(tmpdir(), 'finloc-browser-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes a page in the folder and opens it from its file:// URL, as a user opens a saved report. */
export async function openPage(browser: Browser, dir: string, name: string, html: string): Promise<{ page: Page; file: string }> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  // Nothing may be fetched: the page is self-contained.
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) fetched.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  if (fetched.length > 0) throw new Error(`${name}: the page fetched ${fetched.join(', ')}`);
  return { page, file };
}

/** The pages of a PDF: its `/Type /Page` objects (not `/Pages`), each with its size in points (MediaBox). */
export function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  const objects = text.split(/\bendobj\b/).filter((o) => /\/Type\s*\/Page(?![a-zA-Z])/.test(o));
  return objects.map((o) => {
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(o);
    return box ? { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) } : { width: NaN, height: NaN };
  });
}

/** A4 in points (210 × 297 mm: 595,3 × 841,9; Chromium rounds to 1/96 inch: 595,92 × 842,88). */
export const isA4Portrait = (p: { width: number; height: number }) => Math.abs(p.width - 595.3) < 1.5 && Math.abs(p.height - 841.9) < 1.5;
export const isA4Landscape = (p: { width: number; height: number }) => Math.abs(p.width - 841.9) < 1.5 && Math.abs(p.height - 595.3) < 1.5;

/** The texts of the rows of a table of the page (by its data-table key), no-break spaces as plain spaces. */
export async function rowsOf(page: Page, key: string): Promise<string[][]> {
  return page.$$eval(`table[data-table="${key}"] tbody tr`, (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\u00a0/g, ' '))),
  );
}

/** For each chart of the page, its key and the number of marks Vega drew (bars, areas, lines, points). */
export async function chartMarks(page: Page): Promise<[string, number][]> {
  return page.$$eval('figure.chart', (figures) =>
    figures.map((f) => [f.getAttribute('data-chart') ?? '', f.querySelectorAll('svg.marks g.role-mark path, svg.marks g.role-mark rect').length] as [string, number]),
  );
}
