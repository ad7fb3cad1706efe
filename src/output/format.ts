import type { Decimal } from '../money/decimal.js';
import { formatFrench, formatMachine } from '../money/format.js';
import { type IsoDate, toFrenchDate } from '../calendar/date.js';
import type { Separator } from '../csv/records.js';

/**
 * The three output forms every command offers:
 * csv (machine: `,`, point, ISO dates), csv-fr (`;`, decimal comma,
 * dd/mm/yyyy, French titles as in the acts), json (amounts as strings).
 */
export type OutputFormat = 'csv' | 'csv-fr' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'csv-fr', 'json'];

export type TableFormat = Exclude<OutputFormat, 'json'>;

export function separatorOf(format: TableFormat): Separator {
  return format === 'csv-fr' ? ';' : ',';
}

export function amountText(value: Decimal, format: OutputFormat): string {
  return format === 'csv-fr' ? formatFrench(value) : formatMachine(value);
}

export function dateText(value: IsoDate, format: OutputFormat): string {
  return format === 'csv-fr' ? toFrenchDate(value) : value;
}

/** A rate in percent with at least two decimals, more when it has them (2.30, 2.35, 3.125). */
export function rateText(pct: Decimal, format: OutputFormat): string {
  const places = Math.min(Math.max(2, pct.decimalPlaces()), 6);
  const text = formatMachine(pct, places);
  return format === 'csv-fr' ? text.replace('.', ',') : text;
}

/** A plain number of any precision (a share in %, a ratio) in the format's decimal style. */
export function numberText(value: Decimal, format: OutputFormat): string {
  const text = value.toFixed();
  return format === 'csv-fr' ? text.replace('.', ',') : text;
}
