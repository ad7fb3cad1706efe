import { cellText } from '../cells.js';
import type { Cell, ColumnKind } from '../model.js';
import type { Decimal } from '../../money/decimal.js';
import { formatFrenchGrouped } from '../../money/format.js';

/**
 * The space that groups the digits of a number on a page: a no-break space
 * (U+00A0), so that « 755 354,37 » never breaks across two lines. Every
 * font has it; finloc's number reader takes it back.
 */
export const DIGIT_GROUP = '\u00a0';

/** Groups the whole part of a French number by three digits: « 755354,37 » → « 755 354,37 ». */
export function groupDigits(text: string): string {
  return text.replace(/^(-?)(\d+)(?=,|$)/, (_, sign: string, digits: string) => sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, DIGIT_GROUP));
}

/** A French number with a decimal part, written alone in a text cell (« 4706172,835 »): an amount a Word carries. */
const FRENCH_DECIMAL = /^-?\d{4,},\d+$/;

/**
 * A cell as a page shows it: the csv-fr text ({@link cellText}, French
 * style) with the digits of amounts, rates and numbers grouped by three
 * (1 234,56); counts (a year, a line, days) are never grouped. A text cell
 * that is a French decimal number (the value of a ratio's term) is grouped too.
 */
export function htmlCellText(cell: Cell, kind: ColumnKind): string {
  const text = cellText(cell, kind, 'french');
  switch (kind) {
    case 'amount':
    case 'rate':
    case 'number':
      return groupDigits(text);
    case 'text':
      return FRENCH_DECIMAL.test(text) ? groupDigits(text) : text;
    default:
      return text;
  }
}

/** An amount with its cents, grouped: « 569 627,00 ». */
export function euros(value: Decimal): string {
  return formatFrenchGrouped(value).replace(/ /g, DIGIT_GROUP);
}
