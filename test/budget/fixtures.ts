import { Decimal } from '../../src/money/decimal.js';
import type { BudgetResults } from '../../src/budget/types.js';

const D = (s: string) => new Decimal(s);

/**
 * SITIV, budget annexe « Territoire numérique ouvert », deliberation
 * CS_2024_02_3 of 15 February 2024: the accounts of 2023, as its table
 * gives them (Dépenses, Recettes, Solde d'exécution ou résultat reporté, RAR I to IV).
 */
export const SITIV_2023: BudgetResults = {
  investment: { expenditure: D('603801.97'), receipts: D('1177830.44'), carriedOver: D('-742627.83') },
  operating: { expenditure: D('617275.47'), receipts: D('1139176.00'), carriedOver: D('358573.56') },
  rarInvestment: { expenditure: D('429656.45'), receipts: D('0') },
  rarOperating: { expenditure: D('0'), receipts: D('0') },
};
