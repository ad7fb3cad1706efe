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
    expect(r.stdout.split('\n')[1]).toBe('enveloppe;Fonctionnement;;Fonctionnement;;;2;2100,50;600,00;1500,50;;;2000,00;-100,50;;;enveloppe dépassée');
    expect(r.stderr).toContain('finloc: does not hold: envelope fonctionnement overspent: voted 2 000,00, committed 2 100,50, difference -100,50');
  });
  test('a per-member complement that is not members × rate: exit 1', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'g.csv', HEADER + '\nBasket;operating;youth;740;;36;20;\n');
    const r = await runFinloc(['subsidies', file]);
    expect(r.code).toBe(1);
    // 36 × 20 = 720; 740 − 720 = 20.
    expect(r.stdout.split('\n')).toContain('complement,Basket,,operating,youth,2,,740.00,,,36,20.00,,,720.00,20.00,mismatch');
    expect(r.stderr).toContain('declared 740,00, recomputed 36 × 20,00 = 720,00, difference 20,00');
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
    const doc = JSON.parse(a.stdout);
    expect(doc.total).toEqual({ grants: 2, total: '1720.50', ceilings: '1000.50', firm: '720.00' });
    expect(doc.complements[0]).toMatchObject({ members_implied: 36, holds: true });
  });
  test('a voted envelope no grant is charged to: all of it remains', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'g.csv', 'beneficiary,envelope,amount\nBasket,operating,100\n');
    const r = await runFinloc(['subsidies', file, '--envelope', 'operating=100', '--envelope', 'culture=5 000']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1, 4)).toEqual([
      'envelope,operating,,operating,,,1,100.00,0.00,100.00,,,100.00,0.00,,,ok',
      'envelope,culture,,culture,,,0,0.00,,,,,5000.00,5000.00,,,ok',
      'total,total,,,,,1,100.00,0.00,100.00,,,5100.00,5000.00,,,',
    ]);
  });
});
