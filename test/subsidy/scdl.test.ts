import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { dec, sum, Decimal } from '../../src/money/decimal.js';
import { readCsvRecords } from '../../src/csv/records.js';
import { isoDate } from '../../src/calendar/date.js';
import { SCDL_FIELDS, attributorProblems, renderScdl, scdlGaps } from '../../src/subsidy/scdl.js';
import type { Grant } from '../../src/subsidy/types.js';
import { grantsArb } from './arbitraries.js';
import { gannatGrants } from './helpers.js';

/** A fictitious commune; 21000000000005 passes the SIRET key (Luhn sum 5 + 2×2 + 1 = 10). */
const ATTRIBUTOR = { name: 'Commune de Gannat', siret: '21000000000005' };

/** Reads an SCDL file back: header, then one record per grant, by field name. */
function readBack(text: string): Record<string, string>[] {
  const { records, separator } = readCsvRecords(text);
  expect(separator).toBe(',');
  const [header, ...rows] = records;
  expect(header!.fields).toEqual([...SCDL_FIELDS]);
  return rows.map((r) => Object.fromEntries(r.fields.map((v, i) => [SCDL_FIELDS[i]!, v])));
}

describe('SCDL « subventions » 2.1.1 export', () => {
  test('a complete grant: every field in the schema\'s form', () => {
    const g: Grant = {
      line: 2, beneficiary: 'Basket', beneficiaryId: { kind: 'siret', value: '73282932000074' }, envelope: 'operating', kind: 'arbitrated',
      amount: dec('4951'), ceiling: false, purpose: 'Subvention de fonctionnement 2026', decisionDate: isoDate(2026, 6, 5),
      decisionReference: '26/72', paymentTerms: 'unique', paymentDates: { from: isoDate(2026, 7, 1), to: isoDate(2026, 12, 31) }, euNotified: false,
    };
    const [row] = readBack(renderScdl([g], ATTRIBUTOR));
    expect(row).toEqual({
      nomAttribuant: 'Commune de Gannat', idAttribuant: '21000000000005', dateConvention: '2026-06-05', referenceDecision: '26/72',
      nomBeneficiaire: 'Basket', idBeneficiaire: '73282932000074', rnaBeneficiaire: '', objet: 'Subvention de fonctionnement 2026',
      montant: '4951.00', nature: 'aide en numéraire', conditionsVersement: 'unique', datesPeriodeVersement: '2026-07-01/2026-12-31',
      idRAE: '', notificationUE: 'non', pourcentageSubvention: '1.00', dispositifAide: '',
    });
    expect(scdlGaps([g])).toEqual([]);
  });
  test('an association known by its RNA number only: rnaBeneficiaire filled, idBeneficiaire empty', () => {
    const g: Grant = { beneficiary: 'Judo', beneficiaryId: { kind: 'rna', value: 'W031000123' }, envelope: 'e', amount: dec('3106'), ceiling: false, euNotified: true };
    const [row] = readBack(renderScdl([g], ATTRIBUTOR));
    expect([row!.idBeneficiaire, row!.rnaBeneficiaire, row!.notificationUE]).toEqual(['', 'W031000123', 'oui']);
  });
  test('the Gannat example: 74 rows, the same amounts; the required fields the act does not give are reported, not invented', () => {
    const grants = gannatGrants();
    const rows = readBack(renderScdl(grants, ATTRIBUTOR));
    expect(rows.map((r) => r.montant)).toEqual(grants.map((g) => g.amount.toFixed(2)));
    // 68 161 + 48 050 = 116 211.
    expect(sum(rows.map((r) => new Decimal(r.montant!))).toFixed(2)).toBe('116211.00');
    expect(rows.every((r) => r.dateConvention === '2026-06-05' && r.referenceDecision === '26/72')).toBe(true);
    const gaps = Object.fromEntries(scdlGaps(grants).map((g) => [g.field, g.lines.length]));
    // No SIRET/RNA in the act (74 grants); payment terms stated only for the exceptional grants (49 operating without);
    // no payment date or period anywhere (74).
    expect(gaps).toEqual({ idBeneficiaire: 74, conditionsVersement: 49, datesPeriodeVersement: 74 });
  });
  test.prop([grantsArb])('the SCDL output parses back to the same beneficiaries and amounts, in order', (grants) => {
    const rows = readBack(renderScdl(grants, ATTRIBUTOR));
    expect(rows.map((r) => [r.nomBeneficiaire, new Decimal(r.montant!).toFixed(2)])).toEqual(grants.map((g) => [g.beneficiary, g.amount.toFixed(2)]));
    expect(rows.every((r) => /^\d+\.\d{2}$/.test(r.montant!))).toBe(true); // « le signe de séparation … est le point »
  });
  test('the attributor: name and a 14-digit SIRET whose key holds', () => {
    expect(attributorProblems(ATTRIBUTOR)).toEqual([]);
    expect(attributorProblems({})).toHaveLength(2);
    expect(attributorProblems({ name: 'X', siret: '2100000000000' })[0]).toContain('14 digits');
    expect(attributorProblems({ name: 'X', siret: '21000000000006' })[0]).toContain('check key');
  });
});
