import { Decimal, dec } from './decimal.js';

/** An amount over this, in € (a grant, an invoice), looks mistyped: 100 M€. */
export const MAX_PLAUSIBLE_AMOUNT: Decimal = dec(100_000_000);

/** « 1 234 567,89 € ». */
function euros(d: Decimal): string {
  const [int, frac] = d.toFixed(2).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac} €`;
}

/**
 * A plausibility warning for an amount over 100 M€ (`what`: « grant »,
 * « invoice »), or undefined. It never changes a figure.
 *
 * @example largeAmountWarning(dec('150000000'), 'invoice') // 'invoice amount 150 000 000,00 € is over 100 M€'
 */
export function largeAmountWarning(amount: Decimal, what: string): string | undefined {
  return amount.greaterThan(MAX_PLAUSIBLE_AMOUNT) ? `${what} amount ${euros(amount)} is over 100 M€` : undefined;
}
