import { type CentRounding, Decimal, ZERO, percentToRate, rateToPercent, roundToCentWith, sum } from '../money/decimal.js';
import { type IsoDate, addMonths } from '../calendar/date.js';
import { type RateHistory, rateInForce } from '../rates/history.js';
import { InputError } from '../errors.js';
import { periodProgressivity, periodRate } from './period-rate.js';
import { periodInterest } from './interest.js';
import { carriedPayment, roundedFirstPayment } from './payment.js';
import { carriedAmortisation, roundedFirstAmortisation } from './amortisation-sequence.js';
import { type SurplusOrder, finalSplit, splitPayment, type PaymentSplit } from './deferred-interest.js';
import { type RevisedRates, contractRates, revisedRates, sameRates } from './revision.js';
import {
  amortisationStart,
  capitalisedPrefinancingInterest,
  effectiveDisbursements,
  prefinancingStart,
  proratedFirstInterest,
  totalDisbursed,
} from './prefinancing.js';
import { tegPercent } from './teg.js';
import { hasRateSteps, steppedFirstPayment, steppedRatePct } from './rate-steps.js';
import { loanLineProblems } from './validate.js';
import { tableFigureProblem, tableTotalProblem } from './figure-limit.js';
import type { Disbursement, IndexValueUsed, LoanLine, Schedule, ScheduleRow } from './types.js';

export interface AmortizeOptions {
  /** The index history (Livret A) for indexed lines. */
  readonly index?: RateHistory;
  /** Actual « Versements » of this line, for prefinancing and the first-period prorata. */
  readonly disbursements?: readonly Disbursement[];
  /**
   * A lender's other convention, to diagnose a table that differs
   * (src/loan/lender-check.ts): the payment recomputed at every due date
   * from the rounded remaining capital, instead of computed once and carried
   * forward (the contract's rule, article 12).
   */
  readonly recomputeEachPeriod?: boolean;
  /** Another lender's convention (lender-check.ts): half cents rounded to the even cent instead of away from zero. */
  readonly rounding?: CentRounding;
  /** Another lender's convention (lender-check.ts): a payment's surplus repays the capital before the stock of deferred interest. */
  readonly surplusOrder?: SurplusOrder;
}

/** The due date of number k (1-based), always counted from the first one so month ends do not drift. */
export function dueDate(line: LoanLine, k: number): IsoDate {
  return addMonths(line.firstDueDate, line.periodMonths * (k - 1));
}

interface PeriodTerms {
  readonly rates: RevisedRates;
  readonly t: Decimal;
  readonly p: Decimal;
}

/**
 * The « tableau d'amortissement » of one loan line: rules 1 to 8 of the
 * engine, the contract's articles 9 to 12.
 */
