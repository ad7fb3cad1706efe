import { type CentRounding, Decimal, ONE, roundToCentWith } from '../money/decimal.js';

/**
 * First payment of a payment-priority line (« échéance prioritaire »,
 * article 12, rule 2): the level of a payment sequence growing by (1+p)
 * each period that repays base B over n periods at period rate t:
 * E1 = B·(t−p) / (1 − ((1+p)/(1+t))^n), or B·(1+t)/n when t = p.
 * Not rounded: see `roundedFirstPayment`.
 */
export function exactFirstPayment(base: Decimal, t: Decimal, p: Decimal, n: number): Decimal {
  return base.times(paymentFactor(t, p, n));
}

/**
 * The first payment per euro of base: (t−p)/(1−((1+p)/(1+t))^n), or (1+t)/n
 * when t = p. Kept apart so that a portfolio computes it once for each
 * (t, p, n) its lines share.
 */
export function paymentFactor(t: Decimal, p: Decimal, n: number): Decimal {
  if (t.equals(p)) return ONE.plus(t).div(n);
  const ratio = ONE.plus(p).div(ONE.plus(t)).pow(n);
  return t.minus(p).div(ONE.minus(ratio));
}

/** The growth of a payment over k periods: (1+p)^k. */
export function growthFactor(p: Decimal, k: number): Decimal {
  return ONE.plus(p).pow(k);
}

/** The first payment as the table shows it: rounded half-up to the cent. */
export function roundedFirstPayment(base: Decimal, t: Decimal, p: Decimal, n: number, rounding: CentRounding = 'half-up'): Decimal {
  return roundToCentWith(exactFirstPayment(base, t, p, n), rounding);
}

/**
 * The payment k periods after a computed payment E (k = 0 gives E itself):
 * the rounded payment grows by (1+p) a period and each term is rounded from
 * E·(1+p)^k, never from the previous rounded term, so rounding does not
 * compound. With p = 0 the payment is carried forward unchanged: it is not
 * recomputed from the rounded remaining capital (that would give 30 214,18
 * instead of 30 214,17 in the reference table).
 */
export function carriedPayment(computed: Decimal, p: Decimal, k: number, rounding: CentRounding = 'half-up'): Decimal {
  if (k === 0 || p.isZero()) return computed;
  return roundToCentWith(computed.times(growthFactor(p, k)), rounding);
}
