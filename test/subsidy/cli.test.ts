import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

const HEADER = 'beneficiary;envelope;kind;amount;ceiling;members;rate_per_member;beneficiary_id';

async function fails(content: string, ...extra: string[]) {
  const dir = tempDir();
  const file = writeFile(dir, 'grants.csv', content);
  const out = join(dir, 'out.csv');
  const r = await runFinloc(['subsidies', file, '-o', out, ...extra]);
  expect(r.code).toBe(2);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir)).toEqual(['grants.csv']);
  return r.stderr.trim().split('\n').map((l) => l.replace(file, 'grants.csv'));
}

describe('finloc subsidies: bad input', () => {
  test('negative amount, bad id, members without rate: one message each, file, line and column', async () => {
    const errors = await fails(
      HEADER + '\nBasket;operating;arbitrated;-4951;no;;;\nJudo;operating;youth;380;;19;;\nRugby;operating;;100;;;;1234\nHand;operating;;100;;;;23350001600041\n',
    );
    expect(errors).toEqual([
      'finloc: grants.csv:2:4 (amount): expected an amount of zero or more, got "-4951"',
      'finloc: grants.csv:3:7 (rate_per_member): missing value: members are given, so the amount per member is needed to check the complement',
      'finloc: grants.csv:4:8 (beneficiary_id): expected a SIRET (14 digits) or an RNA number (W and 9 digits), got "1234"',
      'finloc: grants.csv:5:8 (beneficiary_id): expected a SIRET whose check key holds (14 digits pass the Luhn check; a digit is probably mistyped), got "23350001600041"',
    ]);
  });
  test('an unknown envelope in check mode: line and column of the envelope', async () => {
    const errors = await fails(HEADER + '\nBasket;operating;;100;;;;\nJudo;investissement;;380;;;;\n', '--envelope', 'operating=1000');
    expect(errors).toEqual(['finloc: grants.csv:3:2 (envelope): unknown envelope "investissement"; the envelopes voted (--envelope) are operating']);
  });
  test('a declared total nothing bears; a malformed --envelope', async () => {
    expect(await fails(HEADER + '\nBasket;operating;;100;;;;\n', '--declared-total', 'culture=10')).toEqual([
      'finloc: --declared-total culture: no envelope, envelope/kind or kind of that name in the file (envelopes: operating; or total)',
    ]);
    const bad = await fails(HEADER + '\nBasket;operating;;100;;;;\n', '--envelope', 'operating');
    expect(bad.join('\n')).toContain('expected NAME=AMOUNT');
  });
  test('--format scdl without the attributor', async () => {
    expect(await fails(HEADER + '\nBasket;operating;;100;;;;\n', '--format', 'scdl', '--attributor-siret', '123')).toEqual([
      'finloc: --attributor-name is needed for --format scdl (nomAttribuant, required by the schema)',
      'finloc: --attributor-siret 123: expected a SIRET, 14 digits',
    ]);
  });
});

describe('finloc subsidies: check mode', () => {
  test('an envelope overspent: exit 1, voted, committed and difference on stderr; the report is still written', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'g.csv', 'Bénéficiaire;Enveloppe;Montant;Pour un maximum de\nBasket;Fonctionnement;1 500,50 €;non\nJudo;fonctionnement;600;oui\n');
    const r = await runFinloc(['subsidies', file, '--envelope', 'fonctionnement=2 000', '--format', 'csv-fr']);
    expect(r.code).toBe(1);
    // 1 500,50 + 600 = 2 100,50 on 2 000: 100,50 over.
    expect(r.stdout.split('\n')[1]).toBe('enveloppe;Fonctionnement;;Fonctionnement;;;2;2100,50;600,00;1500,50;;;2000,00;-100,50;;;;enveloppe dépassée');
    // A limit passed, not a declared figure: an alert, no check.
    expect(r.stderr).toBe('finloc: alert: envelope fonctionnement overspent: voted 2 000,00 €, committed 2 100,50 €, 100,50 € over\n');
  });
  test('a per-member complement that is not members × rate: exit 1', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'g.csv', HEADER + '\nBasket;operating;youth;740;;36;20;\n');
    const r = await runFinloc(['subsidies', file]);
    expect(r.code).toBe(1);
    // 36 × 20 = 720; 740 − 720 = 20.
    expect(r.stdout.split('\n')).toContain('complement,Basket,,operating,youth,2,,740.00,,,36,20.00,,,740.00,720.00,20.00,mismatch');
    expect(r.stderr).toBe(
      'finloc: does not hold: per-member complement (line 2, Basket): declared 740,00, recomputed 720,00, difference 20,00 (declared − recomputed); 36 × 20,00 per member\n' +
        `finloc: ${file}: 1 of 1 checked figure(s) do not hold: per-member complement (line 2, Basket)\n`,
    );
  });
  test('a complement that is no whole number of members: exit 1, an alert (there is no declared figure to check)', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'g.csv', HEADER + '\nBasket;operating;youth;750;;;20;\n');
    const r = await runFinloc(['subsidies', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toContain('complement,Basket,,operating,youth,2,,750.00,,,,20.00,,,,,,not_whole');
    expect(r.stderr).toBe('finloc: alert: per-member complement (line 2, Basket): 750,00 is not a whole multiple of 20,00 per member\n');
  });
});

