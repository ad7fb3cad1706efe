import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';
import { CA_MAIN as MAIN, CA_LOT as LOT, BP_LOT as BP, type JsonCheck } from '../helpers/ca-fixtures.js';

const json = (s: string) => JSON.parse(s) as { checks: JsonCheck[]; tables: Record<string, Record<string, unknown>[]> };

describe('finloc ca --report subsidies: the DATA_CONCOURS annex against the 657x accounts (main budget CA 2021)', () => {
  // Hand computation from the file (Python decimal): 36 CONCOURS, 157 390,95 in all; CodNatJurBenefCA P1 41 603,50 + P3 400,00 + P4 1 747,73 = 43 751,23;
  // the others (U3 6 417,50, U4 6 000,00, U5 101 222,22) 113 639,72. Budget, real expenditure: 6574 44 639,50; 65731 78,50 + 657341 4 061,50 + 657362 6 000,00 = 10 140,00
  // (657358 has no MtReal); 657x in all 54 779,50.
  test('the three checks and their differences; the document does not agree with itself: status 1', async () => {
    const r = await runFinloc(['ca', MAIN, '--report', 'subsidies', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).checks.map((c) => [c.item, c.declared, c.recomputed, c.difference])).toEqual([
      ['all grants of the annex = accounts 657x', '157390.95', '54779.50', '102611.45'],
      ['grants to private-law bodies = account 6574', '43751.23', '44639.50', '-888.27'],
      ['grants to other bodies = other 657x accounts', '113639.72', '10140.00', '103499.72'],
    ]);
  });
  test('23 000 €: ADMR at exactly 23 000,00 is not flagged (« dépasse »); Morbihan Energies (101 143,72, U5, a public body) is named in a note, not an alert', async () => {
    const r = await runFinloc(['ca', MAIN, '--report', 'subsidies', '--format', 'json']);
    const rows = json(r.stdout).tables['beneficiaries']!;
    expect(rows.find((b) => b['beneficiary'] === 'ADMR')).toMatchObject({ total: '23000.00', convention_required: false });
    expect(rows.filter((b) => b['convention_required'] === true)).toEqual([]);
    expect(r.stderr).toContain('finloc: note: MORBIHAN ENERGIES (U5): 101143.72 € over 23 000 €');
    expect(r.stderr).not.toContain('alert');
  });
  test('a private-law beneficiary over 23 000 € is an alert citing the law (ADMR moved up one cent)', async () => {
    const dir = tempDir();
    const doc = readFileSync(MAIN, 'latin1').replace('<LibOrgaBenef V="ADMR"/>\r\n               <MtSubv V="23000.00"/>', '<LibOrgaBenef V="ADMR"/>\r\n               <MtSubv V="23000.01"/>');
    expect(doc).toContain('23000.01');
    const r = await runFinloc(['ca', writeFile(dir, 'ca.xml', Buffer.from(doc, 'latin1')), '--report', 'subsidies', '--format', 'json']);
    expect(r.stderr).toContain('finloc: alert: (loi n° 2000-321 art. 10, décret n° 2001-495) ADMR: 23000.01 € over 23 000 €: a convention is required');
    // The cent moves the first two checks by one cent.
    expect(json(r.stdout).checks.slice(0, 2).map((c) => c.difference)).toEqual(['102611.46', '-888.26']);
  });
  test('--export subsidies is read by finloc subsidies: the same total, 157 390,95', async () => {
    const dir = tempDir();
    const out = join(dir, 'grants.csv');
    expect((await runFinloc(['ca', MAIN, '--export', 'subsidies', '-o', out])).code).toBe(0);
    const s = await runFinloc(['subsidies', out, '--format', 'json']);
    expect(s.code).toBe(0);
    const total = (JSON.parse(s.stdout) as { tables: { subsidies: Record<string, unknown>[] } }).tables.subsidies.find((r) => r['section'] === 'total');
    expect(total).toMatchObject({ grants: 36, amount: '157390.95' });
  });
});

describe('finloc ca --report balance (default for a voted document)', () => {
  // Hand computation, BP 2022 of the lotissement, MtPrev: investment 2 562 975,00 in receipts and in expenditure; operating 560 925,60 on both sides.
  test('BP 2022: both sections balanced, status 0', async () => {
    const r = await runFinloc(['ca', BP, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).checks.map((c) => [c.item, c.declared, c.recomputed, c.verdict])).toEqual([
      ['investment section balanced (MtPrev)', '2562975.00', '2562975.00', 'ok'],
      ['operating section balanced (MtPrev)', '560925.60', '560925.60', 'ok'],
    ]);
    expect(r.stderr).toContain('chart of accounts M14_COM_500_3500-2021 used for 2022 (the nearest year bundled)');
  });
  test('a cent moved on a receipt unbalances its section by that cent', async () => {
    const dir = tempDir();
    const doc = readFileSync(BP, 'latin1').replace('<MtPrev V="32703.59"/>', '<MtPrev V="32703.60"/>');
    const r = await runFinloc(['ca', writeFile(dir, 'bp.xml', Buffer.from(doc, 'latin1')), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).checks[1]).toMatchObject({ difference: '0.01', verdict: 'differs' });
  });
  test('on a CA it checks the year\'s credits (MtPrev), with a note: the lotissement CA 2021 holds', async () => {
    // Hand computation, MtPrev: investment 2 595 000,00 / 2 595 000,00; operating 1 710 288,70 / 1 710 288,70.
    const r = await runFinloc(['ca', LOT, '--report', 'balance', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).checks.map((c) => c.declared)).toEqual(['2595000.00', '1710288.70']);
  });
});
