import { largeAmountWarning } from '../money/plausible.js';
import type { Grant } from './types.js';

/**
 * The plausibility warnings of GRANTS.csv (issue 11): a grant over 100 M€.
 * Located by line and column name; the caller adds the file and the column
 * number. They never change a figure (`--no-warnings` mutes them).
 */
export function grantWarnings(grants: readonly Grant[]): { line: number | undefined; column: 'amount'; message: string }[] {
  const warnings: { line: number | undefined; column: 'amount'; message: string }[] = [];
  for (const g of grants) {
    const message = largeAmountWarning(g.amount, 'grant');
    if (message !== undefined) warnings.push({ line: g.line, column: 'amount', message });
  }
  return warnings;
}