describe('finloc subsidies --format scdl', () => {
  test('writes the open-data file and notes the required fields left empty', async () => {
    const dir = tempDir();
    const out = join(dir, 'subventions.csv');
    const r = await runFinloc([
      'subsidies', 'data/examples/gannat-2026-subsidies.csv', '--format', 'scdl', '-o', out,
      '--attributor-name', 'Commune de Gannat', '--attributor-siret', '210 000 000 00005',
    ]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines[0]).toBe('nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide');
    expect(lines[1]).toBe('Commune de Gannat,21000000000005,2026-06-05,26/72,AEP,,,Subvention jeunes 2026 : 20 € par licencié jeune gannatois de moins de 18 ans,2420.00,aide en numéraire,,,,non,1.00,');
    expect(lines).toHaveLength(74 + 2); // header, 74 grants, final newline
    expect(r.stderr).toContain('finloc: note: SCDL field datesPeriodeVersement left empty for 74 grant(s) (data/examples/gannat-2026-subsidies.csv lines 2–75)');
    expect(r.stderr).toContain('finloc: note: SCDL field conditionsVersement left empty for 49 grant(s) (data/examples/gannat-2026-subsidies.csv lines 2–50)');
  });
  test('payment terms and dates given in the file reach the SCDL fields', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'g.csv', 'beneficiary,envelope,amount,purpose,beneficiary_id,decision_date,payment_terms,payment_dates\nBasket,operating,"4 951,00",Fonctionnement,73282932000074,05/06/2026,Echelonné,du 01/07/2026 au 31/12/2026\n');
    const r = await runFinloc(['subsidies', file, '--format', 'scdl', '--attributor-name', 'Commune', '--attributor-siret', '21000000000005']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('Commune,21000000000005,2026-06-05,,Basket,73282932000074,,Fonctionnement,4951.00,aide en numéraire,échelonné,2026-07-01/2026-12-31,,non,1.00,');
    expect(r.stderr).toBe('');
  });
});

describe('finloc subsidies: input as finance officers write it', () => {
  test('French titles, Windows-1252, decimal comma: same figures as the canonical file', async () => {
    const dir = tempDir();
    const fr = 'Bénéficiaire;Enveloppe;Type;Montant;Pour un maximum de;Montant par licencié\nBasket;Fonctionnement;jeunes;720,00 €;non;20\nJudo;Exceptionnelle;projet;1 000,50;oui;\n';
    const en = 'beneficiary,envelope,kind,amount,ceiling,rate_per_member\nBasket,Fonctionnement,jeunes,720,no,20\nJudo,Exceptionnelle,projet,1000.50,yes,\n';
    const a = await runFinloc(['subsidies', writeFile(dir, 'fr.csv', Buffer.from(fr.replace('€', '\x80'), 'latin1') /* € is byte 0x80 in Windows-1252 */), '--format', 'json']);
    const b = await runFinloc(['subsidies', writeFile(dir, 'en.csv', en), '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    // 720 + 1 000,50 = 1 720,50, of which 1 000,50 « pour un maximum de »; 720 ÷ 20 = 36 members.
    const rows = JSON.parse(a.stdout).tables.subsidies as Record<string, unknown>[];
    expect(rows.find((r) => r.section === 'total')).toMatchObject({ grants: 2, amount: '1720.50', ceilings: '1000.50', firm: '720.00' });
    expect(rows.find((r) => r.section === 'complement')).toMatchObject({ members: 36, declared: null, status: 'ok' });
  });
  test('a voted envelope no grant is charged to: all of it remains', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'g.csv', 'beneficiary,envelope,amount\nBasket,operating,100\n');
    const r = await runFinloc(['subsidies', file, '--envelope', 'operating=100', '--envelope', 'culture=5 000']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1, 4)).toEqual([
      'envelope,operating,,operating,,,1,100.00,0.00,100.00,,,100.00,0.00,,,,ok',
      'envelope,culture,,culture,,,0,0.00,,,,,5000.00,5000.00,,,,ok',
      'total,total,,,,,1,100.00,0.00,100.00,,,5100.00,5000.00,,,,',
    ]);
  });
});

