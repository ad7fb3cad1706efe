import type { Decimal } from '../money/decimal.js';
import { type Arithmetic, DECIMALS } from '../money/arithmetic.js';

/** How one payment splits between interest, the stock of deferred interest and capital. */
export interface Split<N> {
  readonly payment: N;
  readonly amortisation: N;
  /** Added to the stock (> 0) or repaid from it (< 0). */
  readonly deferredInterest: N;
  readonly stockAfter: N;
}
export type PaymentSplit = Split<Decimal>;

/**
 * What a payment's surplus over the interest repays first: the stock of
 * deferred interest (finloc's convention, below), or the capital (another
 * lender's, only to diagnose a lender's table: src/loan/lender-check.ts).
 */
export type SurplusOrder = 'stock-first' | 'capital-first';

/**
 * « Intérêts à différer » (article 12). When the period's interest exceeds
 * the payment, the difference is deferred: it joins the stock, which bears
 * interest with the capital (article 11), and nothing is amortised.
 *
 * When the payment exceeds the interest, the surplus first repays the stock
 * of deferred interest, then the capital: the stock is the older debt, and
 * article 17 asks that deferred interest be settled with any capital repaid
 * early. The contract does not say more; this is our stated convention.
 *
 * Amortisation never exceeds the capital remaining: a payment larger than
 * what is left is cut to what is left.
 */
export function splitPayment(payment: Decimal, interest: Decimal, capital: Decimal, stock: Decimal, order: SurplusOrder = 'stock-first'): PaymentSplit {
  return splitPaymentIn(DECIMALS, payment, interest, capital, stock, order);
}

/** `splitPayment` in any arithmetic: the one statement of the rule. */
export function splitPaymentIn<N>(a: Arithmetic<N>, payment: N, interest: N, capital: N, stock: N, order: SurplusOrder = 'stock-first'): Split<N> {
  const surplus = a.minus(payment, interest);
  if (a.isNegative(surplus)) {
    const deferred = a.negate(surplus);
    return { payment, amortisation: a.zero, deferredInterest: deferred, stockAfter: a.plus(stock, deferred) };
  }
  const stockRepaid = order === 'stock-first' ? a.min(stock, surplus) : a.min(stock, a.minus(surplus, a.min(capital, surplus)));
  const amortisation = a.min(capital, a.minus(surplus, stockRepaid));
  return {
    payment: a.plus(a.plus(interest, stockRepaid), amortisation),
    amortisation,
    deferredInterest: a.negate(stockRepaid),
    stockAfter: a.minus(stock, stockRepaid),
  };
}

/** The last due date repays everything left (rule 4): all the capital and all the stock, with the period's interest. */
export function finalSplit(interest: Decimal, capital: Decimal, stock: Decimal): PaymentSplit {
  return finalSplitIn(DECIMALS, interest, capital, stock);
}

/** `finalSplit` in any arithmetic. */
export function finalSplitIn<N>(a: Arithmetic<N>, interest: N, capital: N, stock: N): Split<N> {
  return { payment: a.plus(a.plus(interest, capital), stock), amortisation: capital, deferredInterest: a.negate(stock), stockAfter: a.zero };
}
