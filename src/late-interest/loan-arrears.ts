import { Decimal, ZERO, dec, percentToRate, roundToCent, min } from '../money/decimal.js';
import { type IsoDate, addDays, addMonths, compareDates, daysBetween, toFrenchDate } from '../calendar/date.js';
import { type RateHistory, rateInForce } from '../rates/history.js';

/** Article 18 of the CDC contract: late interest at the Livret A rate « majoré de 6 % (600 points de base) ». */
export const CDC_LATE_MARGIN_PCT: Decimal = dec(6);

/**
 * Where the arrears rate is floored at 0, and why: article 18 gives
 * Livret A + 6 points and names no floor; article 10 says of the line's own
 * rate that it « ne saurait être négatif », and a negative late interest
 * would reduce the debt of a borrower who pays late. The floor is finloc's
 * rule where article 18 is silent.
 */
export const CDC_LATE_RATE_FLOOR_RULE =
  'CDC contract art. 18 gives Livret A + 6 points and names no floor; finloc floors it at 0 as article 10 does the line\'s rate (« ne saurait être négatif »): late interest never reduces the debt';

/** Simple interest on exact days over 365 (the civil-law year of « intérêts de retard »; leap years included). */
export const ARREARS_DAYS_IN_YEAR = 365;

/** A payment towards an arrear; no amount: the whole balance (capital and interest) is paid that day. */
export interface ArrearPayment {
  readonly date: IsoDate;
  readonly amount?: Decimal;
}

/** A sum of a CDC loan line not paid at its due date (« date d'exigibilité »). */
export interface Arrear {
  readonly lineId: string;
  readonly dueDate: IsoDate;
  readonly amountDue: Decimal;
  readonly payments: readonly ArrearPayment[];
}

/** What ends a sub-period. */
export type ArrearEvent = 'livret_a_change' | 'anniversary' | 'payment' | 'settled' | 'as_of';

/**
 * One sub-period [from, to): `days` = to − from, at one rate on one base.
 * The events at `to` (capitalisation, payment) give the state after it.
 */
export interface ArrearPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly indexPct: Decimal;
  readonly ratePct: Decimal;
  /** Livret A held past its last known value for some day of the period. */
  readonly rateProjected: boolean;
  /** Livret A + 6 points was negative: the rate applied is the floor, 0 ({@link CDC_LATE_RATE_FLOOR_RULE}). */
  readonly rateFloored: boolean;
  /** What bears interest: the sum due, plus capitalised interest, less the capital repaid. */
  readonly base: Decimal;
  readonly interest: Decimal;
  readonly events: readonly ArrearEvent[];
  /** Interest added to the base at `to` (anniversary). */
  readonly capitalised: Decimal;
  /** Paid at `to`, and how it was imputed (Code civil 1343-1: interest first). */
  readonly paid: Decimal;
  readonly paidToInterest: Decimal;
  readonly paidToCapital: Decimal;
  readonly baseAfter: Decimal;
  readonly interestUnpaidAfter: Decimal;
}

export interface ArrearResult {
  readonly arrear: Arrear;
  readonly periods: readonly ArrearPeriod[];
  /** Date the balance reached zero, or undefined when still owed at `computedTo`. */
  readonly settledOn: IsoDate | undefined;
  readonly computedTo: IsoDate;
  readonly totalInterest: Decimal;
  readonly totalCapitalised: Decimal;
  readonly totalPaid: Decimal;
  readonly outstandingBase: Decimal;
  readonly outstandingInterest: Decimal;
}

/** Why an arrear cannot be computed. */
export type ArrearProblemKind = 'before_history' | 'as_of_before_due' | 'payment_before_due' | 'overpaid' | 'after_settled' | 'unsettled';

export type ArrearOutcome = { ok: true; result: ArrearResult } | { ok: false; kind: ArrearProblemKind; message: string; payment?: ArrearPayment };

/**
 * Late interest on one CDC arrear (article 18 of the contract).
 *
 * - Interest runs from the due date, simple, on exact days / 365, at the
 *   Livret A in force on each day + 6 points; a sub-period ends at each
 *   change of the Livret A, so each has one rate.
 * - Capitalisation (Code civil 1343-2, « anatocisme »): on each anniversary
 *   of the due date, the interest still unpaid, due for that whole year, is
 *   added to what bears interest.
 * - A payment goes first to the unpaid interest, then to the capital
 *   (Code civil 1343-1), and reduces what bears interest from its date.
 * - Each sub-period's interest is rounded half-up to the cent; the totals
 *   are sums of those rounded figures.
 *
 * The computation stops when the balance is paid, or at `asOf` (payments
 * after it are not taken). Without `asOf`, the payments must settle the arrear.
 */
