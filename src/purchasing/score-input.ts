import { InputError, type InputProblem } from '../errors.js';
import { type ColumnSpec, optional, required, type TableOptions } from '../csv/table.js';
import { normaliseToken, oneOf, positiveAmount, text } from '../csv/fields.js';
import { type Decimal, HUNDRED, sum } from '../money/decimal.js';
import { duplicateChecker, readRows } from './read.js';
import { nonNegativeNumber } from './share-input.js';
import { type Criterion, type Offer, PRICE_METHODS, type ScoreMethod } from './score.js';

const METHODS: Record<string, ScoreMethod> = {
  marks: 'marks',
  note: 'marks',
  notation: 'marks',
  lowest_price_ratio: 'lowest_price_ratio',
  regle_de_trois: 'lowest_price_ratio',
  linear_lowest_highest: 'linear_lowest_highest',
  lineaire: 'linear_lowest_highest',
};

/** CRITERIA.csv of `finloc score`. */
export const criterionSchema = {
  criterion_id: required(text, ['critere', 'n', 'numero', 'id']),
  parent: optional(text, ['critere_parent', 'parent_id']),
  label: required(text, ['libelle', 'description', 'intitule']),
  weight: required(nonNegativeNumber, ['ponderation', 'poids', 'points']),
  method: optional(oneOf(METHODS, 'marks, lowest_price_ratio or linear_lowest_highest (empty for a group of sub-criteria)'), ['methode', 'mode_de_notation']),
};

/**
 * Reads CRITERIA.csv and checks the tree: ids once, every parent a group
 * (no method) listed in the file, a group's weight the sum of its
 * children's, a group with children and a scored criterion without, exactly
 * one price criterion, the top-level weights adding up to 100.
 */
export function readCriteria(csv: string, options: TableOptions = {}): Criterion[] {
  const dup = duplicateChecker('criterion');
  const { rows, columnOf } = readRows(csv, criterionSchema, options, (row, line, problem) => {
    const d = dup(row.criterion_id, line);
    if (d) problem('criterion_id', d);
  });
  const criteria: Criterion[] = rows.map(({ row }) => ({
    id: row.criterion_id,
    ...(row.parent !== undefined ? { parent: row.parent } : {}),
    label: row.label,
    weight: row.weight,
    ...(row.method !== undefined ? { method: row.method } : {}),
  }));
  const lineOf = new Map(rows.map(({ line, row }) => [row.criterion_id, line]));
  const problems: InputProblem[] = [];
  const at = (id: string, column: keyof typeof criterionSchema, message: string) =>
    problems.push({ line: lineOf.get(id)!, ...(columnOf(column) !== undefined ? { column: columnOf(column)! } : {}), columnName: column, message });
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const childrenOf = (id: string) => criteria.filter((c) => c.parent === id);
  for (const c of criteria) {
    if (c.parent !== undefined) {
      const p = byId.get(c.parent);
      if (!p) at(c.id, 'parent', `no criterion ${JSON.stringify(c.parent)} in the file; expected the id of a group`);
      else if (p.method !== undefined) at(c.id, 'parent', `criterion ${JSON.stringify(p.id)} is scored (${p.method}); expected a group without a method as parent`);
      let depth = 0;
      for (let q: Criterion | undefined = c; q?.parent !== undefined && depth <= criteria.length; q = byId.get(q.parent)) depth++;
      if (depth > criteria.length) at(c.id, 'parent', 'the parents make a loop; expected a tree');
    }
    const kids = childrenOf(c.id);
    if (c.method === undefined && kids.length === 0) at(c.id, 'method', 'missing value; a criterion without sub-criteria needs a method');
    if (c.method !== undefined && kids.length > 0) at(c.id, 'method', `a criterion with sub-criteria (${kids.map((k) => k.id).join(', ')}) is their sum; expected no method`);
    if (kids.length > 0 && !sum(kids.map((k) => k.weight)).equals(c.weight)) {
      at(c.id, 'weight', `weight ${c.weight.toFixed()} but its sub-criteria add up to ${sum(kids.map((k) => k.weight)).toFixed()} (${kids.map((k) => `${k.id}: ${k.weight.toFixed()}`).join(', ')})`);
    }
  }
  const prices = criteria.filter((c) => c.method !== undefined && PRICE_METHODS.includes(c.method));
  if (prices.length !== 1) problems.push({ message: `${prices.length} price criteria (${prices.map((c) => c.id).join(', ') || 'none'}); expected exactly one, scored by lowest_price_ratio or linear_lowest_highest` });
  const top = criteria.filter((c) => c.parent === undefined);
  const total = sum(top.map((c) => c.weight));
  if (!total.equals(HUNDRED)) problems.push({ message: `the weights of the top-level criteria (${top.map((c) => `${c.id}: ${c.weight.toFixed()}`).join(', ')}) add up to ${total.toFixed()}; expected 100` });
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)));
  return criteria;
}

/**
 * Reads OFFERS.csv: `offer_id`, `price` (HT, greater than zero) and one
 * column per marked criterion, titled by its id, holding a mark from 0 to
 * the criterion's weight.
 */
export function readOffers(csv: string, criteria: readonly Criterion[], options: TableOptions = {}): Offer[] {
  const marked = criteria.filter((c) => c.method === 'marks');
  const weightOf = new Map(marked.map((c) => [c.id, c.weight]));
  const schema: Record<string, ColumnSpec<unknown>> = {
    offer_id: required(text, ['offre', 'candidat', 'soumissionnaire', 'id_offre']),
    price: required(positiveAmount, ['prix', 'prix_ht', 'montant_ht', 'montant']),
  };
  for (const c of marked) schema[c.id] = required(nonNegativeNumber, [normaliseToken(c.label)]);
  const dup = duplicateChecker('offer');
  const { rows } = readRows(csv, schema, options, (row, line, problem) => {
    const d = dup(row.offer_id as string, line);
    if (d) problem('offer_id', d);
    for (const c of marked) {
      const mark = row[c.id] as Decimal | undefined;
      if (mark !== undefined && mark.greaterThan(weightOf.get(c.id)!)) problem(c.id, `mark ${mark.toFixed()} is above the weight of criterion ${c.id} (${c.label}); expected 0 to ${weightOf.get(c.id)!.toFixed()}`);
    }
  });
  return rows.map(({ row }) => ({
    offerId: row.offer_id as string,
    price: row.price as Decimal,
    marks: new Map(marked.map((c) => [c.id, row[c.id] as Decimal])),
  }));
}
