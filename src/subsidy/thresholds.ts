import { Decimal } from '../money/decimal.js';

/**
 * Above this yearly amount to one body, a subsidy needs a convention
 * stating its amount, purpose and conditions (loi n° 2000-321 du 12 avril
 * 2000, art. 10; décret n° 2001-495 du 6 juin 2001, art. 1: « dont le
 * montant annuel dépasse la somme de 23 000 euros »).
 */
export const CONVENTION_THRESHOLD = new Decimal(23000);

/**
 * Above this amount, the body's certified accounts go in the annex of the
 * commune's budget documents (CGCT art. L2313-1: organismes ayant reçu
 * « une subvention supérieure à 75 000 euros »).
 */
export const BUDGET_ANNEX_THRESHOLD = new Decimal(75000);

export interface ThresholdFlags {
  /** More than 23 000 €: a convention is needed. */
  readonly conventionRequired: boolean;
  /** More than 75 000 €: the body goes in the L2313-1 budget annex. */
  readonly budgetAnnex: boolean;
}

/** Both thresholds are strict (« dépasse », « supérieure à »): 23 000 € exactly needs no convention. */
export function thresholdFlags(yearTotal: Decimal): ThresholdFlags {
  return {
    conventionRequired: yearTotal.greaterThan(CONVENTION_THRESHOLD),
    budgetAnnex: yearTotal.greaterThan(BUDGET_ANNEX_THRESHOLD),
  };
}