export function arrearInterest(arrear: Arrear, livretA: RateHistory, asOf?: IsoDate): ArrearOutcome {
  const due = arrear.dueDate;
  if (rateInForce(livretA, due) === undefined) {
    return { ok: false, kind: 'before_history', message: `due date ${toFrenchDate(due)} is before the ${livretA.name} history starts (${toFrenchDate(livretA.points[0]!.effectiveDate)})` };
  }
  if (asOf !== undefined && compareDates(asOf, due) < 0) return { ok: false, kind: 'as_of_before_due', message: `the date of computation ${toFrenchDate(asOf)} is before the due date ${toFrenchDate(due)}` };
  const payments = [...arrear.payments].sort((a, b) => compareDates(a.date, b.date));
  for (const p of payments) {
    if (compareDates(p.date, due) < 0) return { ok: false, kind: 'payment_before_due', message: `payment on ${toFrenchDate(p.date)} is before the due date ${toFrenchDate(due)}`, payment: p };
  }
  const taken = asOf === undefined ? payments : payments.filter((p) => compareDates(p.date, asOf) <= 0);

  let base = arrear.amountDue;
  let unpaid = ZERO;
  let from = due;
  let next = 0; // next payment to apply
  let year = 1;
  let settledOn: IsoDate | undefined;
  const periods: ArrearPeriod[] = [];

  for (;;) {
    const anniversary = addMonths(due, 12 * year);
    const change = nextRateChange(livretA, from);
    const candidates: IsoDate[] = [anniversary];
    if (change !== undefined) candidates.push(change);
    if (next < taken.length) candidates.push(taken[next]!.date);
    if (asOf !== undefined) candidates.push(asOf);
    else if (next >= taken.length) {
      const owed = formatAmount(base.plus(unpaid));
      const message = taken.length === 0
        ? `no payment of this arrear: give a date of computation (--as-of) or its payment date`
        : `${owed} still owed after the last payment (${toFrenchDate(from)}); give a date of computation (--as-of) or the final payment`;
      return { ok: false, kind: 'unsettled', message };
    }
    const to = candidates.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));

    const index = rateInForce(livretA, from)!;
    const rawRatePct = index.ratePct.plus(CDC_LATE_MARGIN_PCT);
    const rateFloored = rawRatePct.isNegative() && !rawRatePct.isZero();
    const ratePct = rateFloored ? ZERO : rawRatePct;
    const days = daysBetween(from, to);
    const interest = roundToCent(base.times(percentToRate(ratePct)).times(days).div(ARREARS_DAYS_IN_YEAR));
    const projected = days > 0 && compareDates(addDays(to, -1), livretA.knownUntil) > 0;
    const periodBase = base;
    unpaid = unpaid.plus(interest);

    const events: ArrearEvent[] = [];
    if (to === change) events.push('livret_a_change');
    let capitalised = ZERO;
    if (to === anniversary) {
      events.push('anniversary');
      capitalised = unpaid;
      base = base.plus(unpaid);
      unpaid = ZERO;
      year++;
    }
    let paid = ZERO;
    let paidToInterest = ZERO;
    let paidToCapital = ZERO;
    while (next < taken.length && taken[next]!.date === to) {
      const p = taken[next]!;
      const owed = base.plus(unpaid);
      if (owed.isZero()) return { ok: false, kind: 'after_settled', message: `payment on ${toFrenchDate(p.date)} after the arrear was settled`, payment: p };
      const amount = p.amount ?? owed;
      if (amount.greaterThan(owed)) {
        return { ok: false, kind: 'overpaid', message: `payment of ${formatAmount(amount)} on ${toFrenchDate(p.date)} exceeds the ${formatAmount(owed)} owed that day (capital ${formatAmount(base)}, interest ${formatAmount(unpaid)})`, payment: p };
      }
      const toInterest = min(amount, unpaid);
      unpaid = unpaid.minus(toInterest);
      base = base.minus(amount.minus(toInterest));
      paid = paid.plus(amount);
      paidToInterest = paidToInterest.plus(toInterest);
      paidToCapital = paidToCapital.plus(amount.minus(toInterest));
      next++;
      if (!events.includes('payment')) events.push('payment');
    }
    const settled = base.plus(unpaid).isZero();
    if (settled) {
      events.push('settled');
      settledOn = to;
    } else if (to === asOf) events.push('as_of');

    if (days > 0 || events.length > 0) {
      periods.push({
        from, to, days, indexPct: index.ratePct, ratePct, rateProjected: projected, rateFloored, base: periodBase, interest, events,
        capitalised, paid, paidToInterest, paidToCapital, baseAfter: base, interestUnpaidAfter: unpaid,
      });
    }
    if (settled) {
      if (next < taken.length) return { ok: false, kind: 'after_settled', message: `payment on ${toFrenchDate(taken[next]!.date)} after the arrear was settled on ${toFrenchDate(to)}`, payment: taken[next]! };
      break;
    }
    if (to === asOf) break;
    from = to;
  }

  return {
    ok: true,
    result: {
      arrear,
      periods,
      settledOn,
      computedTo: periods[periods.length - 1]?.to ?? due,
      totalInterest: periods.reduce((a, p) => a.plus(p.interest), ZERO),
      totalCapitalised: periods.reduce((a, p) => a.plus(p.capitalised), ZERO),
      totalPaid: periods.reduce((a, p) => a.plus(p.paid), ZERO),
      outstandingBase: base,
      outstandingInterest: unpaid,
    },
  };
}

/** The first date after `from` where the index takes another value (a republished unchanged rate does not split). */
function nextRateChange(history: RateHistory, from: IsoDate): IsoDate | undefined {
  const current = rateInForce(history, from)!.ratePct;
  for (const p of history.points) {
    if (compareDates(p.effectiveDate, from) > 0 && !p.ratePct.equals(current)) return p.effectiveDate;
  }
  return undefined;
}

function formatAmount(d: Decimal): string {
  return d.toFixed(2);
}
