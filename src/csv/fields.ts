import { Decimal } from '../money/decimal.js';
import { parseDecimal } from '../money/parse.js';
import { type IsoDate, parseDate } from '../calendar/date.js';

/** Reads one cell: a value, or what was expected. The cell is never empty here. */
export type FieldParser<T> = (raw: string) => { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T) => ({ ok: true as const, value });
const expected = (what: string) => ({ ok: false as const, expected: what });

export const amount: FieldParser<Decimal> = (raw) => {
  const v = parseDecimal(raw);
  return v ? ok(v) : expected('an amount such as 569 627,00 or 569627.00');
};

export const nonNegativeAmount: FieldParser<Decimal> = (raw) => {
  const v = parseDecimal(raw);
  if (!v) return expected('an amount such as 569 627,00 or 569627.00');
  return v.isNegative() && !v.isZero() ? expected('an amount of zero or more') : ok(v);
};

export const positiveAmount: FieldParser<Decimal> = (raw) => {
  const v = parseDecimal(raw);
  if (!v) return expected('an amount such as 569 627,00 or 569627.00');
  return v.greaterThan(0) ? ok(v) : expected('an amount greater than zero');
};

/** A rate in percent: "2,3 %", "2.3", "-0,5". */
export const percent: FieldParser<Decimal> = (raw) => {
  const v = parseDecimal(raw);
  return v ? ok(v) : expected('a rate in percent such as 2,3 or 2.3 %');
};

export const positiveInteger: FieldParser<number> = (raw) => {
  const s = raw.trim();
  return /^\d+$/.test(s) && Number(s) > 0 && Number(s) <= 100000 ? ok(Number(s)) : expected('a whole number greater than zero');
};

export const nonNegativeInteger: FieldParser<number> = (raw) => {
  const s = raw.trim();
  return /^\d+$/.test(s) && Number(s) <= 100000 ? ok(Number(s)) : expected('a whole number of zero or more');
};

export const date: FieldParser<IsoDate> = (raw) => {
  const v = parseDate(raw);
  return v ? ok(v) : expected('a date such as 2026-10-29 or 29/10/2026');
};

export const text: FieldParser<string> = (raw) => ok(raw.trim());

const TRUE = new Set(['yes', 'oui', 'true', 'vrai', '1', 'x', 'o', 'y']);
const FALSE = new Set(['no', 'non', 'false', 'faux', '0', 'n']);
export const yesNo: FieldParser<boolean> = (raw) => {
  const s = normaliseToken(raw);
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return expected('yes or no (oui / non)');
};

/**
 * One of a fixed set of words. `words` maps every accepted spelling
 * (compared without case, accents or punctuation) to its value.
 */
export function oneOf<T extends string>(words: Readonly<Record<string, T>>, described: string): FieldParser<T> {
  const table = new Map<string, T>();
  const asWritten = new Map<string, T>();
  for (const [k, v] of Object.entries(words)) {
    table.set(normaliseToken(k), v);
    asWritten.set(k, v);
  }
  return (raw) => {
    const v = asWritten.get(raw) ?? table.get(normaliseToken(raw));
    return v !== undefined ? ok(v) : expected(described);
  };
}

/** Lower case, no accents, words joined by underscores: "Date première échéance" → "date_premiere_echeance". */
export function normaliseToken(s: string): string {
  return s
    .replace(/^\ufeff/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9/%]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
