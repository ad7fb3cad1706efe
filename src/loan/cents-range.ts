import { MAX_EXACT_CENTS } from '../money/cents.js';
import type { RateHistory } from '../rates/history.js';
import type { LoanLine } from './types.js';
import type { Decimal } from '../money/decimal.js';

/**
 * Whether the integer-cents hot path (`amortizeInCents`) may compute a line:
 * a proof, from the line's terms alone and before any row, that no figure
 * and no product it forms can leave [−2^50, 2^50] cents, where a double holds
 * every cent exactly with room for the sums of a whole table (2^53).
 *
 * The bound. Interest of a period is at most (capital + deferred stock) × t,
 * and the payment never exceeds interest + capital + stock, so what bears
 * interest grows by at most 1 + t a period, and 1 + t ≤ e^t. Over a period of
 * m months t is at most r × m/12 × 1,05, whatever the interest mode and day
 * count (31 actual days over 360 is 1,034 × 1/12), r being the largest annual
 * rate the line can reach: its own rate, or max(0, index + margin) over the
 * whole index history. So every figure is at most
 *   capital × e^(1,05 × r × (years + 1))
 * (one more year for the last period's interest and payment), and every total
 * at most periods + 1 times that. A negative rate only shrinks the capital;
 * a progressivity only moves a payment within those limits, because the
 * payment is capped by what is owed (rule 5, « intérêts à différer »).
 *
 * Lines beyond the bound go to the Decimal core, which computes them exactly
 * up to 10^15 € (`MAX_TABLE_FIGURE`) and refuses them past it.
 *
 * @example
 * // 1 000 000 € (10^8 cents) at 2,3 % over 25 years: ln 10^8 + 1,05 × 0,023 × 26 ≈ 19,05 ≤ ln 2^50 ≈ 34,66,
 * // and 19,05 + ln 26 ≈ 22,3 ≤ ln 2^53 ≈ 36,7.
 * centsPathFits(line, 1e8, livretA) // → true
 * // The same at Livret A + 100 % over 40 years: 18,42 + 1,05 × 1,017 × 41 ≈ 62,2: the Decimal core.
 */
export function centsPathFits(line: LoanLine, capitalCents: number, index: RateHistory | undefined): boolean {
  if (!(capitalCents >= 0 && capitalCents <= MAX_EXACT_CENTS)) return false;
  if (capitalCents === 0) return true;
  const rate = Math.max(0, maxAnnualRatePct(line, index)) / 100;
  const years = (line.prefinancingMonths + line.periods * line.periodMonths) / 12;
  const logFigure = Math.log(capitalCents) + 1.05 * rate * (years + 1);
  return logFigure <= LOG_MAX_FIGURE && logFigure + Math.log(line.periods + 1) <= LOG_MAX_TOTAL;
}

/** A row's figures and the products that make them: below 2^50 cents, as `roundedProduct` requires. */
const LOG_MAX_FIGURE = Math.log(MAX_EXACT_CENTS);
/** A table's totals: sums of integers stay exact below 2^53. */
const LOG_MAX_TOTAL = Math.log(2 ** 53);

/** The largest annual rate, in percent, the line can bear: its own, or the revised rate max(0, T + M) at the highest index value. */
function maxAnnualRatePct(line: LoanLine, index: RateHistory | undefined): number {
  const own = numberOf(line.ratePct);
  if (line.index === 'none' || index === undefined) return own;
  return Math.max(own, highestIndexPct(index) + numberOf(line.marginPct));
}

/**
 * A Decimal as a double, remembered by the Decimal: the lines of a file
 * share the Decimals of equal cells (readRow), and `toNumber` (through the
 * Decimal's text) was 2 % of a portfolio run, twice a line.
 */
const numbers = new WeakMap<Decimal, number>();
function numberOf(d: Decimal): number {
  let n = numbers.get(d);
  if (n === undefined) {
    n = d.toNumber();
    numbers.set(d, n);
  }
  return n;
}

const highestByHistory = new WeakMap<RateHistory, number>();

function highestIndexPct(index: RateHistory): number {
  let highest = highestByHistory.get(index);
  if (highest === undefined) {
    highest = -Infinity;
    for (const p of index.points) highest = Math.max(highest, p.ratePct.toNumber());
    highestByHistory.set(index, highest);
  }
  return highest;
}
