import type { Decimal } from '../money/decimal.js';
import type { Check, Suspect } from '../report/check.js';

export { type Suspect, checkFigure, allHold } from '../report/check.js';

/** A figure of an act set against our recomputation: the project's one check type (src/report/check.ts). */
export type FigureCheck = Check;

/** The suspect every signed figure has: the same amount with the other sign. */
export function signReversed(recomputed: Decimal): Suspect {
  return { value: recomputed.negated(), note: 'the declared figure has the opposite sign (figures are signed: + surplus or receipt, − deficit or expenditure)' };
}
