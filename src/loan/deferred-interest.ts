import { Decimal, ZERO, min } from '../money/decimal.js';

/** How one payment splits between interest, the stock of deferred interest and capital. */
export interface PaymentSplit {
  readonly payment: Decimal;
  readonly amortisation: Decimal;
  /** Added to the stock (> 0) or repaid from it (< 0). */
  readonly deferredInterest: Decimal;
  readonly stockAfter: Decimal;
}

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
  const surplus = payment.minus(interest);
  if (surplus.isNegative()) {
    const deferred = surplus.negated();
    return { payment, amortisation: ZERO, deferredInterest: deferred, stockAfter: stock.plus(deferred) };
  }
  const stockRepaid = order === 'stock-first' ? min(stock, surplus) : min(stock, surplus.minus(min(capital, surplus)));
  const amortisation = min(capital, surplus.minus(stockRepaid));
  return {
    payment: interest.plus(stockRepaid).plus(amortisation),
    amortisation,
    deferredInterest: stockRepaid.negated(),
    stockAfter: stock.minus(stockRepaid),
  };
}

/** The last due date repays everything left (rule 4): all the capital and all the stock, with the period's interest. */
export function finalSplit(interest: Decimal, capital: Decimal, stock: Decimal): PaymentSplit {
  return {
    payment: interest.plus(capital).plus(stock),
    amortisation: capital,
    deferredInterest: stock.negated(),
    stockAfter: ZERO,
  };
}
