import { Decimal, ZERO, min } from './decimal.js';

/**
 * The arithmetic a rule is written in when two representations must give the
 * same figures: Decimal for the core, doubles where a fast path or a first
 * estimate may use them (whole cents below 2^53 in the integer-cents path,
 * src/loan/cents-range.ts; the seed of the actuarial rate's search). A rule
 * written once over it (the deferred-interest split, the actuarial search)
 * has no second copy to drift.
 *
 * Example: `DECIMALS.minus(DECIMALS.of(1), DECIMALS.of(0.25))` is the
 * Decimal 0.75, `NUMBERS.minus(1, 0.25)` the number 0.75.
 */
export interface Arithmetic<N> {
  readonly zero: N;
  of(x: number): N;
  plus(a: N, b: N): N;
  minus(a: N, b: N): N;
  times(a: N, b: N): N;
  div(a: N, b: N): N;
  min(a: N, b: N): N;
  negate(a: N): N;
  abs(a: N): N;
  isNegative(a: N): boolean;
  isZero(a: N): boolean;
  less(a: N, b: N): boolean;
  /** False for a double that overflowed or is not a number; always true for a Decimal. */
  isFinite(a: N): boolean;
}

export const DECIMALS: Arithmetic<Decimal> = {
  zero: ZERO,
  of: (x) => new Decimal(x),
  plus: (a, b) => a.plus(b),
  minus: (a, b) => a.minus(b),
  times: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
  min: (a, b) => min(a, b),
  negate: (a) => a.negated(),
  abs: (a) => a.abs(),
  isNegative: (a) => a.isNegative(),
  isZero: (a) => a.isZero(),
  less: (a, b) => a.lessThan(b),
  isFinite: (a) => a.isFinite(),
};

export const NUMBERS: Arithmetic<number> = {
  zero: 0,
  of: (x) => x,
  plus: (a, b) => a + b,
  minus: (a, b) => a - b,
  times: (a, b) => a * b,
  div: (a, b) => a / b,
  min: (a, b) => Math.min(a, b),
  // 0 − a, not −a: the negation of 0 stays 0, where −0 is a boxed double and every row of the cents path allocated one.
  negate: (a) => 0 - a,
  abs: (a) => Math.abs(a),
  isNegative: (a) => a < 0,
  isZero: (a) => a === 0,
  less: (a, b) => a < b,
  isFinite: (a) => Number.isFinite(a),
};
