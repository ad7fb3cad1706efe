import { Decimal, ONE, ZERO, max, percentToRate } from '../money/decimal.js';
import { quotient } from '../money/quotient.js';
import type { LoanLine } from './types.js';

/** The annual rate and progressivity in force for a due date, as fractions. */
export interface RevisedRates {
  /** I' (article 10). */
  readonly rate: Decimal;
  /** P' (article 10). */
  readonly progressivity: Decimal;
}

/** The contract's own values (I, P): a fixed-rate line keeps them for its whole life. */
export function contractRates(line: LoanLine): RevisedRates {
  return { rate: percentToRate(line.ratePct), progressivity: percentToRate(line.progressivityPct) };
}

/**
 * Revision at a due date from the index value T in force (article 10):
 * I' = max(0, T + M), « le taux d'intérêt … ne saurait être négatif »;
 * DR and DL: P' = (1+I')(1+P)/(1+I) − 1, DL floored at the progressivity floor;
 * SR keeps P. `contract` is the line's `contractRates`, given by a caller
 * that revises one line at many index values (src/loan/schedule-in-cents.ts).
 */
export function revisedRates(line: LoanLine, indexPct: Decimal, contract: RevisedRates = contractRates(line)): RevisedRates {
  const rate = max(ZERO, percentToRate(indexPct.plus(line.marginPct)));
  if (line.revision === 'SR' || line.revision === 'none') return { rate, progressivity: contract.progressivity };
  let progressivity = quotient(ONE.plus(rate).times(ONE.plus(contract.progressivity)), ONE.plus(contract.rate)).minus(ONE);
  if (line.revision === 'DL') progressivity = max(progressivity, percentToRate(line.progressivityFloorPct));
  return { rate, progressivity };
}

export function sameRates(a: RevisedRates, b: RevisedRates): boolean {
  return a.rate.equals(b.rate) && a.progressivity.equals(b.progressivity);
}
