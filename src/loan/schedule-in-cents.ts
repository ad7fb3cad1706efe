import { Decimal, rateToPercent } from '../money/decimal.js';
import { type Factor, MAX_EXACT_CENTS, dividedRounded, factorOf, timesRounded, toCents } from '../money/cents.js';
import { type IsoDate, daysInMonth, isoDate, ymd } from '../calendar/date.js';
import { countDays } from '../calendar/day-count.js';
import { rateInForce } from '../rates/history.js';
import { InputError } from '../errors.js';
import { periodProgressivity, periodRate } from './period-rate.js';
import { accrualFactor } from './interest.js';
import { growthFactor, paymentFactor } from './payment.js';
import { amortisationFactor } from './amortisation-sequence.js';
import { type RevisedRates, contractRates, revisedRates } from './revision.js';
import {
  amortisationStart,
  capitalisedPrefinancingInterest,
  effectiveDisbursements,
  prefinancingStart,
  proratedFirstInterest,
  totalDisbursed,
} from './prefinancing.js';
import { loanLineProblems } from './validate.js';
import type { AmortizeOptions } from './schedule.js';
import type { LoanLine } from './types.js';

/**
 * The same table as `amortize`, figure for figure, computed in integer cents
 * for portfolio runs. Every per-line quantity (period rates, the first
 * payment's factor, revisions, prefinancing) comes from the same Decimal
 * functions as `amortize`; only the per-row products use a double, through
 * `timesRounded`, which falls back to Decimal near a tie. The differential
 * test (test/loan/schedule-in-cents.test.ts) holds the two to the same bytes.
 */
export interface CentsRow {
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly ratePct: Decimal;
  readonly payment: number;
  readonly amortisation: number;
  readonly interest: number;
  readonly deferredInterest: number;
  readonly capitalAfter: number;
  readonly deferredStock: number;
}

export interface CentsSchedule {
  readonly line: LoanLine;
  readonly rows: CentsRow[];
  readonly totalPayment: number;
  readonly totalAmortisation: number;
  readonly totalInterest: number;
  readonly totalDeferredInterest: number;
  /** True when some due date used a projected (held) index value. */
  readonly usesProjection: boolean;
}

interface Terms {
  readonly key: string;
  readonly rates: RevisedRates;
  readonly ratePct: Decimal;
  readonly t: Factor;
  readonly p: Decimal;
}

/** Caches shared by the lines of a portfolio; bounded so that memory stays flat. */
const CACHE_LIMIT = 20_000;
const termsCache = new Map<string, Terms>();
const factorCache = new Map<string, Factor>();

function cached<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    v = make();
    cache.set(key, v);
  }
  return v;
}

function termsOf(line: LoanLine, rates: RevisedRates): Terms {
  const key = `${rates.rate.toString()}|${rates.progressivity.toString()}|${line.periodMonths}|${line.interestMode}`;
  return cached(termsCache, key, () => ({
    key,
    rates,
    ratePct: rateToPercent(rates.rate),
    t: factorOf(periodRate(rates.rate, line.periodMonths, line.interestMode)),
    p: periodProgressivity(rates.progressivity, line.periodMonths, line.interestMode),
  }));
}

const paymentFactorOf = (terms: Terms, n: number) => cached(factorCache, `E|${terms.key}|${n}`, () => factorOf(paymentFactor(terms.t.exact, terms.p, n)));
const amortisationFactorOf = (terms: Terms, n: number) => cached(factorCache, `A|${terms.key}|${n}`, () => factorOf(amortisationFactor(terms.p, n)));
const growthOf = (p: Decimal, k: number) => cached(factorCache, `G|${p.toString()}|${k}`, () => factorOf(growthFactor(p, k)));
const accrualOf = (line: LoanLine, rate: Decimal, days: number) =>
  cached(factorCache, `D|${rate.toString()}|${days}|${line.dayCount}|${line.interestMode}`, () => factorOf(accrualFactor(rate, days, line.dayCount, line.interestMode)));

