import { describe, expect, it } from 'vitest';
import { amortizeCsv, bundledLivretA } from '../../../node/index.js';
import { InputError } from '../../../src/errors.js';
import { warning } from '../../../src/report/model.js';
import { SCHEDULE_COLUMNS } from '../../../src/loan/render.js';
import {
  AMORTIZE_HTML_MAX_LINES,
  AMORTIZE_HTML_MAX_ROWS,
  amortizeHtmlLimitProblem,
  renderAmortizeHtml,
} from '../../../src/report/html/amortize.js';
import { cdcSchedules } from '../../helpers/html-reports.js';
import { cellsText, tablesOf, textOf } from './read-html.js';

describe('renderAmortizeHtml: CDC contract 180000, line 5676228', async () => {
  const page = await renderAmortizeHtml(cdcSchedules(), { index: bundledLivretA(), sources: ['data/examples/cdc-180000.csv'] });
  const table = tablesOf(page).get('schedule_5676228')!;

  it('the table: the CDC titles without the line number (in the heading), 25 rows and the contract\'s totals', () => {
    expect(table.head).toEqual(SCHEDULE_COLUMNS.slice(1).map((c) => c.title));
    expect(table.rows).toHaveLength(26);
    expect(cellsText(table.rows[0]!)).toEqual(['1', '29/10/2026', '2,30', '30 214,17', '17 112,75', '13 101,42', '0,00', '552 514,25', '0,00']);
    expect(cellsText(table.rows[24]!)).toEqual(['25', '29/10/2050', '2,30', '30 214,29', '29 534,99', '679,30', '0,00', '0,00', '0,00']);
    expect(table.rows[25]!.cls).toBe('total');
    expect(cellsText(table.rows[25]!)).toEqual(['Total', '', '', '755 354,37', '569 627,00', '185 727,37', '0,00', '', '']);
  });

  it('the line\'s terms and totals, the index values known and projected, the rules under the table', () => {
    const summary = /<dl class="summary"[^>]*>(.*?)<\/dl>/.exec(page)![1]!;
    const items = [...summary.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => [textOf(m[1]!), textOf(m[2]!).replace(/\u00a0/g, ' ')]);
    expect(Object.fromEntries(items)).toMatchObject({
      'Montant de la Ligne du Prêt': '569 627,00 €',
      'Date de première échéance': '29/10/2026',
      'Nombre d’échéances': '25',
      Périodicité: 'annuelle',
      Index: 'Livret A',
      'Marge fixe sur index': '0,60 %',
      'Taux d’intérêt (I)': '2,30 %',
      'Modalité de révision': 'DL (double révisabilité limitée)',
      'Première échéance': '30 214,17 €',
      'Total des échéances': '755 354,37 €',
      'Total de l’amortissement': '569 627,00 €',
      'Total des intérêts': '185 727,37 €',
    });
    const index = tablesOf(page).get('index_5676228')!;
    expect(index.rows.map(cellsText)).toEqual([
      ['01/08/2026', '1,70', 'connue', 'n° 1'],
      ['01/08/2026', '1,70', 'projetée (dernière valeur connue reprise)', 'n° 2 à 25'],
    ]);
    expect(page).toContain('Livret A connu jusqu’au 31/01/2027');
    expect(page).toContain('<span><sup>1</sup> contrat, art. 9</span>');
  });

  it('two charts: the capital remaining and each payment split into amortisation and interest', () => {
    const charts = [...page.matchAll(/<figure class="chart" data-chart="([^"]*)"><figcaption>([^<]*)<\/figcaption><svg/g)].map((m) => [m[1], m[2]]);
    expect(charts).toEqual([
      ['capital', 'Capital restant dû après chaque échéance (en €)'],
      ['payments', 'Échéances : amortissement et intérêts (en €)'],
    ]);
    // 25 bars of amortisation, 25 of interest.
    const payments = /data-chart="payments">.*?<\/figure>/.exec(page)![0];
    expect((/<g class="mark-rect role-mark[^>]*>(.*?)<\/g>/.exec(payments)![1]!.match(/<path/g) ?? []).length).toBe(50);
    // Axis numbers in French.
    expect(payments).toContain('>30\u00a0000</text>');
  });
});

describe('several lines', async () => {
  const csv =
    'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision,progressivity_pct\n' +
    'A <1>,100000,2027-01-15,8,semiannual,none,,3.1,none,0\n' +
    'B & "C",250000,2026-10-29,15,annual,livret_a,0.6,2.3,DR,0.5\n';
  const page = await renderAmortizeHtml(amortizeCsv(csv), { notes: [warning('loans.csv:3:8 (rate_pct): a <warning>')], date: '2026-06-05' as never });

  it('a summary of the lines first, then one section per line, each on a new printed page; names escaped', () => {
    const overview = tablesOf(page).get('overview')!;
    expect(overview.rows.map((r) => r.cells[0]!.text)).toEqual(['A <1>', 'B & "C"', 'Total']);
    expect(cellsText(overview.rows[2]!)[1]).toBe('350 000,00');
    expect([...page.matchAll(/<section class="loan-line" data-line="([^"]*)">/g)].map((m) => m[1])).toEqual(['A &lt;1&gt;', 'B &amp; &quot;C&quot;']);
    expect(page).toContain('<h2>Ligne du Prêt n° B &amp; &quot;C&quot;</h2>');
    expect(page).toContain('section.overview + section.loan-line, section.loan-line + section.loan-line, section.report + section.report { break-before: page;');
    expect(tablesOf(page).get('schedule_A <1>')!.rows).toHaveLength(9);
    expect(tablesOf(page).has('index_A <1>')).toBe(false); // a fixed rate has no index values
    expect(page).toContain('<h1>Tableaux d’amortissement</h1><p class="subtitle">édité le 05/06/2026</p>');
    expect(page).toContain('<li class="warning"><strong>Avertissement :</strong> loans.csv:3:8 (rate_pct): a &lt;warning&gt;</li>');
  });
});

describe('the size of one page', () => {
  it(`at most ${AMORTIZE_HTML_MAX_LINES} lines and ${AMORTIZE_HTML_MAX_ROWS} due dates: beyond, a message pointing to xlsx`, async () => {
    expect(amortizeHtmlLimitProblem(AMORTIZE_HTML_MAX_LINES, AMORTIZE_HTML_MAX_ROWS)).toBeUndefined();
    expect(amortizeHtmlLimitProblem(AMORTIZE_HTML_MAX_LINES + 1)).toBe(
      `--format html writes one printable page of at most ${AMORTIZE_HTML_MAX_LINES} loan lines and ${AMORTIZE_HTML_MAX_ROWS} due dates, and this file has ${AMORTIZE_HTML_MAX_LINES + 1} loan lines; use --format xlsx (or csv-fr) for a whole portfolio, or split the file`,
    );
    expect(amortizeHtmlLimitProblem(10, AMORTIZE_HTML_MAX_ROWS + 1)).toContain(`this file has ${AMORTIZE_HTML_MAX_ROWS + 1} due dates`);
    const one = cdcSchedules()[0]!;
    const many = Array.from({ length: AMORTIZE_HTML_MAX_LINES + 1 }, () => one);
    await expect(renderAmortizeHtml(many)).rejects.toThrow(InputError);
  });

  it('charts: false gives the tables alone', async () => {
    const page = await renderAmortizeHtml(cdcSchedules(), { charts: false });
    expect(page).not.toContain('<figure');
    expect(tablesOf(page).get('schedule_5676228')!.rows).toHaveLength(26);
  });
});
