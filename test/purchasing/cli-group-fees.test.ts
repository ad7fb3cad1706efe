import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

describe('finloc group-fees', () => {
  it('the bundled example: every band, both boundaries, floor, ceiling, special cases, 7 months prorated; totals', async () => {
    const r = await runFinloc(['group-fees', 'data/examples/group-fees-members.csv', '--year', '2026', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const billed = Object.fromEntries(json.tables.participations.map((row: { member_id: string; billed: string }) => [row.member_id, row.billed]));
    expect(billed).toEqual({
      'Commune A (120 kWh/hab)': '720.00', // 0,06 × 12 000
      'Commune B (100 kWh/hab)': '600.00', // 100 exactly: 0,06 × 10 000
      'Commune C (80 kWh/hab)': '360.00', // 0,03 × 12 000
      'Commune D (50 kWh/hab)': '96.00', // 50 exactly: 0,012 × 8 000
      'Commune E (30 kWh/hab)': '240.00', // 0,012 × 20 000
      'Commune F (500 hab)': '50.00', // 30,00 → floor
      'Commune G (40 000 hab)': '2000.00', // 2 400,00 → ceiling
      'CCAS de A': '0.00',
      'EPCI à fiscalité propre': '200.00',
      'Syndicat (3 de ses 12 communes membres)': '150.00', // 200 × 9 / 12
      'Métropole de Lyon': '2000.00',
      'Autre membre': '200.00',
      'Commune H (7 mois)': '211.07', // 360 × 214 / 365
    });
    // 720 + 600 + 360 + 96 + 240 + 50 + 2 000 + 0 + 200 + 150 + 2 000 + 200 + 360 = 6 976,00; billed: 6 976,00 − 360 + 211,07 = 6 827,07
    expect(json.total_annual).toBe('6976.00');
    expect(json.total_billed).toBe('6827.07');
  });

  it('electricity: communes by the flat amount', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'm.csv', 'membre;type;habitants\nPetite;commune;5000\nGrande;commune;5001\n');
    const r = await runFinloc(['group-fees', f, '--energy', 'electricity']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1, 3).map((l) => l.split(',').at(-1))).toEqual(['200.00', '400.00']);
  });

  it('--scheme FILE: another group\'s scheme is data (here the convention list\'s 0,015 €/hab at ≤ 50 kWh/hab)', async () => {
    const dir = tempDir();
    const scheme = writeFile(dir, 'scheme.csv', readFileSync('data/purchasing/sigerly-2017-scheme.csv', 'utf8').replace('rate_low,"0,012"', 'rate_low,"0,015"'));
    const m = writeFile(dir, 'm.csv', 'member_id,kind,population,gas_kwh\nD,commune,8000,400000\n');
    const r = await runFinloc(['group-fees', m, '--scheme', scheme]);
    expect(r.code).toBe(0);
    // 400 000 / 8 000 = 50 → ≤ 50: 0,015 × 8 000 = 120,00
    expect(r.stdout.split('\n')[1]!.split(',').at(-1)).toBe('120.00');
    const bad = writeFile(dir, 'bad-scheme.csv', 'parameter,value\nfloor,-1\n');
    const b = await runFinloc(['group-fees', m, '--scheme', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`finloc: ${bad}:2:2 (value): expected a number of zero or more for floor, got "-1"`);
  });

  it('bad input: an unknown kind, a negative population: exit 2 with the line and column', async () => {
    const dir = tempDir();
    const f = writeFile(dir, 'm.csv', 'member_id,kind,population,gas_kwh\nA,mairie,100,100\nB,commune,-1,100\n');
    const r = await runFinloc(['group-fees', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `finloc: ${f}:2:2 (kind): expected one of commune, ccas, epci_fp, epci, metropole, other, got "mairie"\nfinloc: ${f}:3:3 (population): expected a whole number of zero or more, got "-1"\n`,
    );
  });
});
