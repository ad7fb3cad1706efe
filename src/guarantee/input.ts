import { optional, required, withDefault } from '../csv/table.js';
import * as f from '../csv/fields.js';
import type { FieldParser } from '../csv/fields.js';
import { loanLineSchema } from '../loan/input.js';

/** Words that mean « not exempt » in the exempt column (anything else is the reason). */
const NOT_EXEMPT = new Set(['', 'no', 'non', 'false', 'faux', '0', 'n', 'none', 'aucun', 'aucune']);

/** The reason a line is outside the ratios (free text, e.g. logement_social), or '' when it is not. */
const exemptReason: FieldParser<string> = (raw) => {
  const s = raw.trim();
  return { ok: true, value: NOT_EXEMPT.has(f.normaliseToken(s)) ? '' : s };
};

/** The columns of GUARANTEES.csv, with French names (README lists them). */
export const guaranteeSchema = {
  line_id: required(f.text, loanLineSchema.line_id.aliases),
  guarantor: required(f.text, ['garant', 'collectivite', 'collectivite_garante', 'denomination du garant']),
  share_pct: required(f.percent, ['quotite', 'quotite_garantie', 'quotite garantie (en %)', 'part', 'part_garantie', 'share']),
  borrower: optional(f.text, ['emprunteur', 'debiteur', 'beneficiaire']),
  deliberation: optional(f.text, ['n_deliberation', 'numero_deliberation', 'acte']),
  stated_principal: optional(f.nonNegativeAmount, ['montant_garanti', 'somme en principal', 'principal_garanti', 'montant_delibere']),
  exempt: withDefault(exemptReason, '', ['exoneration', 'exonere', 'hors_ratios', 'motif_exoneration']),
  development_operation: withDefault(f.yesNo, false, ['operation_d_amenagement', 'amenagement', 'operation_amenagement']),
};

/** The items of the prudential-ratio inputs file (`item,amount`). */
export type RatioInputItem = 'real_operating_revenue' | 'own_debt_net_annuity' | 'guarantee_provisions';

export const ratioInputsSchema = {
  item: required(
    f.oneOf<RatioInputItem>(
      {
        real_operating_revenue: 'real_operating_revenue', recettes_reelles_de_fonctionnement: 'real_operating_revenue', rrf: 'real_operating_revenue',
        own_debt_net_annuity: 'own_debt_net_annuity', annuite_nette_de_la_dette: 'own_debt_net_annuity', annuite_dette_propre: 'own_debt_net_annuity',
        guarantee_provisions: 'guarantee_provisions', provisions: 'guarantee_provisions', provisions_pour_garanties: 'guarantee_provisions',
        provisions_specifiques: 'guarantee_provisions',
      },
      'real_operating_revenue, own_debt_net_annuity or guarantee_provisions (recettes_reelles_de_fonctionnement, annuite_nette_de_la_dette, provisions)',
    ),
    ['poste', 'libelle', 'element'],
  ),
  amount: required(f.nonNegativeAmount, ['montant', 'valeur']),
};
