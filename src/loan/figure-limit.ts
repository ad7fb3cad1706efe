import { Decimal } from '../money/decimal.js';
import { toFrenchDate } from '../calendar/date.js';
import type { LineProblem } from './validate.js';
import type { ScheduleRow } from './types.js';

/**
 * The largest figure a table may hold: 10^15 € (a million billion euros).
 * No loan comes near it (the French State's whole debt is about
 * 3,4 × 10^12 €): a table that reaches it comes from a mistyped rate, margin
 * or progressivity whose deferred interest (« intérêts différés ») grows
 * without end. Past it the line is refused rather than printed, so that
 * every figure written keeps more than twenty exact digits below the cent in
 * the Decimal core's 40 significant digits.
 */
export const MAX_TABLE_FIGURE = new Decimal('1e15');

/**
 * The problem with a row one of whose figures is beyond
 * {@link MAX_TABLE_FIGURE}, or undefined.
 *
 * @example
 * // 1 000 000 € at 901,7 % a year, a payment fixed at 2,3 %: the stock of
 * // deferred interest passes 10^15 € at the 15th due date.
 * tableFigureProblem(row15, true) // → { columnName: 'margin_pct', message: 'due date 15 (01/01/2041): the deferred interest stock would pass 1 000 000 000 000 000 € (10^15 €), …' }
 */
export function tableFigureProblem(row: ScheduleRow, indexed: boolean): LineProblem | undefined {
  return overLimit(
    [
      ['payment', row.payment],
      ['amortisation', row.amortisation],
      ['interest', row.interest],
      ['deferred interest', row.deferredInterest],
      ['capital remaining', row.capitalAfter],
      ['deferred interest stock', row.deferredStock],
    ],
    `due date ${row.number} (${toFrenchDate(row.dueDate)})`,
    indexed,
  );
}

/** Likewise for a table's totals (each row may stay below the limit while their sum passes it). */
export function tableTotalProblem(totals: { readonly payment: Decimal; readonly interest: Decimal }, indexed: boolean): LineProblem | undefined {
  return overLimit(
    [
      ['total of the payments', totals.payment],
      ['total of the interest', totals.interest],
    ],
    'the table',
    indexed,
  );
}

function overLimit(figures: readonly [string, Decimal][], where: string, indexed: boolean): LineProblem | undefined {
  for (const [name, value] of figures) {
    if (value.abs().greaterThan(MAX_TABLE_FIGURE)) {
      return {
        columnName: indexed ? 'margin_pct' : 'rate_pct',
        message: `${where}: the ${name} would pass 1 000 000 000 000 000 € (10^15 €), the largest figure finloc computes; check the rate, the margin and the progressivity`,
      };
    }
  }
  return undefined;
}
