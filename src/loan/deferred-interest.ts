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
  // One object built at one place: inlined in the cents path's row loop, where the caller takes its fields at once,
  // V8 then keeps them in registers instead of allocating a Split a row.
  let paid = payment;
  let amortisation = a.zero;
  let deferredInterest: N;
  let stockAfter: N;
  if (a.isNegative(surplus)) {
    deferredInterest = a.negate(surplus);
    stockAfter = a.plus(stock, deferredInterest);
  } else {
    const stockRepaid = order === 'stock-first' ? a.min(stock, surplus) : a.min(stock, a.minus(surplus, a.min(capital, surplus)));
    amortisation = a.min(capital, a.minus(surplus, stockRepaid));
    paid = a.plus(a.plus(interest, stockRepaid), amortisation);
    deferredInterest = a.negate(stockRepaid);
    stockAfter = a.minus(stock, stockRepaid);
  }
  return { payment: paid, amortisation, deferredInterest, stockAfter };
}

/** The last due date repays everything left (rule 4): all the capital and all the stock, with the period's interest. */
export function finalSplit(interest: Decimal, capital: Decimal, stock: Decimal): PaymentSplit {
  return finalSplitIn(DECIMALS, interest, capital, stock);
}

/** `finalSplit` in any arithmetic. */
export function finalSplitIn<N>(a: Arithmetic<N>, interest: N, capital: N, stock: N): Split<N> {
  return { payment: a.plus(a.plus(interest, capital), stock), amortisation: capital, deferredInterest: a.negate(stock), stockAfter: a.zero };
}
