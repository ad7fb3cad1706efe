import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { readBudgetDocument } from '../../src/budget-document/read.js';
import { debtChecks, loansTable } from '../../src/budget-document/debt.js';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';
import { CA_MAIN as MAIN, CA_LOT as LOT } from '../helpers/ca-fixtures.js';

const read = (path: string) => readBudgetDocument(readFileSync(path));

describe('main budget CA 2021: the debt annex against itself and the budget (shared README figures)', () => {
  const checks = debtChecks(read(MAIN));
  const byItem = (item: string) => checks.find((c) => c.item === item)!;
  test('capital repaid on 1641: annex 139 893,13, budget line 1641 139 893,16: the 0,03 € gap fails, difference −0,03', () => {
    const c = byItem('capital repaid on article 1641');
    expect([c.declared.toFixed(2), c.recomputed.toFixed(2), c.difference.toFixed(2), c.holds]).toEqual(['139893.13', '139893.16', '-0.03', false]);
  });
  test('interest: 30 046,97 on both sides (account 66111)', () => {
    const c = byItem('interest of own debt on account 66111');
    expect([c.declared.toFixed(2), c.recomputed.toFixed(2), c.holds]).toEqual(['30046.97', '30046.97', true]);
  });
  test('each of the 7 own and 7 guaranteed loans: 1 January − repaid = 31 December; the Crédit Agricole loan without MtCapitalRestDu_31_12 is 8 887,87 − 8 887,87 = 0', () => {
    const loans = checks.filter((c) => c.item.endsWith(': capital on 31/12'));
    expect(loans.filter((c) => c.item.startsWith('own')).length).toBe(7);
    expect(loans.filter((c) => c.item.startsWith('guaranteed')).length).toBe(7);
    expect(loans.every((c) => c.holds)).toBe(true);
    const ca = byItem('own loan 029302095828: capital on 31/12');
    expect([ca.declared.toFixed(2), ca.recomputed.toFixed(2)]).toEqual(['0.00', '0.00']);
    // 16 checks: 14 loans, one article, the interest; only the 0,03 € gap fails.
    expect([checks.length, checks.filter((c) => !c.holds).map((c) => c.item)]).toEqual([16, ['capital repaid on article 1641']]);
  });
  test('guaranteed debt totals: 1 January 605 147,50, repaid 28 042,55, 31 December 577 104,95, interest 6 886,17; the CAF loan (0 %) has no interest', () => {
    const table = loansTable(read(MAIN));
    const total = table.rows.find((r) => r['kind'] === 'total dette garantie')!;
    expect(['capital_start', 'capital_repaid', 'capital_end', 'interest'].map((k) => (total[k] as { toFixed(n: number): string }).toFixed(2))).toEqual([
      '605147.50',
      '28042.55',
      '577104.95',
      '6886.17',
    ]);
    const own = table.rows.find((r) => r['kind'] === 'total dette propre')!;
    expect((own['capital_repaid'] as { toFixed(n: number): string }).toFixed(2)).toBe('139893.13');
    const caf = table.rows.find((r) => r['contract'] === '2016-270')!;
    expect((caf['interest'] as { toFixed(n: number): string }).toFixed(2)).toBe('0.00');
  });
});

describe('new borrowing of the year', () => {
  // The lotissement's La Banque Postale loan (1 250 000,00, cashed 2018, nothing repaid in 2021) rewritten as cashed in 2021
  // without a capital on 1 January: 0 − 0 + 1 250 000,00 (MtEmprOrig) = 1 250 000,00 on 31 December.
  const rewrite = (cashed: string) =>
    readBudgetDocument(
      Buffer.from(
        readFileSync(LOT, 'latin1')
          .replace('<AnEncaisse V="2018"/>', `<AnEncaisse V="${cashed}"/>`)
          .replace('<MtCapitalRestDu_01_01 V="1250000.00"/>', ''),
        'latin1',
      ),
    );
  const lbp = (cashed: string) => debtChecks(rewrite(cashed)).find((c) => c.item === 'own loan 2018900404L 00001: capital on 31/12')!;
  test('a loan cashed in the document\'s year adds MtEmprOrig: it holds', () => {
    const c = lbp('2021');
    expect([c.declared.toFixed(2), c.recomputed.toFixed(2), c.holds]).toEqual(['1250000.00', '1250000.00', true]);
    expect(c.note).toContain('+ new borrowing 1250000.00');
  });
  test('cashed another year, the missing capital on 1 January is zero: 1 250 000,00 declared against 0,00', () => {
    const c = lbp('2018');
    expect([c.difference.toFixed(2), c.holds]).toEqual(['1250000.00', false]);
  });
});

describe('finloc ca --report debt', () => {
  test('main budget: status 1, the gap on stderr as declared − recomputed', async () => {
    const r = await runFinloc(['ca', MAIN, '--report', 'debt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('finloc: does not hold: capital repaid on article 1641: declared 139 893,13, recomputed 139 893,16, difference -0,03 (declared − recomputed)');
    expect(r.stdout.split('\n')[0]).toBe('item,declared,recomputed,difference,verdict,note');
  });
  test('lotissement: interest 7 125,00 + 6 775,00 = 13 900,00 = 66111; two in-fine loans unchanged at 1 250 000,00; status 0', async () => {
    const r = await runFinloc(['ca', LOT, '--report', 'debt', '--format', 'json']);
    expect(r.code).toBe(0);
    const checks = (JSON.parse(r.stdout) as { checks: { item: string; declared: string; recomputed: string }[] }).checks;
    expect(checks.find((c) => c.item === 'interest of own debt on account 66111')).toMatchObject({ declared: '13900.00', recomputed: '13900.00' });
    expect(checks.filter((c) => c.item.endsWith('capital on 31/12')).map((c) => c.declared)).toEqual(['1250000.00', '1250000.00']);
  });
  test('a cent moved on a loan\'s capital on 31 December makes its check fail by that cent', async () => {
    const dir = tempDir();
    const doc = readFileSync(MAIN, 'latin1').replace('<MtCapitalRestDu_31_12 V="575624.78"/>', '<MtCapitalRestDu_31_12 V="575624.79"/>');
    const r = await runFinloc(['ca', writeFile(dir, 'ca.xml', Buffer.from(doc, 'latin1')), '--report', 'debt', '--format', 'json']);
    const failed = (JSON.parse(r.stdout) as { checks: { item: string; difference: string; verdict: string }[] }).checks.filter((c) => c.verdict !== 'ok');
    expect(failed.map((c) => [c.item, c.difference])).toEqual([
      ['own loan MON514277EUR/0514956/001/1: capital on 31/12', '0.01'],
      ['capital repaid on article 1641', '-0.03'],
    ]);
  });
  test('--export loans: what the annex knows in the LOANS.csv columns, and a note naming those it cannot fill', async () => {
    const r = await runFinloc(['ca', MAIN, '--export', 'loans']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('line_id,principal,first_due_date,periodicity,rate_pct,periods,index,margin_pct,revision,profile');
    expect(lines.length).toBe(8);
    expect(lines).toContain('PLAI02-SPFR-5149327,50000.00,2017-08-01,annual,0.550,,,,,');
    expect(r.stderr).toContain('columns periods, index, margin_pct, revision, profile are not in the debt annex');
  });
  test('--export guarantees: the 7 guaranteed loans for finloc guarantee', async () => {
    const r = await runFinloc(['ca', MAIN, '--export', 'guarantees']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('line_id,guarantor,share_pct');
    expect(lines.slice(1)).toHaveLength(7);
    expect(lines[1]).toBe('CDC / 1327835,CRACH,100');
  });
});
