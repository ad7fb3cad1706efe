import { ZERO, compare } from '../money/decimal.js';
import { optional, required, withDefault, type RowOf } from '../csv/table.js';
import * as f from '../csv/fields.js';
import type { DayCount } from '../calendar/day-count.js';
import type { AmortisationProfile, IndexName, InterestMode, LoanLine, PeriodMonths, RevisionMode } from './types.js';

const periodicity = f.oneOf<`${PeriodMonths}`>(
  {
    annual: '12', annuelle: '12', annuel: '12', a: '12', '12': '12',
    semiannual: '6', semestrielle: '6', semestriel: '6', s: '6', '6': '6',
    quadrimestrial: '4', quadrimestrielle: '4', '4': '4',
    quarterly: '3', trimestrielle: '3', trimestriel: '3', t: '3', '3': '3',
    bimonthly: '2', bimestrielle: '2', '2': '2',
    monthly: '1', mensuelle: '1', mensuel: '1', m: '1', '1': '1',
  },
  'a periodicity that divides the year: annual, semiannual, quarterly or monthly (or 12, 6, 4, 3, 2, 1 months)',
);

const index = f.oneOf<IndexName>(
  { livret_a: 'livret_a', 'livret a': 'livret_a', la: 'livret_a', none: 'none', aucun: 'none', fixe: 'none', fixed: 'none', 'taux fixe': 'none' },
  'livret_a, or none for a fixed rate',
);

const revision = f.oneOf<RevisionMode>(
  {
    dl: 'DL', 'double revisabilite limitee': 'DL', 'double revisibilite limitee': 'DL',
    dr: 'DR', 'double revisabilite': 'DR', 'double revisibilite': 'DR',
    sr: 'SR', 'simple revisabilite': 'SR', 'simple revisibilite': 'SR',
    none: 'none', aucune: 'none', fixe: 'none',
  },
  'DL, DR, SR or none',
);

const profile = f.oneOf<AmortisationProfile>(
  {
    payment_priority: 'payment_priority', 'echeance prioritaire': 'payment_priority', 'echeance prioritaire (interets differes)': 'payment_priority',
    amortisation_priority: 'amortisation_priority', amortization_priority: 'amortisation_priority',
    'amortissement prioritaire': 'amortisation_priority', 'amortissement prioritaire (echeance deduite)': 'amortisation_priority',
  },
  'payment_priority (échéance prioritaire) or amortisation_priority (amortissement prioritaire)',
);

const interestMode = f.oneOf<InterestMode>(
  { equivalent: 'equivalent', proportional: 'proportional', proportionnel: 'proportional' },
  'equivalent or proportional',
);

const dayCount = f.oneOf<DayCount>(
  {
    '30/360': '30/360', '30 / 360': '30/360',
    'actual/365': 'actual/365', 'exact/365': 'actual/365', 'act/365': 'actual/365', 'exact / 365': 'actual/365',
    'actual/360': 'actual/360', 'exact/360': 'actual/360', 'act/360': 'actual/360', 'exact / 360': 'actual/360',
  },
  '30/360, actual/365 or actual/360',
);

/** Limits of a loan line, checked when reading (README, LOANS.csv): at most 1 200 due dates, 120 months of prefinancing. */
export const MAX_PERIODS = 1200;
const MAX_PERIODS_TEXT = '1 200';
export const MAX_PREFINANCING_MONTHS = 120;

/**
 * The columns of LOANS.csv, with the French names a finance officer may use
 * (compared without case, accents or punctuation). README lists them.
 */
