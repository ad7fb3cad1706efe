import { InputError, quoted } from '../errors.js';
import type { Decimal } from '../money/decimal.js';
import { type FigureCheck, type Suspect, checkFigure, signReversed } from './check.js';
import { ALLOCATION_FIGURES, type AllocationReport } from './figures.js';
import { type ItemCatalogue, type ItemFileOptions, readItemFile } from './item-file.js';
import { RESULT_ITEMS, type ResultFigures } from './input.js';

/**
 * The items a DECLARED file may hold: every figure `allocate` computes, and
 * the table's input lines (Dépenses, Recettes, reports, RAR) so that a
 * deliberation can be checked against the accounts line by line. Here 001,
 * 002 and 1068 are the allocation voted for the next budget, as a
 * deliberation names them; the input lines keep their long names only.
 */
export const DECLARED_ITEMS: ItemCatalogue = {
  ...Object.fromEntries(ALLOCATION_FIGURES.map((s) => [s.item, { aliases: s.aliases }])),
  ...Object.fromEntries(
    Object.entries(RESULT_ITEMS).map(([item, spec]) => [
      item,
      { ...('parse' in spec ? { parse: spec.parse } : {}), aliases: spec.aliases.filter((a) => !/^(\d+|[IV]+)$/.test(a)) },
    ]),
  ),
};

export interface DeclaredFigure {
  readonly item: string;
  readonly value: Decimal;
  readonly line: number;
  readonly column: number | undefined;
}

/** Reads a DECLARED text: the figures in the order of the file. */
export function readDeclaredFigures(text: string, options: ItemFileOptions = {}): DeclaredFigure[] {
  const { figures, problems } = readItemFile(text, DECLARED_ITEMS, options);
  if (problems.length === 0 && figures.size === 0) problems.push({ message: 'no declared figure; expected lines item,amount' });
  if (problems.length > 0) throw new InputError(problems);
  return [...figures].map(([item, f]) => ({ item, value: f.value, line: f.line, column: f.column })).sort((a, b) => a.line - b.line);
}

/**
 * Recomputes each declared figure. A figure that does not hold is
 * explained when it equals another figure of the report (a column taken
 * for another: A2 for A2 + B2, the minimum for the 1068 voted…) or the
 * same figure with its sign reversed.
 */
export function checkDeclared(report: AllocationReport, inputs: ResultFigures, declared: readonly DeclaredFigure[]): FigureCheck[] {
  const computed = new Map<string, Decimal>();
  for (const spec of ALLOCATION_FIGURES) {
    const v = spec.of(report);
    if (v !== undefined) computed.set(spec.item, v);
  }
  for (const [item, v] of inputs) computed.set(item, v);
  // A figure we cannot recompute is not a figure that holds: the file asks for what the results do not give.
  const missing = declared.filter((d) => !computed.has(d.item));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((d) => ({
        line: d.line,
        ...(d.column !== undefined ? { column: d.column } : {}),
        columnName: 'item',
        message: `${quoted(d.item)} cannot be recomputed: the results file does not give it (or, for a ratio, gives no operating receipts)`,
      })),
    );
  }
  return declared.map(({ item, value }) => {
    const recomputed = computed.get(item)!;
    const suspects: Suspect[] = [signReversed(recomputed)];
    for (const [other, v] of computed) if (other !== item) suspects.push({ value: v, note: `equals ${other}` });
    return checkFigure(item, value, recomputed, suspects);
  });
}
