import { Decimal, HUNDRED, ZERO } from '../money/decimal.js';
import type { ResultTable } from './results.js';
import type { BudgetResults } from './types.js';

/**
 * The threshold auditors look at when the accounts are closed in deficit
 * (CGCT L1612-14 for communes; R1612-31 for groupings and other public
 * bodies): a deficit at or above 10 % of operating receipts, or 5 % for a
 * commune of 20 000 inhabitants or more and for a grouping of communes
 * totalling 20 000 or more, sends the accounts to the regional audit chamber.
 */
export interface DeficitAlert {
  /** The overall deficit, restes à réaliser included (−(A1 + B1)), 0 when there is none. */
  readonly deficit: Decimal;
  /** Operating receipts the deficit is measured against. */
  readonly receipts: Decimal;
  /** 'real' when « recettes réelles de fonctionnement » were given, else the section's total receipts. */
  readonly receiptsBasis: 'real' | 'total';
  /** deficit / receipts in percent, exact; undefined when there are no receipts. */
  readonly ratioPct: Decimal | undefined;
  readonly thresholdPct: Decimal;
  /** False when no population was given and the 10 % threshold was assumed. */
  readonly populationKnown: boolean;
  readonly flagged: boolean;
}

export const POPULATION_FOR_LOWER_THRESHOLD = new Decimal(20000);

/** 5 % from 20 000 inhabitants, else 10 %; without a population, 10 % (the threshold of most bodies). */
export function alertThresholdPct(population: Decimal | undefined): Decimal {
  return population !== undefined && population.greaterThanOrEqualTo(POPULATION_FOR_LOWER_THRESHOLD) ? new Decimal(5) : new Decimal(10);
}

/**
 * The deficit is the result of both sections with their restes à réaliser
 * (A1 + B1), as the chambers measure it; the receipts are the real
 * operating receipts when given (the chambers' usual base), else the
 * section's receipts as the table shows them.
 */
export function deficitAlert(results: BudgetResults, table: ResultTable): DeficitAlert {
  const overall = table.total.cumulatedWithRar;
  const deficit = overall.isNegative() ? overall.negated() : ZERO;
  const real = results.operatingReceiptsReal;
  const receipts = real ?? results.operating.receipts;
  const ratioPct = receipts.greaterThan(0) ? deficit.times(HUNDRED).div(receipts) : undefined;
  const thresholdPct = alertThresholdPct(results.population);
  // Compared without dividing: deficit ≥ threshold × receipts, exact.
  const flagged = deficit.greaterThan(0) && deficit.times(HUNDRED).greaterThanOrEqualTo(thresholdPct.times(receipts));
  return {
    deficit,
    receipts,
    receiptsBasis: real !== undefined ? 'real' : 'total',
    ratioPct,
    thresholdPct,
    populationKnown: results.population !== undefined,
    flagged,
  };
}
