import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

/** An invented listing (not the SITIV annex, which the act does not reproduce); figures by hand below. */
const LISTING = 'data/examples/rar-example.csv';

describe('finloc rar', () => {
  test('totals per section and direction (I: 430 000 − 5 000 − 75 000 = 350 000; III: 80 000 − 20 000; II: 12 000 − 9 500)', async () => {
    const r = await runFinloc(['rar', LISTING]);
    expect([r.code, r.stderr]).toEqual([0, `finloc: ${LISTING}: all 5 checked figure(s) hold\n`]);
    expect(r.stdout).toBe(
      'section,direction,lines,engaged,released,mandated,carried_over\n' +
        'investment,expenditure,3,430000.00,5000.00,75000.00,350000.00\n' +
        'investment,receipt,1,80000.00,0.00,20000.00,60000.00\n' +
        'operating,expenditure,1,12000.00,0.00,9500.00,2500.00\n',
    );
  });
  test('csv-fr titles and json lines', async () => {
    const fr = await runFinloc(['rar', LISTING, '--format', 'csv-fr']);
    expect(fr.stdout.split('\n').slice(0, 2)).toEqual([
      '\ufeffSection;Sens;Nombre de lignes;Engagé;Dégagé;Mandaté ou titré;Reste à réaliser',
      'Investissement;Dépenses;3;430000,00;5000,00;75000,00;350000,00',
    ]);
    const j = JSON.parse((await runFinloc(['rar', LISTING, '--format', 'json'])).stdout);
    expect(j.tables.totals[0]).toEqual({ section: 'investment', direction: 'expenditure', lines: 3, engaged: '430000.00', released: '5000.00', mandated: '75000.00', carried_over: '350000.00' });
    expect(j.tables.lines[1]).toMatchObject({ line: 3, reference: '2023-0047', third_party: 'Beta Logiciels', carried_over: '25000.00', balance: '25000.00' });
    expect([j.all_hold, j.checks[1]]).toEqual([true, { item: 'balance 2023-0047', declared: '25000.00', recomputed: '25000.00', difference: '0.00', verdict: 'ok', note: 'line 3' }]);
  });
  test('--declared 350 000,00 for investment expenditure holds: exit 0, with every printed balance checked', async () => {
    const r = await runFinloc(['rar', LISTING, '--declared', '350 000,00', '--section', 'investment', '--direction', 'expenditure']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'item,declared,recomputed,difference,verdict,note',
      'rar_total,350000.00,350000.00,0.00,ok,3 line(s)',
      'balance 2023-0012,75000.00,75000.00,0.00,ok,line 2',
    ]);
  });
  test('--declared 430 000,00: exit 1, the difference named and traced to the engaged column', async () => {
    const r = await runFinloc(['rar', LISTING, '--declared', '430000', '--section', 'investissement', '--direction', 'dépenses']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toBe('rar_total,430000.00,350000.00,80000.00,differs,3 line(s); equals the total of column engaged (the gross engaged amount)');
    expect(r.stderr).toBe(
      'finloc: does not hold: rar_total: declared 430 000,00, recomputed 350 000,00, difference 80 000,00 (declared − recomputed); ' +
        '3 line(s); equals the total of column engaged (the gross engaged amount)\n' +
        `finloc: ${LISTING}: 1 of 4 checked figure(s) do not hold: rar_total\n`,
    );
  });
  test('--declared over a listing with expenditure and receipts asks which direction', async () => {
    const r = await runFinloc(['rar', LISTING, '--declared', '350000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/both expenditure and receipts; say which one the declared figure totals with --direction/);
  });
  test('a printed balance that does not hold: the totals are written, the line named on stderr, exit 1', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'rar.csv', readFileSync(LISTING, 'utf8').replace('30 000,00;25 000,00', '30 000,00;30 000,00'));
    const r = await runFinloc(['rar', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[1]).toBe('investment,expenditure,3,430000.00,5000.00,75000.00,350000.00');
    // Printed 30 000,00; recomputed 60 000,00 − 5 000,00 − 30 000,00 = 25 000,00; difference 30 000,00 − 25 000,00 = +5 000,00,
    // and 30 000,00 is engaged − mandated: the released amount is not deducted.
    expect(r.stderr).toBe(
      'finloc: does not hold: balance 2023-0047: declared 30 000,00, recomputed 25 000,00, difference 5 000,00 (declared − recomputed); line 3; the released amount is not deducted\n' +
        `finloc: ${file}: 1 of 5 checked figure(s) do not hold: balance 2023-0047\n`,
    );
    const j = JSON.parse((await runFinloc(['rar', file, '--format', 'json'])).stdout);
    expect([j.all_hold, j.checks[1]]).toEqual([
      false,
      { item: 'balance 2023-0047', declared: '30000.00', recomputed: '25000.00', difference: '5000.00', verdict: 'differs', note: 'line 3; the released amount is not deducted' },
    ]);
  });
  test('--declared 430 000,00 against a listing that carries over 429 656,45: difference = declared − recomputed on stdout and stderr', async () => {
    const dir = tempDir();
    // Carried over: 500 000,00 − 20 343,55 − 50 000,00 = 429 656,45 (the SITIV 2023 RAR, −B1); 430 000,00 − 429 656,45 = +343,55.
    const file = writeFile(dir, 'rar.csv', 'reference;section;sens;engagé;dégagé;mandaté\nE-1;investissement;dépense;500 000,00;20 343,55;50 000,00\n');
    const csv = await runFinloc(['rar', file, '--declared', '430 000,00']);
    expect(csv.code).toBe(1);
    expect(csv.stdout).toBe('item,declared,recomputed,difference,verdict,note\nrar_total,430000.00,429656.45,343.55,differs,1 line(s)\n');
    expect(csv.stderr).toBe(
      'finloc: does not hold: rar_total: declared 430 000,00, recomputed 429 656,45, difference 343,55 (declared − recomputed); 1 line(s)\n' +
        `finloc: ${file}: 1 of 1 checked figure(s) do not hold: rar_total\n`,
    );
    const json = await runFinloc(['rar', file, '--declared', '430 000,00', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).checks).toEqual([{ item: 'rar_total', declared: '430000.00', recomputed: '429656.45', difference: '343.55', verdict: 'differs', note: '1 line(s)' }]);
    expect(json.stderr).toBe(csv.stderr);
    // Declared too low, the difference is negative: 429 000,00 − 429 656,45 = −656,45.
    expect((await runFinloc(['rar', file, '--declared', '429000'])).stdout.split('\n')[1]).toBe('rar_total,429000.00,429656.45,-656.45,differs,1 line(s)');
  });
  test('bad input: exit 2, every problem located, no output file', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'rar.csv', 'reference,section,direction,engaged,mandated\nA,investment,expense,100,0\nB,operating,receipt,1O0,0\nC,operating,receipt,100,150\n');
    const out = join(dir, 'out.csv');
    const r = await runFinloc(['rar', file, '-o', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr.replaceAll(file, 'rar.csv').trim().split('\n')).toEqual([
      'finloc: rar.csv:2:3 (direction): expected expenditure or receipt (dépense / recette), got "expense"',
      'finloc: rar.csv:3:4 (engaged): expected an amount such as 569 627,00 or 569627.00, got "1O0"',
      'finloc: rar.csv:4:5 (mandated): released 0.00 + mandated 150.00 exceed engaged 100.00: a commitment cannot carry over a negative amount',
    ]);
  });
});
