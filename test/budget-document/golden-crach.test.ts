import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBudgetDocument } from '../../src/budget-document/read.js';
import { documentTotals, documentResultsReport, resultsCsv, resultsOfDocument } from '../../src/budget-document/results.js';
import { runFinloc, tempDir } from '../helpers/cli.js';
import { CA_MAIN as MAIN, CA_LOT as LOT, BP_LOT as BP } from '../helpers/ca-fixtures.js';

/**
 * Golden figures: the hand computations of the shared reference folder's
 * README (sums of MtReal by section and direction, Python decimal, section
 * from CaracSup Code="Section"), on copies of its files (test/fixtures/ca/).
 */
const read = (path: string) => readBudgetDocument(readFileSync(path));
const line = (out: string, item: string) => out.split('\n').find((l) => l.startsWith(item + ','));

describe('reading and identifying the documents', () => {
  test('main budget CA 2021: authority, SIRET, budget, nomenclature, year, kind, encoding; 196 lines, 15 EMPRUNT + 1 empty entry, 36 CONCOURS', () => {
    const doc = read(MAIN);
    expect(doc.identity).toEqual({
      authority: 'CRACH',
      siret: '21560046100010',
      budget: 'BUDGET PRINCIPAL',
      budgetCode: '00',
      nomenclature: 'M14-M14_COM_500_3500',
      norm: 'M14',
      declination: 'M14_COM_500_3500',
      year: 2021,
      natDec: '09',
      kind: 'CA',
    });
    expect(doc.encoding).toBe('ISO-8859-1');
    expect([doc.lines.length, doc.loans.length, doc.grants.length]).toEqual([196, 15, 36]);
  });
  test('annexed budget: CA 2021 and BP 2022 (NatDec 01) of SIRET 21560046100085, budget code 06', () => {
    const ca = read(LOT).identity;
    const bp = read(BP).identity;
    expect([ca.kind, ca.year, ca.siret, ca.budget, ca.budgetCode]).toEqual(['CA', 2021, '21560046100085', 'LOTISSEMENT LE BOCENO', '06']);
    expect([bp.kind, bp.year, bp.natDec, bp.siret]).toEqual(['BP', 2022, '01', '21560046100085']);
  });
  test('an accented name is read from ISO-8859-1 (« N° » in a contract number)', () => {
    expect(read(MAIN).loans.map((l) => l.contract)).toContain('0284467-PRET N°58523');
  });
  test('the same document in UTF-8 reads the same', () => {
    const latin = readFileSync(MAIN);
    const utf8 = Buffer.from(latin.toString('latin1').replace('encoding="ISO-8859-1"', 'encoding="UTF-8"'), 'utf8');
    const a = read(MAIN);
    const b = readBudgetDocument(utf8);
    expect(b.encoding).toBe('UTF-8');
    expect({ ...b, encoding: a.encoding }).toEqual(a);
  });
});

