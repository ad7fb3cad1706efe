import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

const HEADER = 'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision';

describe('finloc amortize: input as finance officers write it', () => {
  test('a French spreadsheet export (;, decimal comma, French titles, BOM) gives the same table as the canonical file', async () => {
    const dir = tempDir();
    const fr =
      '\ufeffN° de la Ligne du Prêt;Capital;Date première échéance;Nombre échéances;Périodicité;Index;Marge;Taux;Modalité de révision;Progressivité;Profil\n' +
      '5676228;569 627,00 €;29/10/2026;25;Annuelle;Livret A;0,6 %;2,3 %;DL;0;Échéance prioritaire (intérêts différés)\n';
    const a = await runFinloc(['amortize', writeFile(dir, 'fr.csv', fr)]);
    const b = await runFinloc(['amortize', 'data/examples/cdc-180000.csv']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
  test('Windows-1252 bytes read the same as UTF-8', async () => {
    const dir = tempDir();
    const text = 'Numéro ligne;Montant;Date première échéance;Nombre échéances;Taux\nX;1 000,00;15/01/2030;2;10\n'.replace('Numéro ligne', 'N° ligne');
    const a = await runFinloc(['amortize', writeFile(dir, 'a.csv', Buffer.from(text, 'latin1'))]);
    const b = await runFinloc(['amortize', writeFile(dir, 'b.csv', text)]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    // 1 000 at 10 % over 2 years: E = 1 000 × 0,1/(1 − 1,1^−2) = 576,1905 → 576,19; row 2 interest 523,81 × 0,1 = 52,381 → 52,38.
    expect(a.stdout.split('\n').slice(1, 3)).toEqual([
      'X,1,2030-01-15,10.00,576.19,476.19,100.00,0.00,523.81,0.00',
      'X,2,2031-01-15,10.00,576.19,523.81,52.38,0.00,0.00,0.00',
    ]);
  });
});

describe('finloc amortize: bad input', () => {
  async function fails(content: string, ...extra: string[]) {
    const dir = tempDir();
    const file = writeFile(dir, 'loans.csv', content);
    const out = join(dir, 'out.csv');
    const r = await runFinloc(['amortize', file, '-o', out, ...extra]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['loans.csv']); // no temporary file left either
    return r.stderr.trim().split('\n').map((l) => l.replace(file, 'loans.csv'));
  }

  test('one message per problem, naming file, line, column and what was expected', async () => {
    const errors = await fails(
      HEADER + '\nA,-5,2026-10-29,25,annual,none,,2.3,none\nB,,2026-02-30,25,every 5 months,none,,2.3,none\nC,1000,2026-10-29,25,annual,livret_a,,2.3,DL\n',
    );
    expect(errors).toEqual([
      'finloc: loans.csv:2:2 (principal): expected an amount greater than zero, got "-5"',
      'finloc: loans.csv:3:2 (principal): missing value',
      'finloc: loans.csv:3:3 (first_due_date): expected a date such as 2026-10-29 or 29/10/2026, got "2026-02-30"',
      'finloc: loans.csv:3:5 (periodicity): expected a periodicity that divides the year: annual, semiannual, quarterly or monthly (or 12, 6, 4, 3, 2, 1 months), got "every 5 months"',
      'finloc: loans.csv:4:7 (margin_pct): missing value: an indexed line needs its fixed margin over the index',
    ]);
  });
  test('a periodicity of 5 months does not divide the year', async () => {
    const errors = await fails(HEADER + '\nA,1000,2026-10-29,25,5,none,,2.3,none\n');
    expect(errors[0]).toContain('loans.csv:2:5 (periodicity): expected a periodicity that divides the year');
  });
  test('an unknown column and a malformed file', async () => {
    expect(await fails('line_id,principal,colour\n')).toEqual([
      'finloc: loans.csv:1:3 (colour): unknown column "colour"; expected one of line_id, principal, first_due_date, periods, periodicity, index, margin_pct, rate_pct, revision, progressivity_pct, progressivity_floor_pct, profile, interest_mode, day_count, deferral_periods, fees, prefinancing_months',
      'finloc: loans.csv:1: missing column "first_due_date"',
      'finloc: loans.csv:1: missing column "periods"',
      'finloc: loans.csv:1: missing column "rate_pct"',
    ]);
    expect(await fails(HEADER + '\nA,"1000,2026-10-29,25,annual,none,,2.3,none\n')).toContain('finloc: loans.csv:2: a quoted field is never closed (missing ")');
  });
  test('an index date before the history starts', async () => {
    const errors = await fails(HEADER + '\nA,1000,2007-10-29,25,annual,livret_a,0.6,2.3,DL\n');
    expect(errors).toEqual(['finloc: loans.csv:2:3 (first_due_date): needs the Livret A on 29/10/2007, before its history starts (01/02/2008)']);
  });
  test('a missing file, an unknown format', async () => {
    const r = await runFinloc(['amortize', 'nowhere.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('finloc: nowhere.csv: no such file\n');
    const f = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--format', 'xml']);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('finloc: --format: expected one of csv, csv-fr, json, xlsx, html, got "xml"');
  });
});

describe('finloc amortize -o', () => {
  test('writes the file, and nothing on standard output', async () => {
    const dir = tempDir();
    const out = join(dir, 'table.csv');
    const r = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(27);
  });
});
