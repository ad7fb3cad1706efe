import { Decimal } from './decimal.js';

/**
 * a ÷ b rounded to the Decimal's precision (40 significant digits), half
 * up: the same Decimal as `a.div(b)`, computed on BigInts.
 *
 * Why not decimal.js's own `div`: its long division is one large function
 * whose helpers see digit arrays of several kinds, so V8 threw its
 * optimised code away (« wrong map ») and compiled it again three or four
 * times in each thread of a portfolio run, about 100 ms of the compiler's
 * time each on a 2-core host, and ran it unoptimised meanwhile, while the
 * caches of a run were cold and every revision of a line divided
 * (docs/performance.md, issue 17). A BigInt division is the engine's own
 * code: nothing to compile, the same speed from the first call. The value
 * is decimal.js's to the last digit: test/money/quotient.test.ts compares
 * the two on random and hand-picked operands (exact quotients, half-digit
 * ties, long repetends, every sign and exponent).
 *
 * @example quotient(new Decimal(1), new Decimal(3)).toString() // '0.3333333333333333333333333333333333333333'
 * @example quotient(new Decimal('1.0125'), new Decimal('1.0075')).equals(new Decimal('1.0125').div('1.0075')) // true
 */
export function quotient(a: Decimal, b: Decimal): Decimal {
  const ad = a.d as readonly number[] | null;
  const bd = b.d as readonly number[] | null;
  // NaN, infinities and a zero divisor or dividend: decimal.js's own rules.
  if (!ad || !bd || !ad[0] || !bd[0]) return a.div(b);
  const x = coefficient(ad);
  const y = coefficient(bd);
  // a = x·10^ea, b = y·10^eb, with x and y whole.
  const ea = a.e + 1 - x.digits;
  const eb = b.e + 1 - y.digits;
  // Enough digits of x·10^shift ÷ y for the precision and one more, so that the rounding digit is known.
  const shift = Math.max(0, PRECISION + 1 + y.digits - x.digits);
  const q = (x.value * 10n ** BigInt(shift)) / y.value;
  // q is truncated: what it drops (the remainder) is below one unit of its last digit, so it never turns a digit
  // below 5 into a tie or above, and a tie of the digits kept with a remainder is still rounded up, as half-up does.
  const text = q.toString();
  const drop = text.length - PRECISION;
  let kept = drop > 0 ? BigInt(text.slice(0, PRECISION)) : q;
  if (drop > 0 && text.charCodeAt(PRECISION) >= FIVE) kept += 1n;
  const exponent = ea - eb - shift + Math.max(drop, 0);
  const sign = a.s * b.s < 0 ? '-' : '';
  return new Decimal(`${sign}${kept}e${exponent}`);
}

/** Significant digits of every Decimal of the project (src/money/decimal.ts). */
const PRECISION = Decimal.precision;
const FIVE = '5'.charCodeAt(0);

/** The whole number of a Decimal's digits (words of base 10^7, most significant first), and its count of decimal digits. */
function coefficient(words: readonly number[]): { value: bigint; digits: number } {
  let value = BigInt(words[0]!);
  for (let i = 1; i < words.length; i++) value = value * WORD + BigInt(words[i]!);
  return { value, digits: String(words[0]).length + 7 * (words.length - 1) };
}

const WORD = 10_000_000n;