export const loanLineSchema = {
  line_id: required(f.text, ['ligne', 'n_ligne', 'numero_ligne', 'n° de la ligne du pret', 'identifiant de la ligne du pret', 'ligne_du_pret']),
  principal: required(f.positiveAmount, ['capital', 'montant', 'montant de la ligne du pret', 'capital prete']),
  first_due_date: required(f.date, ['date_premiere_echeance', 'premiere_echeance', 'date de premiere echeance']),
  periods: required(f.integerIn(1, MAX_PERIODS, `at most ${MAX_PERIODS_TEXT} due dates`), ['nombre_echeances', 'nb_echeances', 'nombre d echeances']),
  periodicity: withDefault(periodicity, '12', ['periodicite']),
  index: withDefault(index, 'none', ['indice']),
  margin_pct: optional(f.percent, ['marge', 'marge_fixe_sur_index', 'marge_pct']),
  rate_pct: required(f.percent, ['taux', 'taux_d_interet', 'taux_interet', 'taux_pct']),
  revision: withDefault(revision, 'none', ['modalite_de_revision', 'revision_mode']),
  progressivity_pct: withDefault(f.percent, ZERO, ['progressivite', 'taux_de_progressivite', 'taux de progressivite de l echeance']),
  progressivity_floor_pct: withDefault(f.percent, ZERO, ['plancher_progressivite', 'taux_plancher_progressivite', 'taux plancher de progressivite des echeances']),
  profile: withDefault(profile, 'payment_priority', ['profil', 'profil_d_amortissement']),
  interest_mode: withDefault(interestMode, 'equivalent', ['mode_calcul_interets', 'mode de calcul des interets', 'mode']),
  day_count: withDefault(dayCount, '30/360', ['base_de_calcul', 'base de calcul des interets', 'base']),
  deferral_periods: withDefault(f.integerIn(0, 1199, 'a number of interest-only due dates from 0 to 1 199'), 0, [
    'differe_amortissement', 'differe_d_amortissement', "nombre d'échéances de différé", 'echeances_de_differe', 'differe',
  ]),
  fees: withDefault(f.nonNegativeAmount, ZERO, ['frais', 'frais_de_dossier', 'frais de dossier', 'commission', 'commission_d_engagement', 'commission d engagement']),
  prefinancing_months: withDefault(f.integerIn(0, MAX_PREFINANCING_MONTHS, `a prefinancing of at most ${MAX_PREFINANCING_MONTHS} months`), 0, ['prefinancement', 'duree_prefinancement', 'duree de la phase de prefinancement']),
};

export type LoanLineRow = RowOf<typeof loanLineSchema>;

/** A loan line from a read row; problems name the column they come from. */
export function loanLineFromRow(row: LoanLineRow): { line?: LoanLine; problems: { columnName: string; message: string }[] } {
  const problems: { columnName: string; message: string }[] = [];
  if (row.index !== 'none' && row.margin_pct === undefined) {
    problems.push({ columnName: 'margin_pct', message: 'missing value: an indexed line needs its fixed margin over the index' });
  }
  if (problems.length > 0) return { problems };
  return {
    line: {
      lineId: row.line_id,
      principal: row.principal,
      firstDueDate: row.first_due_date,
      periods: row.periods,
      periodMonths: Number(row.periodicity) as PeriodMonths,
      index: row.index,
      marginPct: row.margin_pct ?? ZERO,
      ratePct: row.rate_pct,
      revision: row.revision,
      progressivityPct: row.progressivity_pct,
      progressivityFloorPct: row.progressivity_floor_pct,
      profile: row.profile,
      interestMode: row.interest_mode,
      dayCount: row.day_count,
      prefinancingMonths: row.prefinancing_months,
      ...(row.deferral_periods > 0 ? { deferralPeriods: row.deferral_periods } : {}),
      ...(compare(row.fees, ZERO) > 0 ? { fees: row.fees } : {}),
    },
    problems,
  };
}

export const disbursementSchema = {
  line_id: required(f.text, loanLineSchema.line_id.aliases),
  date: required(f.date, ['date_versement', 'date de versement']),
  amount: required(f.positiveAmount, ['montant', 'versement', 'montant_versement']),
};

export const rateHistorySchema = {
  effective_date: required(f.date, ['date', 'date_effet', 'date d effet']),
  rate_pct: required(f.percent, ['taux', 'rate', 'taux_pct']),
};
