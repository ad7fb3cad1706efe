import { type CentRounding, Decimal, ONE, roundToCentWith } from '../money/decimal.js';
import { growthFactor } from './payment.js';

/**
 * First amortisation of an amortisation-priority line (« amortissement
 * prioritaire (échéance déduite) », rule 3): constant B/n when p = 0,
 * otherwise the first term of a sequence growing by (1+p) that adds up to B:
 * A1 = B·p / ((1+p)^n − 1). Rounded half-up to the cent.
 */
export function roundedFirstAmortisation(base: Decimal, p: Decimal, n: number, rounding: CentRounding = 'half-up'): Decimal {
  if (p.isZero()) return roundToCentWith(base.div(n), rounding);
  return roundToCentWith(base.times(amortisationFactor(p, n)), rounding);
}

/** The first amortisation per euro of base when p ≠ 0: p/((1+p)^n − 1). */
export function amortisationFactor(p: Decimal, n: number): Decimal {
  return p.div(ONE.plus(p).pow(n).minus(ONE));
}

/** The amortisation k periods after a computed one, rounded from A·(1+p)^k (no compounding of roundings). */
export function carriedAmortisation(computed: Decimal, p: Decimal, k: number, rounding: CentRounding = 'half-up'): Decimal {
  if (k === 0 || p.isZero()) return computed;
  return roundToCentWith(computed.times(growthFactor(p, k)), rounding);
}