describe('main budget, CA 2021: the shared README figures, to the cent', () => {
  const totals = documentTotals(read(MAIN));
  const of = (s: string, d: string) => totals.totals.find((t) => t.section === s && t.direction === d)!;
  test('sums of MtReal, carried-over lines included: operating receipts 3 890 478,15 (002: 835 043,06), expenditure 2 379 073,90; investment receipts 1 237 217,13, expenditure 1 054 480,59 (001: 64 118,58)', () => {
    expect(of('operating', 'R').realised.plus(of('operating', 'R').carriedOver).toFixed(2)).toBe('3890478.15');
    expect(of('operating', 'R').carriedOver.toFixed(2)).toBe('835043.06');
    expect(of('operating', 'D').realised.plus(of('operating', 'D').carriedOver).toFixed(2)).toBe('2379073.90');
    expect(of('investment', 'R').realised.plus(of('investment', 'R').carriedOver).toFixed(2)).toBe('1237217.13');
    expect(of('investment', 'D').realised.plus(of('investment', 'D').carriedOver).toFixed(2)).toBe('1054480.59');
    expect(of('investment', 'D').carriedOver.toFixed(2)).toBe('64118.58');
  });
  test('every section read from the line itself (CaracSup): 196 lines, none from the chart or the class rule', () => {
    const n = (k: 'caracsup' | 'chart' | 'class_rule') => totals.totals.reduce((s, t) => s + t.bySource[k], 0);
    expect([n('caracsup'), n('chart'), n('class_rule')]).toEqual([196, 0, 0]);
  });
  test('1068 (691 327,28) counts in the investment receipts of the year', () => {
    const r = resultsOfDocument(totals);
    // 1 237 217,13 − 0 carried over in receipts; the 1068 line is part of it.
    expect(r.investment.receipts.toFixed(2)).toBe('1237217.13');
    expect(read(MAIN).lines.find((l) => l.nature === '1068')!.realised.toFixed(2)).toBe('691327.28');
  });
  test('cumulated results +1 511 404,25 and +182 736,54; RAR 385 503,58 / 123 839,60 (−261 663,98); financing need 78 927,44', () => {
    const { computed } = documentResultsReport(read(MAIN));
    expect(computed.table.operating.cumulated.toFixed(2)).toBe('1511404.25');
    expect(computed.table.investment.cumulated.toFixed(2)).toBe('182736.54');
    expect([computed.table.investment.rarExpenditure, computed.table.investment.rarReceipts, computed.table.investment.rar].map((d) => d.toFixed(2))).toEqual([
      '385503.58',
      '123839.60',
      '-261663.98',
    ]);
    expect(computed.allocation.financingNeed.toFixed(2)).toBe('78927.44');
    // The minimum to 1068: min(A3 1 511 404,25, need 78 927,44).
    expect(computed.allocation.minimumTo1068.toFixed(2)).toBe('78927.44');
  });
  test('the export is the RESULTS.csv of allocate: 001 in expenditure is −64 118,58; 002 in receipts +835 043,06; 3 890 478,15 − 835 043,06 = 3 055 435,09', () => {
    expect(resultsCsv(resultsOfDocument(totals))).toBe(
      'item,amount\ninvestment_expenditure,990362.01\ninvestment_receipts,1237217.13\ninvestment_carried_over,-64118.58\n' +
        'operating_expenditure,2379073.90\noperating_receipts,3055435.09\noperating_carried_over,835043.06\n' +
        'rar_investment_expenditure,385503.58\nrar_investment_receipts,123839.60\nrar_operating_expenditure,0.00\nrar_operating_receipts,0.00\n',
    );
  });
});

describe('annexed budget, CA 2021', () => {
  test('cumulated results: investment +2 148 068,48, operating +32 703,59', () => {
    const { computed } = documentResultsReport(read(LOT));
    expect(computed.table.investment.cumulated.toFixed(2)).toBe('2148068.48');
    expect(computed.table.operating.cumulated.toFixed(2)).toBe('32703.59');
  });
});

describe('finloc ca: the command', () => {
  test('results (default for a CA): the table of allocate, status 0, the document identified and the source of the sections said', async () => {
    const r = await runFinloc(['ca', MAIN]);
    expect(r.code).toBe(0);
    expect([line(r.stdout, 'result_investment'), line(r.stdout, 'result_operating'), line(r.stdout, 'financing_need'), line(r.stdout, 'min_to_1068')]).toEqual([
      'result_investment,182736.54',
      'result_operating,1511404.25',
      'financing_need,78927.44',
      'min_to_1068,78927.44',
    ]);
    expect(r.stderr).toContain('CA 2021 (NatDec 09), CRACH, BUDGET PRINCIPAL (SIRET 21560046100010), M14-M14_COM_500_3500, ISO-8859-1');
    expect(r.stderr).toContain('196 line(s) by the CaracSup Code="Section" of the line');
  });
  test('--export results -o RESULTS.csv: finloc allocate on it writes the same bytes as finloc ca', async () => {
    const dir = tempDir();
    const out = join(dir, 'RESULTS.csv');
    const e = await runFinloc(['ca', MAIN, '--export', 'results', '-o', out]);
    expect(e.code).toBe(0);
    const a = await runFinloc(['allocate', out, '--format', 'csv-fr']);
    const c = await runFinloc(['ca', MAIN, '--format', 'csv-fr']);
    expect(a.code).toBe(0);
    expect(c.stdout).toBe(a.stdout);
  });
  test('json names every table: allocation, then the sources of the figures', async () => {
    const r = await runFinloc(['ca', LOT, '--format', 'json']);
    const j = JSON.parse(r.stdout) as { report: string; document: string; tables: Record<string, unknown[]> };
    expect([j.report, j.document, Object.keys(j.tables)]).toEqual(['ca_results', 'CA', ['allocation', 'sources']]);
  });
  test('--report results on a BP is refused (status 2, one line)', async () => {
    const r = await runFinloc(['ca', BP, '--report', 'results']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^finloc: --report results: .*bp-2022.* is a BP; the results come from a CA/);
  });
});
