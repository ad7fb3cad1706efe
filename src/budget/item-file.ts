import { type InputNote, type InputProblem, quoted } from '../errors.js';
import { type FieldParser, amount, normaliseToken, text } from '../csv/fields.js';
import { type TableOptions, parseTable, required } from '../csv/table.js';
import type { Decimal } from '../money/decimal.js';

/**
 * The two-column files of the budget commands (`item,amount`): one figure a
 * line, named by an item of a fixed catalogue. The CSV layer reads the lines;
 * this module maps each item to its value, so that an unknown item, an item
 * given twice or a missing one is reported where it is.
 */
export interface ItemSpec {
  /** Other names accepted, compared without case, accents or punctuation. */
  readonly aliases?: readonly string[];
  readonly mandatory?: boolean;
  /** How the amount cell is read; an amount in euros and cents by default. */
  readonly parse?: FieldParser<Decimal>;
}

export type ItemCatalogue = Readonly<Record<string, ItemSpec>>;

export const itemFileSchema = {
  item: required(text, ['poste', 'rubrique', 'libelle', 'element', 'designation']),
  amount: required(text, ['montant', 'valeur', 'value', 'montant_eur', 'solde']),
};

/** An amount of the accounts: a number with at most two decimals (cents). */
export const amountInCents: FieldParser<Decimal> = (raw) => {
  const r = amount(raw);
  if (!r.ok) return r;
  return r.value.decimalPlaces() > 2 ? { ok: false, expected: 'an amount in euros and cents (at most two decimals)' } : r;
};

export const nonNegativeAmountInCents: FieldParser<Decimal> = (raw) => {
  const r = amountInCents(raw);
  if (!r.ok) return r;
  return r.value.isNegative() && !r.value.isZero() ? { ok: false, expected: 'an amount of zero or more' } : r;
};

export const wholeCount: FieldParser<Decimal> = (raw) => {
  const r = amount(raw);
  return r.ok && r.value.isInteger() && !r.value.isNegative() ? r : { ok: false, expected: 'a whole number of zero or more' };
};

/**
 * How an item file is read: `strictColumns`, and where its notes go when
 * the caller reads it through a function that returns something else
 * (`readBudgetResults`, `readDeclaredFigures`).
 */
export type ItemFileOptions = Pick<TableOptions, 'strictColumns' | 'notes'>;

export interface ItemFigure {
  readonly value: Decimal;
  readonly line: number;
  /** The column of the item's name, to point at it later. */
  readonly column: number | undefined;
}

/**
 * Reads an `item,amount` text against a catalogue: the figures by canonical
 * item name, with the line each came from, every problem of the file, and
 * the notes of the reading (a column ignored, a total line skipped). An
 * item of the catalogue is never taken for a total line, whatever its name
 * (`Total dépenses` is `total_expenditure`).
 */
export function readItemFile(
  textContent: string,
  catalogue: ItemCatalogue,
  options: ItemFileOptions = {},
): { figures: Map<string, ItemFigure>; problems: InputProblem[]; notes: InputNote[] } {
  const lookup = new Map<string, string>();
  for (const [name, spec] of Object.entries(catalogue)) {
    lookup.set(normaliseToken(name), name);
    for (const alias of spec.aliases ?? []) lookup.set(normaliseToken(alias), name);
  }
  const { rows, problems, notes, columnOf } = parseTable(textContent, itemFileSchema, {
    ...options,
    isKnownLabel: (label) => lookup.has(normaliseToken(label)),
  });
  const itemColumn = columnOf('item');
  const amountColumn = columnOf('amount');
  const figures = new Map<string, ItemFigure>();
  const lineOf = new Map<string, number>();
  for (const { line, row } of rows) {
    const name = lookup.get(normaliseToken(row.item));
    if (name === undefined) {
      problems.push({
        line,
        column: itemColumn,
        columnName: 'item',
        message: `unknown item ${quoted(row.item)}; expected one of ${Object.keys(catalogue).join(', ')}`,
      });
      continue;
    }
    const before = lineOf.get(name);
    if (before !== undefined) {
      problems.push({ line, column: itemColumn, columnName: 'item', message: `item "${name}" given twice (already on line ${before})` });
      continue;
    }
    lineOf.set(name, line);
    const parse = catalogue[name]!.parse ?? amountInCents;
    const r = parse(row.amount);
    if (r.ok) figures.set(name, { value: r.value, line, column: itemColumn });
    else problems.push({ line, column: amountColumn, columnName: 'amount', message: `${name}: expected ${r.expected}, got ${quoted(row.amount)}` });
  }
  // A bad header or a line the CSV layer could not read leaves items unread:
  // calling them missing would bury the real problem, so they wait for a clean file.
  if (problems.length === 0) {
    for (const [name, spec] of Object.entries(catalogue)) {
      if (spec.mandatory && !lineOf.has(name)) problems.push({ message: `missing item "${name}" (a line "${name},<amount>" is required)` });
    }
  }
  return { figures, problems, notes };
}
