import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

/**
 * SITIV, budget annexe « Territoire numérique ouvert », deliberation
 * CS_2024_02_3 (15 February 2024): every figure of its table and of its
 * allocation, from data/examples/sitiv-2023-results.csv.
 */
const RESULTS = 'data/examples/sitiv-2023-results.csv';
const DECLARED = 'data/examples/sitiv-2023-declared.csv';

describe('finloc allocate on the SITIV 2023 deliberation', () => {
  test('csv: the issue\'s items, then the need left uncovered, the table\'s total rows and the deficit alert', async () => {
    const r = await runFinloc(['allocate', RESULTS]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'item,amount',
        'result_investment,-168599.36', // A2
        'result_operating,880474.09', // A3
        'result_total,711874.73', // A1
        'rar_investment,-429656.45', // B2
        'rar_operating,0.00', // B3
        'rar_total,-429656.45', // B1
        'cumulated_investment,-598255.81', // A2 + B2
        'cumulated_operating,880474.09', // A3 + B3
        'cumulated_total,282218.28', // A1 + B1
        'financing_need,598255.81', // « le déficit d'investissement à couvrir … est donc de 598 255,81 € »
        'min_to_1068,598255.81',
        'to_1068,598255.81', // « 598 255,81 € à la section d'investissement »
        'to_002,282218.28', // « affecter 282 218,28 € au financement de la section de fonctionnement 2024 »
        'carried_over_001,-168599.36', // « déficit d'investissement de 168 599,36 € … affecté en report »
        'uncovered_financing_need,0.00',
        'total_expenditure,1221077.44', // TOTAL DU BUDGET, Dépenses
        'total_receipts,2317006.44', // TOTAL DU BUDGET, Recettes
        'total_carried_over,-384054.27', // TOTAL DU BUDGET, Solde d'exécution ou résultat reporté
        'rar_total_expenditure,429656.45', // I + II
        'rar_total_receipts,0.00', // III + IV
        'deficit,0.00',
        'deficit_ratio_pct,0.00',
        'alert_threshold_pct,10.00',
        '',
      ].join('\n'),
    );
  });

  test('csv-fr: the same rows with the act\'s French titles', async () => {
    const r = await runFinloc(['allocate', RESULTS, '--format', 'csv-fr']);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '\ufeffPoste;Montant',
      'Investissement : résultat ou solde (A) A2;-168599,36',
      'Fonctionnement : résultat ou solde (A) A3;880474,09',
      'TOTAL DU BUDGET : résultat ou solde (A) A1;711874,73',
    ]);
    expect(lines).toContain('Excédents de fonctionnement capitalisés (compte 1068);598255,81');
    expect(lines).toContain('Résultat de fonctionnement reporté (002);282218,28');
    expect(lines).toContain('Résultat cumulé (A) + (B) : TOTAL A1 + B1;282218,28');
  });

  test('json: the same items, amounts as strings', async () => {
    const r = await runFinloc(['allocate', RESULTS, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    const item = (name: string) => j.tables.allocation.find((row: { item: string }) => row.item === name)?.amount;
    expect(['result_total', 'rar_total', 'cumulated_total', 'to_1068', 'to_002', 'carried_over_001'].map(item)).toEqual([
      '711874.73',
      '-429656.45',
      '282218.28',
      '598255.81',
      '282218.28',
      '-168599.36',
    ]);
    expect([j.deficit_alert_flagged, j.deficit_alert_receipts, j.deficit_alert_receipts_basis, j.population_known]).toEqual([false, '1139176.00', 'total', false]);
  });

  test('--check with the deliberation\'s declared figures: all 28 hold, exit 0', async () => {
    const r = await runFinloc(['allocate', RESULTS, '--check', DECLARED]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('item,declared,recomputed,difference,verdict,note');
    expect(rows).toHaveLength(29);
    expect(rows.slice(1).every((l) => l.endsWith(',0.00,ok,'))).toBe(true);
    expect(rows).toContain('to_1068,598255.81,598255.81,0.00,ok,');
    expect(rows).toContain('to_002,282218.28,282218.28,0.00,ok,');
    expect(r.stderr).toBe(`finloc: ${DECLARED}: all 28 checked figure(s) hold\n`);
  });

  test('a declared figure off by one cent: exit 1, the figure named with declared, recomputed and difference', async () => {
    const dir = tempDir();
    const wrong = writeFile(dir, 'declared.csv', readFileSync(DECLARED, 'utf8').replace('result_total;711 874,73', 'result_total;711 874,74'));
    const r = await runFinloc(['allocate', RESULTS, '--check', wrong, '--format', 'csv-fr']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toContain('result_total;711874,74;711874,73;0,01;écart;');
    expect(r.stdout.split('\n').filter((l) => l.includes(';écart;'))).toHaveLength(1);
    expect(r.stderr).toBe(
      'finloc: does not hold: result_total: declared 711 874,74, recomputed 711 874,73, difference 0,01 (declared − recomputed)\n' +
        `finloc: ${wrong}: 1 of 28 checked figure(s) do not hold: result_total\n`,
    );
  });
});
