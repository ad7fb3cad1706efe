import { optional, required, withDefault, type RowOf } from '../csv/table.js';
import * as f from '../csv/fields.js';
import type { InputProblem } from '../errors.js';
import { type IsoDate, parseDate } from '../calendar/date.js';
import { parseBeneficiaryId, type BeneficiaryId } from './beneficiary-id.js';
import type { Grant } from './types.js';

const beneficiaryId: f.FieldParser<BeneficiaryId> = (raw) => {
  const r = parseBeneficiaryId(raw);
  return r.ok ? { ok: true, value: r.id } : r;
};

/** The two fixed words of the SCDL « conditionsVersement »; anything else is the act's own description (« autre »). */
const paymentTerms: f.FieldParser<string> = (raw) => {
  const s = raw.trim();
  const word = f.normaliseToken(s);
  if (word === 'unique') return { ok: true, value: 'unique' };
  if (word === 'echelonne') return { ok: true, value: 'échelonné' };
  return s.length <= 256 ? { ok: true, value: s } : { ok: false, expected: 'unique, échelonné or a description of at most 256 characters' };
};

const ISO_PERIOD = /^(\d{4}-\d{2}-\d{2})(?:\s*\/\s*(\d{4}-\d{2}-\d{2}))?$/;
const FRENCH_PERIOD = /^(?:du\s+)?(\d{1,2}\/\d{1,2}\/\d{4})(?:\s*(?:au|-|–)\s*(\d{1,2}\/\d{1,2}\/\d{4}))?$/i;

/** A payment date or period: "2026-07-01", "2026-07-01/2026-12-31", "01/07/2026", "du 01/07/2026 au 31/12/2026". */
const paymentDates: f.FieldParser<{ from: IsoDate; to?: IsoDate }> = (raw) => {
  const expected = 'a date or a period such as 2026-07-01/2026-12-31 or du 01/07/2026 au 31/12/2026';
  const m = ISO_PERIOD.exec(raw.trim()) ?? FRENCH_PERIOD.exec(raw.trim());
  if (!m) return { ok: false, expected };
  const from = parseDate(m[1]!);
  const to = m[2] === undefined ? undefined : parseDate(m[2]);
  if (from === undefined || (m[2] !== undefined && (to === undefined || to < from))) return { ok: false, expected };
  return { ok: true, value: to === undefined ? { from } : { from, to } };
};

/**
 * The columns of GRANTS.csv, with the French names a finance officer may
 * use (compared without case, accents or punctuation). README lists them.
 */
export const grantSchema = {
  beneficiary: required(f.text, ['beneficiaire', 'association', 'nom_beneficiaire', 'nom']),
  envelope: required(f.text, ['enveloppe', 'dispositif']),
  amount: required(f.nonNegativeAmount, ['montant', 'montant_accorde', 'subvention']),
  kind: optional(f.text, ['type', 'nature_de_la_subvention', 'categorie']),
  ceiling: withDefault(f.yesNo, false, ['plafond', 'maximum', 'pour_un_maximum_de', 'sous_condition']),
  members: optional(f.positiveInteger, ['licencies', 'adherents', 'nombre_de_licencies', 'membres']),
  rate_per_member: optional(f.positiveAmount, ['montant_par_licencie', 'taux_par_licencie', 'par_licencie', 'montant_par_membre']),
  purpose: optional(f.text, ['objet', 'objet_de_la_subvention']),
  beneficiary_id: optional(beneficiaryId, ['siret', 'rna', 'siret_ou_rna', 'id_beneficiaire', 'identifiant']),
  decision_date: optional(f.date, ['date_decision', 'date_de_la_deliberation', 'date_deliberation', 'date_convention']),
  decision_reference: optional(f.text, ['reference_decision', 'n_deliberation', 'numero_deliberation', 'deliberation']),
  payment_terms: optional(paymentTerms, ['conditions_versement', 'conditions_de_versement']),
  payment_dates: optional(paymentDates, ['dates_versement', 'periode_versement', 'date_ou_periode_de_versement']),
  eu_notified: withDefault(f.yesNo, false, ['notification_ue', 'aide_notifiee_ue']),
};

export type GrantRow = RowOf<typeof grantSchema>;

/**
 * A row as a grant, or the problems that make it one no reader could
 * trust: members without the amount per member (the complement cannot be
 * checked), a per-member complement granted as a ceiling is allowed.
 */
export function grantFromRow(
  row: GrantRow,
  line: number,
  columnOf: (name: keyof typeof grantSchema) => number | undefined,
): { ok: true; grant: Grant } | { ok: false; problems: InputProblem[] } {
  if (row.members !== undefined && row.rate_per_member === undefined) {
    return {
      ok: false,
      problems: [
        {
          line,
          ...(columnOf('rate_per_member') !== undefined ? { column: columnOf('rate_per_member')! } : {}),
          columnName: 'rate_per_member',
          message: 'missing value: members are given, so the amount per member is needed to check the complement',
        },
      ],
    };
  }
  const grant: Grant = {
    line,
    beneficiary: row.beneficiary,
    envelope: row.envelope,
    amount: row.amount,
    ceiling: row.ceiling,
    euNotified: row.eu_notified,
    ...(row.beneficiary_id !== undefined ? { beneficiaryId: row.beneficiary_id } : {}),
    ...(row.kind !== undefined ? { kind: row.kind } : {}),
    ...(row.members !== undefined ? { members: row.members } : {}),
    ...(row.rate_per_member !== undefined ? { ratePerMember: row.rate_per_member } : {}),
    ...(row.purpose !== undefined ? { purpose: row.purpose } : {}),
    ...(row.decision_date !== undefined ? { decisionDate: row.decision_date } : {}),
    ...(row.decision_reference !== undefined ? { decisionReference: row.decision_reference } : {}),
    ...(row.payment_terms !== undefined ? { paymentTerms: row.payment_terms } : {}),
    ...(row.payment_dates !== undefined ? { paymentDates: row.payment_dates } : {}),
  };
  return { ok: true, grant };
}