export function amortize(line: LoanLine, options: AmortizeOptions = {}): Schedule {
  const problems = loanLineProblems(line, options);
  if (problems.length > 0) throw new InputError(problems.map((p) => ({ message: p.message, columnName: p.columnName })));

  const indexUsed: IndexValueUsed[] = [];
  const stepped = hasRateSteps(line);
  const rounding = options.rounding ?? 'half-up';
  const order = options.surplusOrder ?? 'stock-first';
  const ratesOn = (date: IsoDate, number: number): RevisedRates => {
    if (line.index === 'none') return stepped ? { ...contractRates(line), rate: percentToRate(steppedRatePct(line, number)) } : contractRates(line);
    const value = rateInForce(options.index!, date)!;
    const last = indexUsed[indexUsed.length - 1];
    if (number > 0) {
      if (last && last.effectiveDate === value.effectiveDate && last.projected === value.projected) {
        indexUsed[indexUsed.length - 1] = { ...last, lastNumber: number };
      } else {
        indexUsed.push({ effectiveDate: value.effectiveDate, ratePct: value.ratePct, projected: value.projected, firstNumber: number, lastNumber: number });
      }
    }
    return revisedRates(line, value.ratePct);
  };
  const termsCache = new Map<string, PeriodTerms>();
  const termsOf = (rates: RevisedRates): PeriodTerms => {
    const key = `${rates.rate.toString()}|${rates.progressivity.toString()}`;
    let terms = termsCache.get(key);
    if (!terms) {
      terms = {
        rates,
        t: periodRate(rates.rate, line.periodMonths, line.interestMode),
        p: periodProgressivity(rates.progressivity, line.periodMonths, line.interestMode),
      };
      termsCache.set(key, terms);
    }
    return terms;
  };

  /** The period rates of due numbers k to the last, as the steps fix them. */
  const scheduledPeriodRates = (k: number): Decimal[] => {
    const rates: Decimal[] = [];
    for (let n = k; n <= line.periods; n++) rates.push(termsOf(ratesOn(dueDate(line, n), n)).t);
    return rates;
  };

  const disbursements = effectiveDisbursements(line, options.disbursements);
  const disbursed = totalDisbursed(disbursements);
  const capitalised =
    line.prefinancingMonths > 0 ? capitalisedPrefinancingInterest(line, disbursements, ratesOn(prefinancingStart(line), 0).rate, rounding) : ZERO;
  const amortisedCapital = disbursed.plus(capitalised);
  const prorate = line.prefinancingMonths === 0 && options.disbursements !== undefined && options.disbursements.length > 0;

  const rows: ScheduleRow[] = [];
  let capital = amortisedCapital;
  let stock = ZERO;
  let previous: PeriodTerms | undefined;
  let computed = ZERO; // the payment (or amortisation) last computed, rounded
  let computedAt = 1;
  let previousDate = amortisationStart(line);
  let firstPeriodRate = ZERO;

  const deferral = line.deferralPeriods ?? 0;
  for (let k = 1; k <= line.periods; k++) {
    const date = dueDate(line, k);
    const terms = termsOf(ratesOn(date, k));
    if (k === 1) firstPeriodRate = terms.t;
    const remaining = line.periods - k + 1;
    // « Différé d'amortissement »: interest only until due date `deferral`; the payment (or amortisation) is first
    // computed at the first amortising due date, over the due dates left, and progressivity counts from there.
    const deferring = k <= deferral;
    const recompute =
      !deferring &&
      (previous === undefined ||
        k === deferral + 1 ||
        options.recomputeEachPeriod === true ||
        // Rates fixed in advance: the first payment already accounts for every step; a step does not recompute it.
        (!stepped && line.profile === 'payment_priority' ? !sameRates(previous.rates, terms.rates) : !previous.rates.progressivity.equals(terms.rates.progressivity)));
    if (recompute) {
      computed =
        line.profile !== 'payment_priority'
          ? roundedFirstAmortisation(capital, terms.p, remaining, rounding)
          : stepped
            ? roundToCentWith(steppedFirstPayment(capital.plus(stock), scheduledPeriodRates(k), terms.p), rounding)
            : roundedFirstPayment(capital.plus(stock), terms.t, terms.p, remaining, rounding);
      computedAt = k;
    }
    previous = terms;

    const interest =
      k === 1 && prorate
        ? proratedFirstInterest(line, disbursements, terms.rates.rate, rounding)
        : periodInterest(capital.plus(stock), terms.rates.rate, terms.t, line.dayCount, line.interestMode, previousDate, date, rounding);

    let split: PaymentSplit;
    if (deferring) {
      split = { payment: interest, amortisation: ZERO, deferredInterest: ZERO, stockAfter: stock };
    } else if (k === line.periods) {
      split = finalSplit(interest, capital, stock);
    } else if (line.profile === 'payment_priority') {
      split = splitPayment(carriedPayment(computed, terms.p, k - computedAt, rounding), interest, capital, stock, order);
    } else {
      const amortisation = Decimal.min(capital, carriedAmortisation(computed, terms.p, k - computedAt, rounding));
      split = splitPayment(amortisation.plus(interest), interest, capital, stock, order);
    }
    capital = capital.minus(split.amortisation);
    stock = split.stockAfter;
    const row: ScheduleRow = {
      number: k,
      dueDate: date,
      ratePct: rateToPercent(terms.rates.rate),
      payment: split.payment,
      amortisation: split.amortisation,
      interest,
      deferredInterest: split.deferredInterest,
      capitalAfter: capital,
      deferredStock: stock,
    };
    const tooLarge = tableFigureProblem(row, line.index !== 'none');
    if (tooLarge) throw new InputError([tooLarge]);
    rows.push(row);
    previousDate = date;
  }

  const totalPayment = sum(rows.map((r) => r.payment));
  const totalInterest = sum(rows.map((r) => r.interest));
  const tooLarge = tableTotalProblem({ payment: totalPayment, interest: totalInterest }, line.index !== 'none');
  if (tooLarge) throw new InputError([tooLarge]);
  return {
    line,
    rows,
    summary: {
      totalPayment,
      totalAmortisation: sum(rows.map((r) => r.amortisation)),
      totalInterest,
      totalDeferredInterest: sum(rows.map((r) => r.deferredInterest)),
      amortisedCapital,
      capitalisedInterest: capitalised,
      firstPayment: rows[0]!.payment,
      periodRatePct: rateToPercent(firstPeriodRate),
      tegPct: tegPercent(firstPeriodRate, line.periodMonths),
      indexValues: indexUsed,
    },
  };
}