/** Returns undefined when the line is out of the exact range of cents in a double: use `amortize` then. */
export function amortizeInCents(line: LoanLine, options: AmortizeOptions = {}): CentsSchedule | undefined {
  const problems = loanLineProblems(line, options);
  if (problems.length > 0) throw new InputError(problems.map((p) => ({ message: p.message, columnName: p.columnName })));
  if (line.principal.greaterThan(MAX_EXACT_CENTS / 1000)) return undefined;

  let usesProjection = false;
  const byIndexDate = new Map<string, Terms>();
  const contract = line.index === 'none' ? termsOf(line, contractRates(line)) : undefined;
  const termsOn = (date: IsoDate): Terms => {
    if (contract) return contract;
    const value = rateInForce(options.index!, date)!;
    if (value.projected) usesProjection = true;
    let terms = byIndexDate.get(value.effectiveDate);
    if (!terms) {
      terms = termsOf(line, revisedRates(line, value.ratePct));
      byIndexDate.set(value.effectiveDate, terms);
    }
    return terms;
  };

  let capital: number;
  let prorated: ((rate: Decimal) => number) | undefined;
  if (line.prefinancingMonths === 0 && !(options.disbursements && options.disbursements.length > 0)) {
    capital = toCents(line.principal);
  } else {
    const disbursements = effectiveDisbursements(line, options.disbursements);
    const capitalised =
      line.prefinancingMonths > 0
        ? capitalisedPrefinancingInterest(line, disbursements, line.index === 'none' ? contract!.rates.rate : revisedRates(line, rateInForce(options.index!, prefinancingStart(line))!.ratePct).rate)
        : new Decimal(0);
    capital = toCents(totalDisbursed(disbursements).plus(capitalised));
    if (line.prefinancingMonths === 0) prorated = (rate) => toCents(proratedFirstInterest(line, disbursements, rate));
  }
  if (capital > MAX_EXACT_CENTS / 1000) return undefined;

  const rows: CentsRow[] = new Array(line.periods);
  const first = ymd(line.firstDueDate);
  const firstMonthIndex = first.year * 12 + first.month - 1;
  let stock = 0;
  let previous: Terms | undefined;
  let computed = 0;
  let computedAt = 1;
  let previousDate = amortisationStart(line);
  let totalPayment = 0;
  let totalAmortisation = 0;
  let totalInterest = 0;
  let totalDeferred = 0;
  const paymentPriority = line.profile === 'payment_priority';

  for (let k = 1; k <= line.periods; k++) {
    const mi = firstMonthIndex + line.periodMonths * (k - 1);
    const y = Math.floor(mi / 12);
    const m = mi - y * 12 + 1;
    const date = isoDate(y, m, Math.min(first.day, daysInMonth(y, m)));
    const terms = termsOn(date);
    const remaining = line.periods - k + 1;
    const recompute = previous === undefined || (paymentPriority ? previous.key !== terms.key : !previous.p.equals(terms.p));
    if (recompute) {
      if (paymentPriority) computed = timesRounded(capital + stock, paymentFactorOf(terms, remaining));
      else computed = terms.p.isZero() ? dividedRounded(capital, remaining) : timesRounded(capital, amortisationFactorOf(terms, remaining));
      computedAt = k;
    }
    previous = terms;

    const base = capital + stock;
    const interest =
      k === 1 && prorated
        ? prorated(terms.rates.rate)
        : line.dayCount === '30/360'
          ? timesRounded(base, terms.t)
          : timesRounded(base, accrualOf(line, terms.rates.rate, countDays(line.dayCount, previousDate, date)));

    let payment: number;
    let amortisation: number;
    let deferred: number;
    if (k === line.periods) {
      amortisation = capital;
      deferred = -stock;
      payment = interest + capital + stock;
      stock = 0;
    } else {
      let due: number;
      if (paymentPriority) {
        due = terms.p.isZero() || k === computedAt ? computed : timesRounded(computed, growthOf(terms.p, k - computedAt));
      } else {
        const scheduled = terms.p.isZero() || k === computedAt ? computed : timesRounded(computed, growthOf(terms.p, k - computedAt));
        due = Math.min(capital, scheduled) + interest;
      }
      // « Intérêts à différer »: the same split as splitPayment (src/loan/deferred-interest.ts).
      const surplus = due - interest;
      if (surplus < 0) {
        payment = due;
        amortisation = 0;
        deferred = -surplus;
        stock += deferred;
      } else {
        const stockRepaid = Math.min(stock, surplus);
        amortisation = Math.min(capital, surplus - stockRepaid);
        payment = interest + stockRepaid + amortisation;
        deferred = -stockRepaid;
        stock -= stockRepaid;
      }
    }
    capital -= amortisation;
    totalPayment += payment;
    totalAmortisation += amortisation;
    totalInterest += interest;
    totalDeferred += deferred;
    rows[k - 1] = {
      number: k,
      dueDate: date,
      ratePct: terms.ratePct,
      payment,
      amortisation,
      interest,
      deferredInterest: deferred,
      capitalAfter: capital,
      deferredStock: stock,
    };
    previousDate = date;
  }
  return {
    line,
    rows,
    totalPayment,
    totalAmortisation,
    totalInterest,
    totalDeferredInterest: totalDeferred,
    usesProjection,
  };
}
