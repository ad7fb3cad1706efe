import { InputError } from '../errors.js';
import type { Decimal } from '../money/decimal.js';
import { type ItemCatalogue, type ItemFileOptions, nonNegativeAmountInCents, readItemFile, wholeCount } from './item-file.js';
import type { BudgetResults } from './types.js';

/**
 * The items of a RESULTS file (`item,amount`), as the compte administratif /
 * compte financier unique gives them. The ten figures of the deliberation's
 * table are mandatory, RAR included (write 0 when there are none): a
 * forgotten line must not silently count as zero. The codes 001 and 002 here
 * are last year's reports, as the table's column « Solde d'exécution ou
 * résultat reporté » shows them.
 */
export const RESULT_ITEMS = {
  investment_expenditure: {
    mandatory: true,
    parse: nonNegativeAmountInCents,
    aliases: ['depenses_investissement', 'depenses_d_investissement', 'investissement_depenses'],
  },
  investment_receipts: {
    mandatory: true,
    parse: nonNegativeAmountInCents,
    aliases: ['recettes_investissement', 'recettes_d_investissement', 'investissement_recettes'],
  },
  investment_carried_over: {
    mandatory: true,
    aliases: ['001', 'solde_d_execution_reporte', 'solde_execution_reporte', 'resultat_reporte_investissement', 'report_investissement'],
  },
  operating_expenditure: {
    mandatory: true,
    parse: nonNegativeAmountInCents,
    aliases: ['depenses_fonctionnement', 'depenses_de_fonctionnement', 'fonctionnement_depenses'],
  },
  operating_receipts: {
    mandatory: true,
    parse: nonNegativeAmountInCents,
    aliases: ['recettes_fonctionnement', 'recettes_de_fonctionnement', 'fonctionnement_recettes'],
  },
  operating_carried_over: {
    mandatory: true,
    aliases: ['002', 'resultat_reporte', 'resultat_reporte_fonctionnement', 'report_fonctionnement'],
  },
  rar_investment_expenditure: {
    mandatory: true,
    parse: nonNegativeAmountInCents,
    aliases: ['I', 'rar_depenses_investissement', 'restes_a_realiser_depenses_investissement'],
  },
  rar_investment_receipts: {
    mandatory: true,
    parse: nonNegativeAmountInCents,
    aliases: ['III', 'rar_recettes_investissement', 'restes_a_realiser_recettes_investissement'],
  },
  rar_operating_expenditure: {
    mandatory: true,
    parse: nonNegativeAmountInCents,
    aliases: ['II', 'rar_depenses_fonctionnement', 'restes_a_realiser_depenses_fonctionnement'],
  },
  rar_operating_receipts: {
    mandatory: true,
    parse: nonNegativeAmountInCents,
    aliases: ['IV', 'rar_recettes_fonctionnement', 'restes_a_realiser_recettes_fonctionnement'],
  },
  operating_receipts_real: {
    parse: nonNegativeAmountInCents,
    aliases: ['recettes_reelles_fonctionnement', 'recettes_reelles_de_fonctionnement', 'RRF'],
  },
  population: { parse: wholeCount, aliases: ['habitants', 'nombre_habitants', 'population_totale'] },
} as const satisfies ItemCatalogue;

export type ResultItem = keyof typeof RESULT_ITEMS;

/** The RESULTS figures by item, for the check of declared input lines. */
export type ResultFigures = ReadonlyMap<string, Decimal>;

/** Reads a RESULTS text; throws an InputError listing every problem, located. */
export function readBudgetResults(text: string, options: ItemFileOptions = {}): { results: BudgetResults; figures: ResultFigures } {
  const { figures, problems } = readItemFile(text, RESULT_ITEMS, options);
  if (problems.length > 0) throw new InputError(problems);
  const v = (item: ResultItem) => figures.get(item)?.value;
  const must = (item: ResultItem) => v(item)!;
  const receiptsReal = v('operating_receipts_real');
  const population = v('population');
  const results: BudgetResults = {
    investment: { expenditure: must('investment_expenditure'), receipts: must('investment_receipts'), carriedOver: must('investment_carried_over') },
    operating: { expenditure: must('operating_expenditure'), receipts: must('operating_receipts'), carriedOver: must('operating_carried_over') },
    rarInvestment: { expenditure: must('rar_investment_expenditure'), receipts: must('rar_investment_receipts') },
    rarOperating: { expenditure: must('rar_operating_expenditure'), receipts: must('rar_operating_receipts') },
    ...(receiptsReal !== undefined ? { operatingReceiptsReal: receiptsReal } : {}),
    ...(population !== undefined ? { population } : {}),
  };
  return { results, figures: new Map([...figures].map(([k, f]) => [k, f.value])) };
}
