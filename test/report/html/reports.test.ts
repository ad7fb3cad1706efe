import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Report, Table } from '../../../src/report/model.js';
import { report as makeReport, column, note, alert, warning } from '../../../src/report/model.js';
import { checkFigure } from '../../../src/report/check.js';
import { Decimal } from '../../../src/money/decimal.js';
import { renderHtml, reportCharts } from '../../../src/report/html/render.js';
import { shownColumns } from '../../../src/report/html/table.js';
import { subsidiesAsReport, subsidyReport } from '../../../src/subsidy/report.js';
import { GANNAT_GRANTS, allocationChecksExample, everyReport, grantsOf, rarDeclaredExample, SITIV_DECLARED, REPORT_CHARTS } from '../../helpers/html-reports.js';
import { cellsText, tablesOf } from './read-html.js';

/**
 * Every command's report through renderHtml: each table of the report is
 * on the page (whole, or split as the act lays it out) with its rows and
 * its French titles, the checks carry their verdicts, the charts are drawn.
 */

/** Where each report table goes on the page: its own key, or the keys of the parts it is split into. */
const PLACES: Record<string, Record<string, string[]>> = {
  allocate: { allocation: ['allocation'] },
  'allocate-check': { checks: ['checks'] },
  rar: { totals: ['totals'], lines: ['lines'] },
  'guarantee-principal': { principal: ['principal'] },
  'guarantee-schedule': { schedule: ['schedule'] },
  'guarantee-statement': { statement: ['statement', 'statement_lines'] },
  'guarantee-exposure': { exposure: ['exposure'] },
  'guarantee-ratios': { ratios: ['ratios_ceiling', 'ratios_borrower', 'ratios_share', 'ratios_exempt', 'ratios_all'] },
  'late-interest-procurement': { invoices: ['invoices'] },
  'late-interest-loan': { periods: ['periods'], arrears: ['arrears'] },
  subsidies: {
    subsidies: ['subsidies_envelope', 'subsidies_total', 'subsidies_kind', 'subsidies_ceiling', 'subsidies_complement', 'subsidies_beneficiary', 'subsidies_beneficiary_envelope', 'subsidies_declared'],
  },
};

/** Tables of the report the page gives in another table: the ratios' own tables hold the same terms as `ratios`, shown one table per ratio. */
const SAME_TERMS: Record<string, string[]> = { 'guarantee-ratios': ['ceiling', 'borrowers', 'shares', 'exempt'] };

/** The charts each page draws. */
const CHARTS = REPORT_CHARTS;

const reports = everyReport();
const pages: Record<string, string> = {};
beforeAll(async () => {
  for (const [name, r] of Object.entries(reports)) pages[name] = await renderHtml(r, { sources: ['EXEMPLE.csv'] });
});

const frenchOf = (t: Table) => t.french ?? t;

