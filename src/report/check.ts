import type { Decimal } from '../money/decimal.js';
import { type Column, type Row, type Table, column, word } from './model.js';

/**
 * A figure of an act set against our recomputation, the auditor's line
 * « déclaré / recalculé / écart ». One type for every such comparison in
 * the project, with one sign: difference = declared − recomputed (a
 * declared figure 10 € too high has a difference of +10). A figure holds
 * only when it is equal to the cent.
 *
 * @example checkFigure('total', new Decimal(2420), new Decimal(2430)) // difference −10, holds false
 */
export interface Check {
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
export function checkFigure(item: string, declared: Decimal, recomputed: Decimal, suspects: readonly Suspect[] = [], note?: string): Check {
  const difference = declared.minus(recomputed);
  const holds = difference.isZero();
  const explained = holds ? undefined : suspects.find((s) => s.value.equals(declared))?.note;
  const text = [note, explained].filter((t) => t !== undefined).join('; ');
  return { item, declared, recomputed, difference, holds, ...(text ? { note: text } : {}) };
}

export function allHold(checks: readonly Check[]): boolean {
  return checks.every((c) => c.holds);
}

export const HOLDS = word('ok', 'conforme');
export const DIFFERS = word('differs', 'écart');

/** The columns of every check table, in every command. */
export const CHECK_COLUMNS: readonly Column[] = [
  column('item', 'Poste', 'identifier'),
  column('declared', 'Déclaré', 'amount'),
  column('recomputed', 'Recalculé', 'amount'),
  column('difference', 'Écart (déclaré − recalculé)', 'amount'),
  column('verdict', 'Verdict', 'text'),
  column('note', 'Observation', 'text'),
];

export function checkRow(c: Check): Row {
  return { item: c.item, declared: c.declared, recomputed: c.recomputed, difference: c.difference, verdict: c.holds ? HOLDS : DIFFERS, note: c.note };
}

/** The checks as a table, in their order. */
export function checksTable(checks: readonly Check[], key = 'checks', title = 'Contrôles'): Table {
  return { key, title, columns: CHECK_COLUMNS, rows: checks.map(checkRow) };
}
