import { formatMachine } from '../money/format.js';
import { csvDocument } from '../csv/write.js';
import { type Note, note } from '../report/model.js';
import { siretKeyHolds } from './beneficiary-id.js';
import type { Grant } from './types.js';

/**
 * The SCDL « subventions » open-data file, schema 2.1.1
 * (schema.data.gouv.fr/scdl/subventions/2.1.1): one row per grant, these
 * columns in this order, `,` separator, UTF-8, ISO dates, amounts with a
 * point. Communes of more than 3 500 inhabitants publish it (décret
 * n° 2017-779 du 5 mai 2017; arrêté du 17 novembre 2017).
 */
export const SCDL_FIELDS = [
  'nomAttribuant', 'idAttribuant', 'dateConvention', 'referenceDecision', 'nomBeneficiaire', 'idBeneficiaire', 'rnaBeneficiaire',
  'objet', 'montant', 'nature', 'conditionsVersement', 'datesPeriodeVersement', 'idRAE', 'notificationUE', 'pourcentageSubvention',
  'dispositifAide',
] as const;
export type ScdlField = (typeof SCDL_FIELDS)[number];

/** The attributing body (« attribuant »): the commune, its SIRET. */
export interface Attributor {
  readonly name: string;
  readonly siret: string;
}

/** Checks the attributor as the schema wants it (idAttribuant `^\d{14}$`; we also check the SIRET key). */
export function attributorProblems(a: Partial<Attributor>): string[] {
  const problems: string[] = [];
  if (!a.name?.trim()) problems.push('--attributor-name is needed for --format scdl (nomAttribuant, required by the schema)');
  if (a.siret === undefined) problems.push('--attributor-siret is needed for --format scdl (idAttribuant, required by the schema)');
  else if (!/^\d{14}$/.test(a.siret)) problems.push(`--attributor-siret ${a.siret}: expected a SIRET, 14 digits`);
  else if (!siretKeyHolds(a.siret)) problems.push(`--attributor-siret ${a.siret}: the SIRET check key (Luhn) does not hold; a digit is probably mistyped`);
  return problems;
}

/** A required field the grants file does not fill: left empty in the file, reported to the user. */
export interface ScdlGap {
  readonly field: ScdlField;
  readonly lines: readonly number[];
  readonly why: string;
}

/** Every grant pays one beneficiary (one row per beneficiary), so its share is 100 %. */
const SOLE_BENEFICIARY_SHARE = '1.00';
/** The grants file holds amounts of money: « aide en numéraire ». */
const CASH = 'aide en numéraire';
const MAX_TEXT = 256;

export function scdlRow(g: Grant, attributor: Attributor): Record<ScdlField, string> {
  const dates = g.paymentDates ? g.paymentDates.from + (g.paymentDates.to !== undefined ? '/' + g.paymentDates.to : '') : '';
  return {
    nomAttribuant: attributor.name,
    idAttribuant: attributor.siret,
    dateConvention: g.decisionDate ?? '',
    referenceDecision: g.decisionReference ?? '',
    nomBeneficiaire: g.beneficiary,
    idBeneficiaire: g.beneficiaryId?.kind === 'siret' ? g.beneficiaryId.value : '',
    rnaBeneficiaire: g.beneficiaryId?.kind === 'rna' ? g.beneficiaryId.value : '',
    objet: g.purpose ?? '',
    montant: formatMachine(g.amount),
    nature: CASH,
    conditionsVersement: g.paymentTerms ?? '',
    datesPeriodeVersement: dates,
    idRAE: '',
    notificationUE: g.euNotified ? 'oui' : 'non',
    pourcentageSubvention: SOLE_BENEFICIARY_SHARE,
    dispositifAide: '',
  };
}

/** Which required fields each grant leaves empty (or too long), grouped by field. */
export function scdlGaps(grants: readonly Grant[]): ScdlGap[] {
  const gaps = new Map<ScdlField, { lines: number[]; why: string }>();
  const note = (field: ScdlField, g: Grant, why: string) => {
    const gap = gaps.get(field) ?? { lines: [], why };
    if (g.line !== undefined) gap.lines.push(g.line);
    gaps.set(field, gap);
  };
  for (const g of grants) {
    if (g.decisionDate === undefined) note('dateConvention', g, 'required by the schema; fill the column decision_date');
    if (g.beneficiaryId === undefined) note('idBeneficiaire', g, 'the schema wants the SIRET (or, for an association without one, rnaBeneficiaire); fill the column beneficiary_id');
    if (g.purpose === undefined) note('objet', g, 'required by the schema; fill the column purpose');
    else if (g.purpose.length >= MAX_TEXT) note('objet', g, `the schema wants fewer than ${MAX_TEXT} characters; shorten the column purpose`);
    if (g.paymentTerms === undefined) note('conditionsVersement', g, 'required by the schema (unique, échelonné, or the terms); fill the column payment_terms');
    if (g.paymentDates === undefined) note('datesPeriodeVersement', g, 'required by the schema (a date or a period); fill the column payment_dates');
  }
  return SCDL_FIELDS.filter((f) => gaps.has(f)).map((field) => ({ field, ...gaps.get(field)! }));
}

/** The gaps as notes, one per field, naming the lines of `source` (the grants file) concerned. */
export function scdlGapNotes(grants: readonly Grant[], source: string): Note[] {
  return scdlGaps(grants).map((gap) => note(`SCDL field ${gap.field} left empty for ${gap.lines.length} grant(s) (${source} lines ${lineRanges(gap.lines)}): ${gap.why}`));
}

export function renderScdl(grants: readonly Grant[], attributor: Attributor): string {
  return csvDocument(SCDL_FIELDS, grants.map((g) => { const r = scdlRow(g, attributor); return SCDL_FIELDS.map((f) => r[f]); }), ',');
}

/** Line numbers as short ranges: 2–36, 40, 42–44. */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
