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
  return pct.div(HUNDRED);
}

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
  return a.greaterThan(b) ? a : b;
}
