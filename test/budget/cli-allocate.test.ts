import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

const RESULTS = 'data/examples/sitiv-2023-results.csv';
const line = (out: string, item: string) => out.split('\n').find((l) => l.startsWith(item + ','));

describe('finloc allocate: input as finance officers write it', () => {
  test('a Windows-1252 export with French names and codes gives the same output as the bundled example', async () => {
    const dir = tempDir();
    const fr =
      'Poste;Montant\r\nDépenses d\'investissement;603 801,97 €\r\nRecettes d\'investissement;1 177 830,44 €\r\n001;-742 627,83\r\n' +
      'Dépenses de fonctionnement;617 275,47\r\nRecettes de fonctionnement;1 139 176,00\r\n002;358 573,56\r\nI;429 656,45\r\nII;0\r\nIII;0\r\nIV;0\r\n';
    const a = await runFinloc(['allocate', writeFile(dir, 'fr.csv', Buffer.from(fr.replace(/€/g, '\x80'), 'latin1'))]);
    const b = await runFinloc(['allocate', RESULTS]);
    expect([a.code, a.stderr]).toEqual([0, '']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('finloc allocate: choices and notes', () => {
  test('--to-1068 above the minimum: the rest goes to 002 (880 474,09 − 700 000,00 = 180 474,09)', async () => {
    const r = await runFinloc(['allocate', RESULTS, '--to-1068', '700 000,00']);
    expect(r.code).toBe(0);
    expect([line(r.stdout, 'min_to_1068'), line(r.stdout, 'to_1068'), line(r.stdout, 'to_002')]).toEqual([
      'min_to_1068,598255.81',
      'to_1068,700000.00',
      'to_002,180474.09',
    ]);
  });
  test('--to-1068 below the minimum is refused: exit 2, nothing written', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const r = await runFinloc(['allocate', RESULTS, '--to-1068', '500000', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('finloc: --to-1068 500000: at least 598255.81 must go to 1068 (the financing need covered by the operating surplus)\n');
    expect(readdirSync(dir)).toEqual([]);
  });
  test('a surplus smaller than the need and a deficit over the threshold are said on stderr; -o writes the file', async () => {
    // A2 = 300 000 − 500 000 − 50 000 = −250 000, B2 = −60 000: need 310 000; A3 = 120 000 → 190 000 uncovered.
    // A1 + B1 = −130 000 − 60 000 = −190 000, 19 % of 1 000 000 ≥ 10 %.
    const dir = tempDir();
    const file = writeFile(
      dir,
      'r.csv',
      'item,amount\ninvestment_expenditure,500000\ninvestment_receipts,300000\ninvestment_carried_over,-50000\noperating_expenditure,900000\noperating_receipts,1000000\n' +
        'operating_carried_over,20000\nrar_investment_expenditure,100000\nrar_investment_receipts,40000\nrar_operating_expenditure,0\nrar_operating_receipts,0\n',
    );
    const out = join(dir, 'out.csv');
    const r = await runFinloc(['allocate', file, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect([line(text, 'to_1068'), line(text, 'to_002'), line(text, 'uncovered_financing_need'), line(text, 'deficit_ratio_pct')]).toEqual([
      'to_1068,120000.00',
      'to_002,0.00',
      'uncovered_financing_need,190000.00',
      'deficit_ratio_pct,19.00',
    ]);
    expect(r.stderr.split('\n')).toEqual([
      'finloc: note: the operating result does not cover the financing need; 190 000,00 € remain uncovered',
      'finloc: alert: (CGCT L1612-14, R1612-31) the deficit of 190 000,00 €, restes à réaliser included, is 19,00 % of operating receipts (total receipts), at or above the threshold of 10 % (no population given: 10 % assumed)',
      '',
    ]);
  });
});

describe('finloc allocate: bad input (exit 2, located, no output file)', () => {
  async function fails(content: string, args: (file: string) => string[] = (f) => ['allocate', f]) {
    const dir = tempDir();
    const file = writeFile(dir, 'results.csv', content);
    const out = join(dir, 'out.csv');
    const r = await runFinloc([...args(file), '-o', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n !== 'declared.csv')).toEqual(['results.csv']);
    return r.stderr.replaceAll(dir + '/', '').trim().split('\n');
  }
  const sitiv = readFileSync(RESULTS, 'utf8');

  test('an unknown item, an item given twice, an amount that is not a number', async () => {
    const errors = await fails(sitiv.replace('operating_receipts;1 139 176,00', 'operating_receipts;1 139 176,OO') + 'subvention;100\nrar_investment_expenditure;1\n');
    expect(errors).toEqual([
      'finloc: results.csv:6:2 (amount): operating_receipts: expected an amount such as 569 627,00 or 569627.00, got "1 139 176,OO"',
      expect.stringMatching(/^finloc: results\.csv:12:1 \(item\): unknown item "subvention"; expected one of investment_expenditure,/),
      'finloc: results.csv:13:1 (item): item "rar_investment_expenditure" given twice (already on line 8)',
    ]);
  });
  test('a missing mandatory item', async () => {
    expect(await fails(sitiv.replace('operating_carried_over;358 573,56\n', ''))).toEqual([
      'finloc: results.csv: missing item "operating_carried_over" (a line "operating_carried_over,<amount>" is required)',
    ]);
  });
  test('a declared figure that cannot be recomputed, or an unknown declared item, names the DECLARED file', async () => {
    const dir = tempDir();
    const declared = writeFile(dir, 'declared.csv', 'item;amount\nresult_total;711 874,73\npopulation;12000\nresultat_magique;1\n');
    const errors = await fails(sitiv, (f) => ['allocate', f, '--check', declared]);
    expect(errors).toEqual([expect.stringMatching(/^finloc: .*declared\.csv:4:1 \(item\): unknown item "resultat_magique"/)]);
    const dir2 = tempDir();
    const declared2 = writeFile(dir2, 'declared.csv', 'item;amount\nresult_total;711 874,73\npopulation;12000\n');
    const r = await runFinloc(['allocate', RESULTS, '--check', declared2]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: ${declared2}:3:1 (item): "population" cannot be recomputed: the results file does not give it (or, for a ratio, gives no operating receipts)\n`);
  });
  test('a missing file', async () => {
    const r = await runFinloc(['allocate', 'no/such/results.csv']);
    expect([r.code, r.stderr]).toEqual([2, 'finloc: no/such/results.csv: no such file\n']);
  });
});

describe('finloc allocate: a deficit with no operating receipts', () => {
  test('the alert says there are no receipts instead of failing (was an internal error, exit 70)', async () => {
    const dir = tempDir();
    // A2 = 0 − 100 + 0 = −100; A3 = 0 − 50 + 0 = −50; no RAR: A1 + B1 = −150, against 0 of operating receipts.
    const text =
      'item;amount\ninvestment_expenditure;100,00\ninvestment_receipts;0,00\ninvestment_carried_over;0,00\noperating_expenditure;50,00\n' +
      'operating_receipts;0,00\noperating_carried_over;0,00\nrar_investment_expenditure;0,00\nrar_investment_receipts;0,00\nrar_operating_expenditure;0,00\nrar_operating_receipts;0,00\n';
    const r = await runFinloc(['allocate', writeFile(dir, 'zero.csv', text)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the deficit of 150,00 €, restes à réaliser included, stands against no operating receipts');
  });
});