describe.each(Object.keys(PLACES))('%s as html', (name) => {
  it('every table of the report is on the page: all its rows, in order, under the French titles of its columns', () => {
    const report = reports[name]!;
    const tables = tablesOf(pages[name]!);
    const places = PLACES[name]!;
    const keys = report.tables.map((t) => t.key).filter((k) => !(SAME_TERMS[name] ?? []).includes(k));
    // A check mode's table is the checks themselves.
    expect(Object.keys(places).sort()).toEqual((name === 'allocate-check' ? ['checks'] : keys).sort());
    for (const [key, parts] of Object.entries(places)) {
      const t = report.tables.find((x) => x.key === key) ?? { key, title: '', columns: [], rows: report.checks.map(() => ({})) };
      const shown = parts.map((p) => tables.get(p));
      expect(shown.every((s) => s !== undefined), `${key}: ${parts.join(', ')}`).toBe(true);
      const rows = shown.reduce((n, s) => n + s!.rows.length, 0);
      // The statement is shown twice (the guaranteed share, the whole lines).
      expect(rows).toBe(frenchOf(t as Table).rows.length * (key === 'statement' ? 2 : 1));
      if (parts.length === 1 && t.columns.length > 0) {
        expect(shown[0]!.head).toEqual(shownColumns(frenchOf(t as Table)).map((c) => c.title));
      }
    }
  });

  it('draws its charts, each an inline svg with marks', () => {
    const page = pages[name]!;
    const figures = [...page.matchAll(/<figure class="chart" data-chart="([^"]*)"><figcaption>[^<]*<\/figcaption>(<svg.*?<\/svg>)<\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(CHARTS[name]);
    for (const f of figures) expect((f[2]!.match(/<g class="mark-[a-z]+ role-mark[^"]*"[^>]*><path/g) ?? []).length).toBeGreaterThan(0);
    expect(reportCharts(reports[name]!).map((c) => c.key)).toEqual(CHARTS[name]);
  });

  it('is self-contained: no script, no link, no file or url fetched', () => {
    const page = pages[name]!;
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
  });
});

describe('content of the pages', () => {
  it('allocate: the results as the deliberation tabulates them (A, B, A + B by section), then the allocation voted', () => {
    const t = tablesOf(pages.allocate!);
    expect(t.get('results')!.head).toEqual(['Section', 'Résultat ou solde (A)', 'Restes à réaliser, solde (B)', 'Résultat cumulé (A) + (B)']);
    expect(t.get('results')!.rows.map(cellsText)).toEqual([
      ['Investissement (A2, B2, A2 + B2)', '-168 599,36', '-429 656,45', '-598 255,81'],
      ['Fonctionnement (A3, B3, A3 + B3)', '880 474,09', '0,00', '880 474,09'],
      ['TOTAL DU BUDGET (A1, B1, A1 + B1)', '711 874,73', '-429 656,45', '282 218,28'],
    ]);
    expect(t.get('allocation_voted')!.rows.map(cellsText)).toEqual([
      ["Besoin de financement de la section d'investissement", '598 255,81'],
      ['Affectation minimale au compte 1068', '598 255,81'],
      ['Excédents de fonctionnement capitalisés (compte 1068)', '598 255,81'],
      ['Résultat de fonctionnement reporté (002)', '282 218,28'],
      ["Solde d'exécution de la section d'investissement reporté (001)", '-168 599,36'],
      ['Besoin de financement non couvert', '0,00'],
    ]);
  });

  it('a column\'s rule is a numbered note under its table', () => {
    const page = pages.allocate!;
    expect(page).toContain('<th scope="col" class="num">Montant<sup class="rule-ref" title="CGCT R2311-11 à R2311-13">1</sup></th>');
    expect(page).toContain('<p class="rules"><span><sup>1</sup> CGCT R2311-11 à R2311-13</span></p>');
  });

  it('checks: a verdict line, then every figure with its verdict in colour; the check table only once', async () => {
    const ok = tablesOf(pages['allocate-check']!).get('checks')!;
    expect(pages['allocate-check']).toContain('<p class="verdict-line good">');
    expect(ok.rows.every((r) => r.cells.some((c) => c.cls === 'text verdict good' && c.text === 'conforme'))).toBe(true);
    expect((pages['allocate-check']!.match(/data-table="checks"/g) ?? []).length).toBe(2); // the section and its table

    // One declared figure 10 € too high: the difference is +10,00 (declared − recomputed), its verdict « écart » in red.
    const wrong = readFileSync(SITIV_DECLARED, 'utf8').replace('1 221 077,44', '1 221 087,44');
    const page = await renderHtml(allocationChecksExample(wrong));
    expect(page).toContain('<p class="verdict-line bad">1 écart sur 28 chiffre(s) contrôlé(s) (écart = déclaré − recalculé)</p>');
    const row = tablesOf(page).get('checks')!.rows.find((r) => r.cells[0]!.text === 'total_expenditure')!;
    expect(cellsText(row).slice(0, 5)).toEqual(['total_expenditure', '1 221 087,44', '1 221 077,44', '10,00', 'écart']);
    expect(row.cells[4]!.cls).toBe('text verdict bad');
  });

  it('rar --declared: the deliberation\'s figure and every printed balance checked', async () => {
    const page = await renderHtml(rarDeclaredExample('400000'));
    expect(page).toContain('<h1>Contrôle des chiffres déclarés</h1>');
    expect(page).toMatch(/<p class="verdict-line bad">1 écart sur \d+ chiffre\(s\)/);
  });

  it('late-interest procurement: the French form of the table, with « Observation » and the « Total » row in bold', () => {
    const t = tablesOf(pages['late-interest-procurement']!).get('invoices')!;
    expect(t.head).toContain('Observation');
    const total = t.rows[t.rows.length - 1]!;
    expect(total.cls).toBe('total');
    const r = reports['late-interest-procurement']!;
    const facts = r.facts as Record<string, string>;
    const fr = (s: string) => new Decimal(s).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    expect(cellsText(total)).toContain(fr(facts.total!));
    expect(cellsText(total)).toContain(fr(facts.interest!));
    // F-2025-001: received Thursday 02/01/2025, the 30th day (Saturday 01/02) moves to Monday 03/02: 28 days at 11,15 %, 85,53 € + 40 €.
    expect(cellsText(t.rows[0]!).slice(0, 11)).toEqual(['F-2025-001', '02/01/2025', '01/02/2025', '03/02/2025', '04/02/2025', '28', '11,15', '1er semestre 2025', '85,53', '40,00', '125,53']);
  });

  it('guarantee principal: the amounts of deliberation 26/71 and the check of the stated principal', () => {
    const rows = tablesOf(pages['guarantee-principal']!).get('principal')!.rows.map(cellsText);
    expect(rows[0]!.slice(0, 7)).toEqual(['Commune de Gannat', '5676228', 'EVOLEA', '26/71', '569 627,00', '60', '341 776,20']);
    expect(pages['guarantee-principal']).toContain('<p class="verdict-line good">');
  });

  it('subsidies: one table per rubric as the deliberation has them; the declared total checked', () => {
    const t = tablesOf(pages.subsidies!);
    expect(cellsText(t.get('subsidies_declared')!.rows[0]!)).toEqual(['operating', '68 161,00', '68 161,00', '68 161,00', '0,00', 'conforme']);
    expect(t.get('subsidies_envelope')!.head).not.toContain('Rubrique');
  });
});

describe('names with markup characters', () => {
  it('a grantee and an envelope named with < & " are escaped everywhere: tables, charts, headings', async () => {
    const csv = readFileSync(GANNAT_GRANTS, 'utf8')
      .replace(/^APTG;operating/m, '"Les Amis <du> Malcourlet & ""Cie""";operating')
      .replace(/;exceptional;/g, ';Excep <b>"tionnel"</b> & co;');
    const r = subsidyReport(grantsOf(csv), { envelopes: [], declared: [] });
    if (!r.ok) throw new Error('grants');
    const page = await renderHtml(subsidiesAsReport(r.report), { title: 'Délibération <26/72> & "annexe"', sources: ['a&b.csv'] });
    expect(page).not.toContain('<du>');
    expect(page).not.toContain('<b>"tionnel"');
    expect(page).toContain('Les Amis &lt;du&gt; Malcourlet &amp; &quot;Cie&quot;');
    expect(page).toContain('Excep &lt;b&gt;&quot;tionnel&quot;&lt;/b&gt; &amp; co');
    expect(page).toContain('<title>Délibération &lt;26/72&gt; &amp; &quot;annexe&quot;</title>');
    expect(page).toContain('<p class="subtitle">Fichier : a&amp;b.csv</p>');
    // In the svg of the envelopes chart too (an axis label; Vega leaves " alone in text, where it is harmless).
    const svg = /data-chart="envelopes">.*?<\/figure>/.exec(page)![0];
    expect(svg).toContain('>Excep &lt;b&gt;"tionnel"&lt;/b&gt; &amp; co</text>');
    expect(svg).not.toContain('<b>');
    const names = tablesOf(page).get('subsidies_beneficiary')!.rows.map((row) => row.cells[0]!.text);
    expect(names).toContain('Les Amis <du> Malcourlet & "Cie"');
  });
});

describe('any report', () => {
  const d = (s: string) => new Decimal(s);
  const other: Report = makeReport('something_new', [
    { key: 'items', title: 'Postes', columns: [column('label', 'Libellé', 'text'), column('amount', 'Montant (en €)', 'amount', 'art. 1'), column('empty', 'Vide', 'amount')], rows: [{ label: 'A', amount: d('1234.5') }, { label: 'Total', amount: d('1234.5') }] },
  ], {
    checks: [checkFigure('total', d('1234.50'), d('1234.5'))],
    notes: [note('a note'), alert('an alert'), warning('a warning')],
    facts: { year: 2027, flagged: true },
  });

  it('gets its tables (empty columns left out), checks, notes (alerts first) and facts, no chart', async () => {
    const page = await renderHtml(other);
    const t = tablesOf(page);
    expect([...t.keys()]).toEqual(['items', 'checks']);
    expect(t.get('items')!.head).toEqual(['Libellé', 'Montant (en €)']);
    expect(t.get('items')!.rows.map((r) => [r.cls, ...cellsText(r)])).toEqual([['', 'A', '1 234,50'], ['total', 'Total', '1 234,50']]);
    expect(page).toContain('<h1>Postes</h1>');
    expect(page).not.toContain('<figure');
    expect(page.indexOf('<h2>Alertes</h2>')).toBeLessThan(page.indexOf('data-table="items"'));
    expect(page).toContain('<li class="alert"><strong>Alerte :</strong> an alert</li>');
    expect(page).toContain('<li class="warning"><strong>Avertissement :</strong> a warning</li>');
    expect(page).toContain('<dt>Exercice</dt><dd>2027</dd>');
    expect(page).toContain('<dt>flagged</dt><dd>oui</dd>');
  });

  it('the same inputs give the same bytes (no date unless given)', async () => {
    expect(await renderHtml(reports.allocate!)).toBe(await renderHtml(reports.allocate!));
    expect(await renderHtml(other, { date: '2026-06-05' as never })).toContain('<p class="subtitle">édité le 05/06/2026</p>');
  });

  it('several reports make one document, a page break between them', async () => {
    const page = await renderHtml([reports['guarantee-principal']!, reports['guarantee-statement']!, reports['guarantee-exposure']!], { title: 'Garanties d’emprunt' });
    expect([...page.matchAll(/<section class="report" data-report="([a-z]+)">/g)].map((m) => m[1])).toEqual(['principal', 'statement', 'exposure']);
    expect(page).toContain('section.report + section.report { break-before: page');
    await expect(renderHtml([])).rejects.toThrow(RangeError);
  });

  it('print css: A4, page numbers in a margin box, headers repeated, rows not cut, wide tables on landscape pages', () => {
    const page = pages['late-interest-loan']!;
    expect(page).toContain('@page { size: A4;');
    expect(page).toContain('@bottom-right { content: "page " counter(page) " / " counter(pages);');
    expect(page).toContain('thead { display: table-header-group; }');
    expect(page).toContain('tr { break-inside: avoid;');
    expect(page).toContain('@page wide { size: A4 landscape; }');
    expect(page).toContain('<section class="table wide xwide" data-table="periods">');
  });
});
