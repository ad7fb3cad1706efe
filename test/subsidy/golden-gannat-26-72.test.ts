import { describe, expect, test } from 'vitest';
import { dec } from '../../src/money/decimal.js';
import { subsidyReport, type SubsidyReport } from '../../src/subsidy/report.js';
import { nameKey } from '../../src/subsidy/grouping.js';
import { runFinloc } from '../helpers/cli.js';
import { GANNAT_CSV, gannatGrants } from './helpers.js';
import {
  ALL_ENVELOPES, DECLARED_OPERATING_TOTAL, EMPLOYMENT_GRANTS, ENVELOPES, OPERATING_TABLE, PROJECT_GRANTS, YOUTH_RATE,
} from './fixtures/gannat-26-72.js';

/** Deliberation n° 26/72 of Gannat (5 June 2026): every figure it states, from data/examples/gannat-2026-subsidies.csv. */

const grants = gannatGrants();
function gannatReport(): SubsidyReport {
  const r = subsidyReport(grants, {
    envelopes: [{ name: 'operating', amount: dec(ENVELOPES.operating) }, { name: 'exceptional', amount: dec(ENVELOPES.exceptional) }],
    declared: [{ name: 'operating', amount: dec(DECLARED_OPERATING_TOTAL) }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.report;
}
const report = gannatReport();
const envelope = (name: string) => report.envelopes.find((e) => e.key === name)!;
const kind = (env: string, k: string) => report.kinds.find((t) => t.envelopeKey === env && t.kindKey === k)!;
const beneficiary = (name: string) => report.beneficiaries.find((b) => nameKey(b.beneficiary) === nameKey(name))!;
const operatingOf = (name: string) => beneficiary(name).byEnvelope.find((e) => e.envelopeKey === 'operating')?.total;

describe('the example file is the deliberation, transcribed', () => {
  test('the operating table: one arbitrated grant and one youth grant per filled cell, 35 associations', () => {
    const op = grants.filter((g) => g.envelope === 'operating');
    const cells = OPERATING_TABLE.flatMap(([name, arbitrated, youth]) => [
      ...(arbitrated !== undefined ? [[name, 'arbitrated', arbitrated]] : []),
      ...(youth !== undefined ? [[name, 'youth', youth]] : []),
    ]);
    expect(op.map((g) => [g.beneficiary, g.kind, g.amount.toNumber()])).toEqual(cells);
    expect(new Set(op.map((g) => g.beneficiary)).size).toBe(35);
    expect(op.every((g) => !g.ceiling && g.decisionDate === '2026-06-05' && g.decisionReference === '26/72')).toBe(true);
  });
  test('the employment grants, all « pour un maximum de », and the project grants, none', () => {
    const ex = grants.filter((g) => g.envelope === 'exceptional');
    const expected = [
      ...EMPLOYMENT_GRANTS.map(([asWritten, amount, op]) => [op ?? asWritten, 'employment', amount, true]),
      ...PROJECT_GRANTS.map(([asWritten, amount, op]) => [op ?? asWritten, 'project', amount, false]),
    ];
    // Names compared without case or accents: the file keeps the act's spelling (« LA BOURRÉE GANNATOISE »).
    expect(ex.map((g) => [nameKey(g.beneficiary), g.kind, g.amount.toNumber(), g.ceiling])).toEqual(expected.map(([n, ...rest]) => [nameKey(n as string), ...rest]));
  });
});

describe('operating envelope (« subventions de fonctionnement »)', () => {
  test.each(OPERATING_TABLE.map(([name, a, y, total]) => ({ name, a, y, total })))(
    'TOTAL Fonctionnement 2026 of $name: $a + $y = $total €',
    ({ name, a, y, total }) => {
      expect((a ?? 0) + (y ?? 0)).toBe(total); // the act's own row adds up
      expect(operatingOf(name)!.toFixed(2)).toBe(total.toFixed(2)); // and the engine finds it
    },
  );
  test('total 68 161 € = arbitrated 57 821 € + youth 10 340 €, as declared', () => {
    // Hand sums of the act's columns: arbitrated 1000+500+1000+600+4951+700+150+300+500+6660+5921+1340+3106+3900+900+200+1500
    // +300+150+500+4787+500+600+980+6812+350+960+4000+250+2764+1000+640 = 57 821; youth 2420+720+160+680+860+160+380+280+1000
    // +580+220+20+1340+100+740+320+360 = 10 340; 57 821 + 10 340 = 68 161.
    expect(envelope('operating').total.toFixed(2)).toBe('68161.00');
    expect(kind('operating', 'arbitrated').total.toFixed(2)).toBe('57821.00');
    expect(kind('operating', 'youth').total.toFixed(2)).toBe('10340.00');
    expect(report.declared).toEqual([expect.objectContaining({ name: 'operating', holds: true })]);
    expect(report.declared[0]!.recomputed.toFixed(2)).toBe(DECLARED_OPERATING_TOTAL.toFixed(2));
    expect(report.declared[0]!.difference.isZero()).toBe(true);
  });
  test('youth complements: each a whole multiple of 20 €, 517 members in all (10 340 ÷ 20)', () => {
    const youth = OPERATING_TABLE.filter(([, , y]) => y !== undefined).map(([name, , y]) => [name, y! / YOUTH_RATE]);
    // e.g. AEP 2420 ÷ 20 = 121, Sporting Club 1340 ÷ 20 = 67, Société de chasse 20 ÷ 20 = 1.
    expect(report.complements.map((c) => [c.grant.beneficiary, c.impliedMembers])).toEqual(youth);
    expect(report.complements.every((c) => c.holds && c.rate.equals(YOUTH_RATE))).toBe(true);
    expect(kind('operating', 'youth').members).toBe(517);
  });
  test('what is left: 70 000 − 68 161 = 1 839 €', () => {
    const b = report.balances.find((x) => x.key === 'operating')!;
    expect([b.amount.toFixed(2), b.committed.toFixed(2), b.remaining.toFixed(2), b.overspent]).toEqual(['70000.00', '68161.00', '1839.00', false]);
  });
});

describe('exceptional envelope (« subventions exceptionnelles »)', () => {
  test('48 050 € committed: 25 900 € of ceilings (employment) apart, 22 150 € firm (projects)', () => {
    // Ceilings 1000+5000+5000+5000+2700+1000+1200+5000 = 25 900 (8 grants);
    // projects 900+200+400+3400+1000+2000+1500+1870+2500+500+930+1200+750+100+1000+3500+400 = 22 150 (17 grants).
    const e = envelope('exceptional');
    expect([e.grants, e.total.toFixed(2), e.ceilings.toFixed(2), e.firm.toFixed(2)]).toEqual([25, '48050.00', '25900.00', '22150.00']);
    expect(report.ceilings.map((g) => g.amount.toNumber())).toEqual(EMPLOYMENT_GRANTS.map(([, a]) => a));
    expect(kind('exceptional', 'employment').total.toFixed(2)).toBe('25900.00');
    expect(kind('exceptional', 'project').total.toFixed(2)).toBe('22150.00');
  });
  test('what is left: 50 000 − 48 050 = 1 950 €', () => {
    const b = report.balances.find((x) => x.key === 'exceptional')!;
    expect([b.remaining.toFixed(2), b.overspent]).toEqual(['1950.00', false]);
  });
});

describe('the whole deliberation', () => {
  test('120 000 € voted = 70 000 + 50 000; 116 211 € committed (68 161 + 48 050); 3 789 € left', () => {
    expect(ENVELOPES.operating + ENVELOPES.exceptional).toBe(ALL_ENVELOPES);
    expect([report.overall!.amount.toFixed(2), report.overall!.committed.toFixed(2), report.overall!.remaining.toFixed(2)]).toEqual(['120000.00', '116211.00', '3789.00']);
    expect(report.all.grants).toBe(74);
    expect(report.holds).toBe(true);
  });
  test('per beneficiary across envelopes, the associations the act names in both parts', () => {
    const totals = Object.fromEntries(
      ['Entente Gymnique Gannatoise', 'La bourrée gannatoise', 'Sporting Club Gannatois', 'Mouvement ALB', 'ASNA', 'Natation – GON', 'Rugby', 'AEP', 'Gannat Sport Events'].map((n) => [n, beneficiary(n).total.toNumber()]),
    );
    expect(totals).toEqual({
      'Entente Gymnique Gannatoise': 14210, // 7 340 + 5 000 (maximum) + 1 870
      'La bourrée gannatoise': 9380, // 4 180 + 2 700 (maximum) + 2 500
      'Sporting Club Gannatois': 9352, // 8 152 + 1 200 (maximum)
      'Mouvement ALB': 4500, // 2 500 + 1 000 (maximum) + 1 000
      ASNA: 4000, // 1 000 + 1 000 (maximum, « Association des Sciences Naturelles de l'Allier ») + 2 000
      'Natation – GON': 5580, // 580 + 5 000 (maximum, « Gannat Olympique Natation »)
      Rugby: 6007, // 5 007 + 1 000 (« ASG RUGBY »)
      AEP: 2620, // 2 420 + 200 (« AMIS DE L'ENSEIGNEMENT PUBLIC »)
      'Gannat Sport Events': 3660, // 160 + 3 500 (« GANNAT SPORT EVENT »)
    });
    // 8 appear only in the exceptional part: Culture du Monde, Tennis Padel Club, Les Louvetiers, AFM Téléthon,
    // Art & Com, Jouons ensemble, Un volant pour aider, Union cycliste gannatoise.
    expect(report.beneficiaries.length).toBe(35 + 8);
  });
  test('no beneficiary reaches the convention threshold (largest: 14 210 € ≤ 23 000 €)', () => {
    expect(report.beneficiaries.some((b) => b.conventionRequired || b.budgetAnnex)).toBe(false);
    expect(Math.max(...report.beneficiaries.map((b) => b.total.toNumber()))).toBe(14210);
  });
});

describe('finloc subsidies on the example', () => {
  const ARGS = ['subsidies', GANNAT_CSV, '--envelope', 'operating=70000', '--envelope', 'exceptional=50 000', '--declared-total', 'operating=68161'];
  test('csv: the envelopes, the total and the declared check; exit 0', async () => {
    const r = await runFinloc(ARGS);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('section,name,beneficiary_id,envelope,kind,line,grants,amount,ceilings,firm,members,rate_per_member,envelope_amount,remaining,declared,recomputed,difference,status');
    expect(lines.slice(1, 4)).toEqual([
      'envelope,operating,,operating,,,49,68161.00,0.00,68161.00,,,70000.00,1839.00,,,,ok',
      'envelope,exceptional,,exceptional,,,25,48050.00,25900.00,22150.00,,,50000.00,1950.00,,,,ok',
      'total,total,,,,,74,116211.00,25900.00,90311.00,,,120000.00,3789.00,,,,',
    ]);
    expect(lines).toContain('kind,youth,,operating,youth,,17,10340.00,0.00,10340.00,517,,,,,,,');
    expect(lines).toContain('kind,arbitrated,,operating,arbitrated,,32,57821.00,0.00,57821.00,,,,,,,,');
    expect(lines).toContain('declared,operating,,,,,,68161.00,,,,,,,68161.00,68161.00,0.00,ok');
    expect(r.stderr).toBe(`finloc: ${GANNAT_CSV}: all 1 checked figure(s) hold\n`);
  });
  test('csv-fr: French titles and words, decimal comma', async () => {
    const r = await runFinloc([...ARGS, '--format', 'csv-fr']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      '\ufeffRubrique;Nom;SIRET ou RNA;Enveloppe;Type;Ligne;Nombre de subventions;Montant;dont pour un maximum de;dont montant ferme;Licenciés;Montant par licencié;Enveloppe votée;Reste disponible;Montant déclaré;Montant recalculé;Écart (déclaré − recalculé);Statut',
    );
    expect(lines[1]).toBe('enveloppe;operating;;operating;;;49;68161,00;0,00;68161,00;;;70000,00;1839,00;;;;conforme');
    expect(lines).toContain('pour un maximum de;Tennis Padel Club;;exceptional;employment;58;;5000,00;;;;;;;;;;');
    expect(lines).toContain('total déclaré;operating;;;;;;68161,00;;;;;;;68161,00;68161,00;0,00;conforme');
  });
  test('json: amounts as strings', async () => {
    const r = await runFinloc([...ARGS, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const rows = doc.tables.subsidies as Record<string, unknown>[];
    expect(rows[1]).toMatchObject({ section: 'envelope', envelope: 'exceptional', grants: 25, amount: '48050.00', ceilings: '25900.00', firm: '22150.00', envelope_amount: '50000.00', remaining: '1950.00', status: 'ok' });
    expect(rows.find((row) => row.section === 'total')).toMatchObject({ grants: 74, amount: '116211.00', ceilings: '25900.00', firm: '90311.00', envelope_amount: '120000.00', remaining: '3789.00' });
    expect(doc.checks).toEqual([{ item: 'declared total operating (envelope operating)', declared: '68161.00', recomputed: '68161.00', difference: '0.00', verdict: 'ok', note: null }]);
    expect([doc.report, doc.holds, doc.all_hold, doc.notes]).toEqual(['subsidies', true, true, []]);
  });
  test('a different declared total does not hold: exit 1, declared, recomputed and difference on stderr', async () => {
    const r = await runFinloc(['subsidies', GANNAT_CSV, '--declared-total', 'operating=68 000', '--declared-total', 'operating/youth=10340']);
    expect(r.code).toBe(1);
    // difference = declared − recomputed: 68 000 − 68 161 = −161
    expect(r.stdout.split('\n')).toContain('declared,operating,,,,,,68161.00,,,,,,,68000.00,68161.00,-161.00,mismatch');
    expect(r.stdout.split('\n')).toContain('declared,operating/youth,,,,,,10340.00,,,,,,,10340.00,10340.00,0.00,ok');
    expect(r.stderr).toContain('finloc: does not hold: declared total operating (envelope operating): declared 68 000,00, recomputed 68 161,00, difference -161,00 (declared − recomputed)');
  });
});
