import { largeAmountWarning } from '../money/plausible.js';
import type { InvoiceRow } from './input.js';

/**
 * The plausibility warnings of INVOICES.csv (issue 11): an amount over
 * 100 M€. Located by line and column name; the caller adds the file and the
 * column number. They never change a figure (`--no-warnings` mutes them).
 */
export function invoiceWarnings(rows: readonly { line: number; row: InvoiceRow }[]): { line: number; column: 'amount_ttc'; message: string }[] {
  const warnings: { line: number; column: 'amount_ttc'; message: string }[] = [];
  for (const { line, row } of rows) {
    const message = largeAmountWarning(row.amount_ttc, 'invoice');
    if (message !== undefined) warnings.push({ line, column: 'amount_ttc', message });
  }
  return warnings;
}