describe('finloc subsidies: one sign, difference = declared − recomputed, on stdout and stderr', () => {
  // A grant of 2 430 for 121 members × 20 € (= 2 420), and a deliberation declaring a total of 2 420:
  // the complement declares 2 430 against 2 420 recomputed (+10); the total declares 2 420 against 2 430 recomputed (−10).
  async function run(format: string, ...extra: string[]) {
    const dir = tempDir();
    const file = writeFile(dir, 'g.csv', HEADER + '\nAEP;operating;youth;2430;;121;20;\n');
    return { file, r: await runFinloc(['subsidies', file, '--declared-total', 'total=2420', '--format', format, ...extra]) };
  }
  const columns = 'section,name,beneficiary_id,envelope,kind,line,grants,amount,ceilings,firm,members,rate_per_member,envelope_amount,remaining,declared,recomputed,difference,status'.split(',');
  const cell = (line: string, sep: string, key: string) => line.split(sep)[columns.indexOf(key)];

  test('csv: declared 2420, recomputed 2430, difference −10 on the row of the total; the complement declares its own amount', async () => {
    const { r } = await run('csv');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('declared,total,,,,,,2430.00,,,,,,,2420.00,2430.00,-10.00,mismatch');
    expect(lines).toContain('complement,AEP,,operating,youth,2,,2430.00,,,121,20.00,,,2430.00,2420.00,10.00,mismatch');
    // The recomputed figure is never in the « declared » column.
    const rows = lines.filter((l) => l.startsWith('declared,') || l.startsWith('complement,'));
    expect(rows.map((l) => [cell(l, ',', 'declared'), cell(l, ',', 'recomputed'), cell(l, ',', 'difference')])).toEqual([
      ['2430.00', '2420.00', '10.00'],
      ['2420.00', '2430.00', '-10.00'],
    ]);
  });
  test('csv-fr: the same, with the sign in the title', async () => {
    const { r } = await run('csv-fr');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain(';Montant déclaré;Montant recalculé;Écart (déclaré − recalculé);Statut');
    expect(lines).toContain('total déclaré;total;;;;;;2430,00;;;;;;;2420,00;2430,00;-10,00;écart');
    expect(lines).toContain('complément par licencié;AEP;;operating;youth;2;;2430,00;;;121;20,00;;;2430,00;2420,00;10,00;écart');
  });
  test('json: the two checks, declared and recomputed each in its place', async () => {
    const { r } = await run('json');
    const doc = JSON.parse(r.stdout);
    expect(doc.checks).toEqual([
      { item: 'per-member complement (line 2, AEP)', declared: '2430.00', recomputed: '2420.00', difference: '10.00', verdict: 'differs', note: '121 × 20,00 per member' },
      { item: 'declared total total (every grant)', declared: '2420.00', recomputed: '2430.00', difference: '-10.00', verdict: 'differs', note: null },
    ]);
    expect([doc.all_hold, doc.holds]).toEqual([false, false]);
  });
  test('stderr says it the same way round', async () => {
    const { file, r } = await run('csv');
    expect(r.stderr).toBe(
      'finloc: does not hold: per-member complement (line 2, AEP): declared 2 430,00, recomputed 2 420,00, difference 10,00 (declared − recomputed); 121 × 20,00 per member\n' +
        'finloc: does not hold: declared total total (every grant): declared 2 420,00, recomputed 2 430,00, difference -10,00 (declared − recomputed)\n' +
        `finloc: ${file}: 2 of 2 checked figure(s) do not hold: per-member complement (line 2, AEP), declared total total (every grant)\n`,
    );
  });
  test('--format scdl: the SCDL gaps are notes, the failed checks still printed and exit 1', async () => {
    const { file, r: s } = await run('scdl', '--attributor-name', 'Commune', '--attributor-siret', '21000000000005');
    expect(s.code).toBe(1);
    expect(s.stdout.split('\n')[1]).toBe('Commune,21000000000005,,,AEP,,,,2430.00,aide en numéraire,,,,non,1.00,');
    const lines = s.stderr.trim().split('\n');
    expect(lines[0]).toBe(`finloc: note: SCDL field dateConvention left empty for 1 grant(s) (${file} lines 2): required by the schema; fill the column decision_date`);
    expect(lines.filter((l) => l.startsWith('finloc: does not hold: '))).toHaveLength(2);
  });
});
