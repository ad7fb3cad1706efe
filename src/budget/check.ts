import type { Decimal } from '../money/decimal.js';

/**
 * A figure of an act set against our recomputation: the auditor's line
 * « déclaré / recalculé / écart ». A figure holds only when it is equal to
 * the cent: one cent off is a difference to explain.
 */
export interface FigureCheck {
  readonly item: string;
  readonly declared: Decimal;
  readonly recomputed: Decimal;
  /** declared − recomputed. */
  readonly difference: Decimal;
  readonly holds: boolean;
  /** Where a wrong figure seems to come from, or where a figure was read, when known. */
  readonly note?: string;
}

/** A figure the declared one may have been taken from by mistake. */
export interface Suspect {
  readonly value: Decimal;
  readonly note: string;
}

/**
 * Checks one declared figure. When it does not hold and equals one of the
 * suspects (another column's total, the same figure with its sign
 * reversed…), the first such suspect's note says so.
 */
export function checkFigure(item: string, declared: Decimal, recomputed: Decimal, suspects: readonly Suspect[] = [], note?: string): FigureCheck {
  const difference = declared.minus(recomputed);
  const holds = difference.isZero();
  const explained = holds ? undefined : suspects.find((s) => s.value.equals(declared))?.note;
  const text = [note, explained].filter((t) => t !== undefined).join('; ');
  return { item, declared, recomputed, difference, holds, ...(text ? { note: text } : {}) };
}

/** The suspect every signed figure has: the same amount with the other sign. */
export function signReversed(recomputed: Decimal): Suspect {
  return { value: recomputed.negated(), note: 'the declared figure has the opposite sign (figures are signed: + surplus or receipt, − deficit or expenditure)' };
}

export function allHold(checks: readonly FigureCheck[]): boolean {
  return checks.every((c) => c.holds);
}
