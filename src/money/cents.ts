import { Decimal, roundToCent } from './decimal.js';

/**
 * Integer cents held in a JavaScript number, for the hot path of portfolio
 * runs only. Every integer up to 2^53 is exact, and sums and differences of
 * cents stay exact; only products by a rate need care (`timesRounded`).
 * A differential test proves the figures equal those of the Decimal core.
 */
export const MAX_EXACT_CENTS = 2 ** 50;

export function toCents(amount: Decimal): number {
  return amount.times(100).toNumber();
}

export function fromCents(cents: number): Decimal {
  return new Decimal(cents).div(100);
}

/** A factor (a rate, a growth) as the Decimal core holds it, with its nearest double beside it. */
export interface Factor {
  readonly exact: Decimal;
  readonly approx: number;
}

export function factorOf(exact: Decimal): Factor {
  return { exact, approx: exact.toNumber() };
}

/**
 * `roundToCent(fromCents(cents).times(factor.exact))` in cents, computed with
 * one floating-point product when that is provably the same: the double
 * product is within 2.3e-16 relative of the exact one, so unless its
 * fraction lies within a margin (400 times that error) of the half-cent, it
 * rounds the same way. Near a half-cent tie, and out of range, it falls back
 * to the Decimal computation itself.
 */
export function timesRounded(cents: number, factor: Factor): number {
  const x = cents * factor.approx;
  if (x >= 0 && x < MAX_EXACT_CENTS) {
    const whole = Math.floor(x);
    const fraction = x - whole;
    const margin = 1e-9 + x * 1e-13;
    if (fraction < 0.5 - margin) return whole;
    if (fraction > 0.5 + margin) return whole + 1;
  }
  return toCents(roundToCent(fromCents(cents).times(factor.exact)));
}

/** Half-up division of cents by a whole number, exactly as roundToCent(fromCents(cents).div(n)). */
export function dividedRounded(cents: number, n: number): number {
  if (cents >= 0 && cents < MAX_EXACT_CENTS) return Math.floor((2 * cents + n) / (2 * n));
  return toCents(roundToCent(fromCents(cents).div(n)));
}

/** "30214.17" or "30214,17" from 3021417, as formatMachine / formatFrench print it. */
export function centsText(cents: number, decimalComma: boolean): string {
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const units = Math.floor(abs / 100);
  const rest = abs - units * 100;
  return (negative ? '-' : '') + units + (decimalComma ? ',' : '.') + (rest < 10 ? '0' : '') + rest;
}
