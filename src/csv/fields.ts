import { Decimal, ZERO, compare } from '../money/decimal.js';
import { readAmount, readRate } from '../money/parse.js';
import { FIRST_DATE_FR, type IsoDate, LAST_DATE_FR, isDateOutOfRange, parseDate } from '../calendar/date.js';

/**
 * Reads one cell: a value, or what was expected. The cell is never empty here.
 * A pure function of the text, whose result is never changed: `readRow`
 * remembers readings by text and hands the same one to every row.
 */
export type FieldParser<T> = (raw: string) => { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T) => ({ ok: true as const, value });
const expected = (what: string) => ({ ok: false as const, expected: what });

/** A money amount: at most two decimals, digit groups as spreadsheets write them (src/money/parse.ts). */
export const amount: FieldParser<Decimal> = (raw) => {
  const r = readAmount(raw);
  return r.ok ? ok(r.value) : expected(r.expected);
};

export const nonNegativeAmount: FieldParser<Decimal> = (raw) => {
  const r = readAmount(raw);
  if (!r.ok) return expected(r.expected);
  return r.value.isNegative() ? expected('an amount of zero or more') : ok(r.value);
};

export const positiveAmount: FieldParser<Decimal> = (raw) => {
  const r = readAmount(raw);
  if (!r.ok) return expected(r.expected);
  return compare(r.value, ZERO) > 0 ? ok(r.value) : expected('an amount greater than zero');
};

/** The range every rate or percentage read lies in, in percent. */
export const MIN_PERCENT = -100;
export const MAX_PERCENT = 1000;

/** A rate in percent: "2,3 %", "2.3", "-0,5"; at most six decimals, between −100 % and 1 000 %. */
export const percent: FieldParser<Decimal> = (raw) => {
  const r = readRate(raw);
  if (!r.ok) return expected(r.expected);
  return r.value.lessThan(MIN_PERCENT) || r.value.greaterThan(MAX_PERCENT) ? expected('a rate in percent between -100 and 1 000') : ok(r.value);
};

/**
 * A whole number from `min` (0 or 1) to `max`, written with digits only;
 * above `max`, `tooLarge` says the limit (« at most 1 200 due dates »).
 */
export function integerIn(min: 0 | 1, max: number, tooLarge: string): FieldParser<number> {
  const kind = min === 1 ? 'a whole number greater than zero' : 'a whole number of zero or more';
  return (raw) => {
    const s = raw.trim();
    if (!/^\d+$/.test(s) || Number(s) < min) return expected(kind);
    return Number(s) <= max ? ok(Number(s)) : expected(tooLarge);
  };
}

export const positiveInteger: FieldParser<number> = integerIn(1, 100000, 'a whole number from 1 to 100 000');

export const nonNegativeInteger: FieldParser<number> = integerIn(0, 100000, 'a whole number from 0 to 100 000');

export const date: FieldParser<IsoDate> = (raw) => {
  const v = parseDate(raw);
  if (v) return ok(v);
  return expected(isDateOutOfRange(raw) ? `a date between ${FIRST_DATE_FR} and ${LAST_DATE_FR}` : 'a date such as 2026-10-29 or 29/10/2026');
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
