import { InputError } from '../errors.js';
import type { TableOptions } from '../csv/table.js';
import { required } from '../csv/table.js';
import { type FieldParser, text } from '../csv/fields.js';
import type { Decimal } from '../money/decimal.js';
import { readNumber } from '../money/parse.js';
import { duplicateChecker, readRows } from './read.js';
import type { ShareKey } from './share.js';

/** A sharing key: a number of zero or more (euros spent, inhabitants, procedures…), any number of decimals. */
export const nonNegativeNumber: FieldParser<Decimal> = (raw) => {
  const r = readNumber(raw, 'any');
  if (!r.ok) return { ok: false, expected: r.expected.replace('an amount', 'a number') };
  return r.value.isNegative() ? { ok: false, expected: 'a number of zero or more' } : { ok: true, value: r.value };
};

/** KEYS.csv: `member_id,key`. */
export const keySchema = {
  member_id: required(text, ['membre', 'id_membre', 'adherent', 'collectivite', 'beneficiaire']),
  key: required(nonNegativeNumber, ['cle', 'cle_de_repartition', 'base', 'poids', 'depenses']),
};

/** Reads KEYS.csv: a member once, keys of zero or more adding up to more than zero. */
export function readShareKeys(csv: string, options: TableOptions = {}): ShareKey[] {
  const dup = duplicateChecker('member');
  const { rows } = readRows(csv, keySchema, options, (row, line, problem) => {
    const d = dup(row.member_id, line);
    if (d) problem('member_id', d);
  });
  const keys = rows.map(({ row }) => ({ memberId: row.member_id, key: row.key }));
  if (keys.every((k) => k.key.isZero())) {
    throw new InputError([{ line: rows[0]!.line, columnName: 'key', message: 'every key is zero; expected at least one key greater than zero' }]);
  }
  return keys;
}
