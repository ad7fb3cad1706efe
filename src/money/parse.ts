import { Decimal } from './decimal.js';

/**
 * How numbers are read, in every command, cell and option: one grammar.
 *
 * - An optional sign (`-`, `+`, or the minus sign `−`), digits, an optional
 *   decimal part after `,` or `.`; `1 234,56 €` and `2,3 %` carry their unit.
 * - A lone `,` or `.` is the decimal separator: `1,234` and `1.200` are
 *   1,234 and 1,2 (so, as amounts, refused: three decimals).
 * - Digits are grouped only as spreadsheets write them: groups of exactly
 *   three digits separated by one space, no-break space (U+00A0) or narrow
 *   no-break space (U+202F) (`1 234 567,89`, `1 234.5`); `.` groups only
 *   before a decimal comma (`1.234.567,89`), `,` only before a decimal point
 *   (`1,234,567.89`). Anything else (`1.2.3,4`, `1.234.567`, `12 34`) is
 *   refused, never guessed.
 */
export type NumberReading = { readonly ok: true; readonly value: Decimal; readonly decimals: number } | { readonly ok: false; readonly expected: string };

/** What the number stands for: its unit sign is accepted (`€` for an amount, `%` for a rate), the other one refused. */
export type NumberKind = 'amount' | 'rate' | 'any';

const GROUP = '[ \\u00a0\\u202f]';
const PLAIN = /^(\d*)(?:[.,](\d+))?$/;
const SPACE_GROUPED = new RegExp(`^(\\d{1,3}(?:${GROUP}\\d{3})+)(?:[.,](\\d+))?$`);
const POINT_GROUPED = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/;
const COMMA_GROUPED = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/;

/** The digit grouping a spreadsheet writes, told in a message. */
export const GROUPING_RULE = 'digits grouped by three with a space, or with . before a decimal comma, or , before a decimal point';

/** Reads a number under the one grammar above; `expected` says what was wanted when the text is not one. */
export function readNumber(text: string, kind: NumberKind = 'any'): NumberReading {
  const plain = readPlainNumber(text);
  if (plain !== undefined) return plain;
  const what = kind === 'rate' ? 'a rate in percent such as 2,3 or 2.3 %' : 'an amount such as 569 627,00 or 569627.00';
  let s = text.trim();
  if (kind !== 'rate') s = s.replace(/^€\s*/u, '').replace(/\s*€$/u, '');
  if (kind !== 'amount') s = s.replace(/\s*%$/u, '');
  let sign = '';
  if (/^[+\-\u2212]/u.test(s)) {
    sign = s[0] === '+' ? '' : '-';
    s = s.slice(1);
  }
  let m = PLAIN.exec(s);
  let integer: string | undefined;
  let fraction: string | undefined;
  if (m && (m[1] !== '' || m[2] !== undefined)) {
    integer = m[1] === '' ? '0' : m[1]!;
    fraction = m[2];
  } else if ((m = SPACE_GROUPED.exec(s) ?? POINT_GROUPED.exec(s) ?? COMMA_GROUPED.exec(s))) {
    integer = m[1]!.replace(/[^\d]/g, '');
    fraction = m[2];
  } else {
    const looksGrouped = /^\d[\d .,\u00a0\u202f]*\d$/u.test(s) && /[ .,\u00a0\u202f]/u.test(s);
    return { ok: false, expected: looksGrouped ? `${what} (${GROUPING_RULE})` : what };
  }
  const value = new Decimal(`${sign}${integer}${fraction !== undefined ? '.' + fraction : ''}`);
  return { ok: true, value: value.isZero() ? value.abs() : value, decimals: fraction?.length ?? 0 };
}

/**
 * The form nearly every cell has, digits with maybe one `.` or `,` between
 * digits (`569627.00`, `2,3`, `25`), read by a loop over its characters:
 * the same reading as the grammar's (the PLAIN expression), without its five
 * regular expressions and their strings. A line of a portfolio has a few
 * numbers no line before had (a principal), read most often before V8 has
 * optimised anything: 1 300 principals in a fresh process took 7,6 ms the
 * grammar's way, 5,5 ms this way (the Decimal's own parsing is the rest).
 * Anything else (a sign, a unit, spaces, groups): undefined, for the grammar.
 *
 *     readPlainNumber('569627,00');  // { ok: true, value: 569627, decimals: 2 }
 *     readPlainNumber('1 234,56');   // undefined
 */
function readPlainNumber(text: string): NumberReading | undefined {
  const n = text.length;
  let separator = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 46 || c === 44) && separator < 0 && i > 0 && i < n - 1) separator = i;
    else return undefined;
  }
  if (n === 0) return undefined;
  // No sign in this form, so never the -0 that the grammar turns into 0.
  const value = new Decimal(separator < 0 || text.charCodeAt(separator) === 46 ? text : `${text.slice(0, separator)}.${text.slice(separator + 1)}`);
  return { ok: true, value, decimals: separator < 0 ? 0 : n - separator - 1 };
}

/** Decimals a money amount may have: cents. */
export const AMOUNT_DECIMALS = 2;

/**
 * Reads a money amount: the grammar of {@link readNumber}, at most two
 * decimals (as written: `1.200` has three), an optional `€`.
 */
export function readAmount(text: string): NumberReading {
  const r = readNumber(text, 'amount');
  if (!r.ok || r.decimals <= AMOUNT_DECIMALS) return r;
  const lone = /^[+\-\u2212]?[1-9]\d{0,2}[.,]\d{3}(\s*€)?$/u.test(text.trim());
  return {
    ok: false,
    expected: lone
      ? 'an amount in euros and cents (at most two decimals; a lone , or . is the decimal separator: for a thousand or more write 1234 or 1 234)'
      : 'an amount in euros and cents (at most two decimals)',
  };
}

/** Decimals a rate or percentage may have (as written): the output shows up to six. */
export const RATE_DECIMALS = 6;

/**
 * Reads a rate or percentage in percent: the grammar of {@link readNumber},
 * an optional `%`, at most six decimals (`3,125`, `0,000001`).
 */
export function readRate(text: string): NumberReading {
  const r = readNumber(text, 'rate');
  if (!r.ok || r.decimals <= RATE_DECIMALS) return r;
  return { ok: false, expected: `a rate in percent with at most ${RATE_DECIMALS} decimals` };
}

/**
 * Reads a number as French finance officers write it ("569 627,00",
 * "569627.00", "1 234,56 €", "2,3 %", "1.234,56", "-12,5", "−12,5"), with
 * the grammar of {@link readNumber}, any number of decimals. Returns
 * undefined when the text is not a number.
 */
export function parseDecimal(text: string): Decimal | undefined {
  const r = readNumber(text);
  return r.ok ? r.value : undefined;
}
