import type { Decimal } from '../money/decimal.js';
import { formatMachine } from '../money/format.js';
import { type IsoDate, toFrenchDate } from '../calendar/date.js';
import type { Cell, ColumnKind, Word } from './model.js';

/** The two text forms of the csv outputs: machine (`csv`) and French (`csv-fr`). */
export type TextStyle = 'machine' | 'french';

const isWord = (c: Cell): c is Word => typeof c === 'object' && c !== null && 'word' in c && 'fr' in c;
const asDecimal = (c: Cell): Decimal => c as Decimal;

/** A Decimal's plain digits, never "-0" (a zero has no sign in an act). */
function plain(value: Decimal, places?: number): string {
  const text = places === undefined ? value.toFixed() : value.toFixed(places);
  return /^-[0.]+$/.test(text) ? text.slice(1) : text;
}

/** An amount with its cents, or with every decimal it has when it has more. */
function amount(value: Decimal): string {
  return formatMachine(value, Math.max(2, value.decimalPlaces()));
}

/** A rate in percent with at least two decimals, more when it has them (2.30, 2.35, 3.125), at most six. */
export function rateDigits(pct: Decimal): string {
  return formatMachine(pct, Math.min(Math.max(2, pct.decimalPlaces()), 6));
}

const comma = (text: string, style: TextStyle) => (style === 'french' ? text.replace('.', ',') : text);

/**
 * A cell as csv text. Example: the amount 30214.17 is `30214.17` (machine)
 * and `30214,17` (french); the date 2027-10-29 is `29/10/2027` in french.
 */
export function cellText(cell: Cell, kind: ColumnKind, style: TextStyle): string {
  if (cell === undefined) return '';
  if (isWord(cell)) return style === 'french' ? cell.fr : cell.word;
  switch (kind) {
    case 'amount':
      return comma(amount(asDecimal(cell)), style);
    case 'rate':
      return comma(rateDigits(asDecimal(cell)), style);
    case 'number':
      return comma(plain(asDecimal(cell)), style);
    case 'count':
      return String(cell);
    case 'date':
      return style === 'french' ? toFrenchDate(cell as IsoDate) : String(cell);
    case 'flag':
      return cell ? (style === 'french' ? 'oui' : 'yes') : style === 'french' ? 'non' : 'no';
    case 'text':
    case 'identifier':
      return String(cell);
  }
}

/** A cell as a json value: amounts, rates and numbers as strings (exact), counts as numbers, flags as booleans, empty as null. */
export function cellJson(cell: Cell, kind: ColumnKind): string | number | boolean | null {
  if (cell === undefined) return null;
  if (isWord(cell)) return cell.word;
  switch (kind) {
    case 'count':
      return Number(cell);
    case 'flag':
      return Boolean(cell);
    default:
      return cellText(cell, kind, 'machine');
  }
}
