import { optional, required, withDefault } from '../csv/table.js';
import * as f from '../csv/fields.js';
import type { FieldParser } from '../csv/fields.js';
import { loanLineSchema } from '../loan/input.js';
import { InputError } from '../errors.js';
import type { Decimal } from '../money/decimal.js';
import { type ItemFileOptions, type ItemSpec, readItemFile } from '../budget/item-file.js';

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

/** The items of the prudential-ratio inputs file, with the French names accepted; amounts of zero or more. */
export const RATIO_INPUT_ITEMS = {
  real_operating_revenue: { aliases: ['recettes_reelles_de_fonctionnement', 'rrf'], parse: f.nonNegativeAmount },
  own_debt_net_annuity: { aliases: ['annuite_nette_de_la_dette', 'annuite_dette_propre'], parse: f.nonNegativeAmount },
  guarantee_provisions: { aliases: ['provisions', 'provisions_pour_garanties', 'provisions_specifiques'], parse: f.nonNegativeAmount },
} as const satisfies Record<RatioInputItem, ItemSpec>;

/**
 * Reads a ratio-inputs text with the budget commands' item-file reader: the
 * amounts it gives, by item (any may be left out, to be given otherwise).
 * Throws an InputError listing every problem, located: an unknown item, an
 * item given twice, a bad amount.
 */
export function readRatioInputs(text: string, options: ItemFileOptions = {}): Map<RatioInputItem, Decimal> {
  const { figures, problems } = readItemFile(text, RATIO_INPUT_ITEMS, options);
  if (problems.length > 0) throw new InputError(problems);
  return new Map([...figures].map(([item, figure]) => [item as RatioInputItem, figure.value]));
}
