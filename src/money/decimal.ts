import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The project's own Decimal constructor: a clone, so that no global
 * `Decimal.set` from a host application can change our figures.
 * 40 significant digits leave ample room for (1+t)^n with n up to 480
 * periods before any rounding to the cent.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export type DecimalInput = Decimal | string | number;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/**
 * The order of two Decimals, −1, 0 or 1, as `a.comparedTo(b)` gives it,
 * without its copy: decimal.js's `comparedTo` (and `greaterThan`, `lessThan`…,
 * which call it) first copies its argument, an object and its digits, which
 * made comparisons a twentieth of a worker's time at 100 000 lines, in the
 * per-line checks (docs/performance.md). The same steps as decimal.js's, on
 * the properties its documentation gives: `d`, the digits in words of base
 * 10^7, most significant first, without trailing zero words; `e`, the
 * exponent; `s`, the sign. NaN and infinities are left to `comparedTo`.
 *
 * @example compare(new Decimal('2.50'), new Decimal('2.5')) // 0
 * @example compare(new Decimal(-3), ZERO) // -1
 */
export function compare(a: Decimal, b: Decimal): number {
  const ad = a.d as readonly number[] | null;
  const bd = b.d as readonly number[] | null;
  if (!ad || !bd) return a.comparedTo(b);
  const sign = a.s;
  // Either zero: a zero's sign does not order it.
  if (!ad[0] || !bd[0]) return ad[0] ? sign : bd[0] ? -b.s : 0;
  if (sign !== b.s) return sign;
  // The same sign: the larger magnitude is the larger number when positive, the smaller when negative.
  const larger = sign > 0 ? 1 : -1;
  if (a.e !== b.e) return a.e > b.e ? larger : -larger;
  const n = Math.min(ad.length, bd.length);
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return ad[i]! > bd[i]! ? larger : -larger;
  return ad.length === bd.length ? 0 : ad.length > bd.length ? larger : -larger;
}

export function dec(value: DecimalInput): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

/**
 * How a half cent is rounded: `half-up`, away from zero (0,125 → 0,13,
 * −0,125 → −0,13), the rule of every act finloc reproduces; `half-even`
 * (0,125 → 0,12, 0,135 → 0,14), « banker's rounding », only to diagnose a
 * lender's table that used it (src/loan/lender-check.ts).
 */
export type CentRounding = 'half-up' | 'half-even';

/**
 * Rounds an amount to the cent, half-up (a tie goes away from zero:
 * 0,125 → 0,13 and −0,125 → −0,13). This is the only rounding of
 * amounts in the project: every module calls it, at the points its
 * rules name, and nowhere else.
 */
export function roundToCent(amount: Decimal): Decimal {
  return roundToCentWith(amount, 'half-up');
}

/** `roundToCent` with the half-cent rule named (a separate function, so that `.map(roundToCent)` never passes an index as the rule). */
export function roundToCentWith(amount: Decimal, rounding: CentRounding): Decimal {
  return amount.toDecimalPlaces(2, rounding === 'half-up' ? Decimal.ROUND_HALF_UP : Decimal.ROUND_HALF_EVEN);
}

/** A rate given in percent (2,3) as a fraction (0.023). */
export function percentToRate(pct: Decimal): Decimal {
  // pct × 0,01 is pct ÷ 100: both exact before the one rounding to the precision, which decimal.js does alike for
  // both (tested on random values). decimal.js divides by long division: 100 000 calls took 51 ms cold and 20 ms
  // warm as a division, 27 and 17 as a product (in a worker at 100 000 lines, these divisions were 27 ms sampled).
  return pct.times(ONE_HUNDREDTH);
}

const ONE_HUNDREDTH = new Decimal('0.01');

/** A fraction (0.023) as a percent (2.3). */
export function rateToPercent(rate: Decimal): Decimal {
  return rate.times(HUNDRED);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) > 0 ? a : b;
}
