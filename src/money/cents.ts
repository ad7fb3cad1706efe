import { Decimal, roundToCent } from './decimal.js';

/**
 * Integer cents held in a JavaScript number, for the hot path of portfolio
 * runs only. Every integer up to 2^53 is exact, and sums and differences of
 * cents stay exact; only products by a rate need care (`timesRounded`).
 * A differential test proves the figures equal those of the Decimal core.
 */
export const MAX_EXACT_CENTS = 2 ** 50;

export function toCents(amount: Decimal): number {
  return wholeCents(amount) ?? amount.times(100).toNumber();
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A whole number of cents below 2^50 read from the Decimal's digits (decimal.js
 * documents them: `d`, base 10^7 words, the first holding the leading
 * (e mod 7) + 1 digits; `e`, the exponent; `s`, the sign), each word an exact
 * integer and every partial sum below 2^53; undefined for any other value,
 * which `toCents` computes in Decimals. A line's principal, once a line:
 * multiplying a Decimal and printing it to read a number back cost more.
 */
function wholeCents(amount: Decimal): number | undefined {
  const words = amount.d as readonly number[] | null;
  if (words === null || words === undefined || amount.e > 12) return undefined;
  // The power of ten of the first word, in cents.
  let exponent = amount.e - (((amount.e % 7) + 7) % 7) + 2;
  let cents = 0;
  for (const word of words) {
    if (exponent >= 0) cents += word * POWERS_OF_TEN[exponent]!;
    else {
      if (exponent < -7) return undefined;
      const divisor = POWERS_OF_TEN[-exponent]!;
      if (word % divisor !== 0) return undefined;
      cents += word / divisor;
    }
    exponent -= 7;
  }
  if (cents > MAX_EXACT_CENTS) return undefined;
  return amount.s < 0 ? -cents : cents;
}

export function fromCents(cents: number): Decimal {
  return new Decimal(cents).div(100);
}

/**
 * A factor (a rate, a growth) as the Decimal core computes it, with a double
 * beside it and a bound on that double's relative error. The Decimal value
 * may be computed only when needed (near a tie), from the core's own formula.
 *
 * A class rather than an object with an `exact` closure of its own: the
 * optimised row loop inlines the call to `exact()` at a half-cent tie, and
 * a closure per factor made a new call target at each tie of another
 * factor, which threw that loop's optimised code away (V8's « wrong call
 * target »; 2 runs in 5 on the small book of issue 17, each costing a
 * recompilation of 30–70 ms). A method has one target.
 *
 *     const t = factorOf(new Decimal('0.005'));
 *     t.approx;          // 0.005
 *     t.exact();         // Decimal 0.005
 */
export class Factor {
  private value: Decimal | undefined;
  private readonly compute: (() => Decimal) | undefined;
  /** Bound on |approx − exact| / exact. */
  readonly relativeError: number;
  readonly approx: number;

  constructor(approx: number, relativeError: number, value: Decimal | undefined, compute: (() => Decimal) | undefined) {
    this.approx = approx;
    this.relativeError = relativeError;
    this.value = value;
    this.compute = compute;
  }

  /** The Decimal value, computed once, on the first call, for a lazy factor. */
  exact(): Decimal {
    return (this.value ??= this.compute!());
  }
}

/** Half an ulp: the relative error of rounding a real to the nearest double. */
export const HALF_ULP = 2 ** -53;

export function factorOf(exact: Decimal): Factor {
  return new Factor(exact.toNumber(), HALF_ULP, exact, undefined);
}

/** A factor known by its double approximation, its Decimal computed on demand. */
export function lazyFactor(approx: number, relativeError: number, exact: () => Decimal): Factor {
  return new Factor(approx, relativeError, undefined, exact);
}

/**
 * `roundToCent(fromCents(cents).times(factor.exact()))` in cents, computed
 * with one floating-point product when that is provably the same: the double
 * product is within (factor error + half an ulp) relative of the exact one,
 * so unless its fraction lies within a margin (four times that error, plus
 * the Decimal core's own 40-digit rounding) of the half-cent, it rounds the
 * same way. Near a half-cent tie, and out of range, it falls back to the
 * Decimal computation itself.
 */
export function timesRounded(cents: number, factor: Factor): number {
  const r = roundedProduct(cents, factor.approx, factor.relativeError);
  return r === r ? r : exactTimesRounded(cents, factor.exact());
}

/** `roundToCent(fromCents(cents).times(factor))` in cents, in Decimals: where a double cannot decide. */
export function exactTimesRounded(cents: number, factor: Decimal): number {
  return toCents(roundToCent(fromCents(cents).times(factor)));
}

/**
 * The half-up rounding of cents × factor from the factor's double, or NaN
 * when the double cannot decide (too close to a half-cent, or out of range):
 * the caller then computes with Decimals.
 */
export function roundedProduct(cents: number, approx: number, relativeError: number): number {
  const x = cents * approx;
  if (x >= 0 && x < MAX_EXACT_CENTS) {
    const whole = Math.floor(x);
    const fraction = x - whole;
    const margin = 1e-12 + x * 4 * (relativeError + HALF_ULP);
    if (fraction < 0.5 - margin) return whole;
    if (fraction > 0.5 + margin) return whole + 1;
  }
  return NaN;
}

/** Half-up division of cents by a whole number, exactly as roundToCent(fromCents(cents).div(n)). */
export function dividedRounded(cents: number, n: number): number {
  if (cents >= 0 && cents < MAX_EXACT_CENTS) return Math.floor((2 * cents + n) / (2 * n));
  return toCents(roundToCent(fromCents(cents).div(n)));
}
