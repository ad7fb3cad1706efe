import { Decimal } from './decimal.js';

/** Machine form: point, no grouping, fixed decimals ("30214.17", "-0.50"). */
export function formatMachine(value: Decimal, decimals = 2): string {
  return normaliseNegativeZero(value.toFixed(decimals));
}

/** French form for a spreadsheet: decimal comma, no grouping ("30214,17"). */
export function formatFrench(value: Decimal, decimals = 2): string {
  return formatMachine(value, decimals).replace('.', ',');
}

/** French form for a person: grouped thousands with a space ("30 214,17"). */
export function formatFrenchGrouped(value: Decimal, decimals = 2): string {
  const [intPart = '', frac] = formatMachine(value, decimals).split('.');
  const negative = intPart.startsWith('-');
  const digits = negative ? intPart.slice(1) : intPart;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return (negative ? '-' : '') + grouped + (frac === undefined ? '' : ',' + frac);
}

/** A rate as written in tables: the shortest form, at most `maxDecimals` decimals ("2.3", "1.75"). */
export function formatRatePercent(pct: Decimal, maxDecimals = 6): string {
  return normaliseNegativeZero(pct.toDecimalPlaces(maxDecimals).toFixed());
}

function normaliseNegativeZero(text: string): string {
  return /^-[0.]+$/.test(text) ? text.slice(1) : text;
}
