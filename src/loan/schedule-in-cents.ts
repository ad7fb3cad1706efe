import { finalSplitIn, splitPaymentIn } from './deferred-interest.js';
import { NUMBERS } from '../money/arithmetic.js';
import { Decimal, compare, rateToPercent } from '../money/decimal.js';
import { type Factor, HALF_ULP, MAX_EXACT_CENTS, dividedRounded, exactTimesRounded, factorOf, lazyFactor, roundedProduct, timesRounded, toCents } from '../money/cents.js';
import { type IsoDate, daysInMonth, isoDateUnchecked, ymd } from '../calendar/date.js';
import { type DayCount, countDays, yearBasis } from '../calendar/day-count.js';
import { type RateHistory, pointInForce, rateInForce } from '../rates/history.js';
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
import { centsPathFits } from './cents-range.js';
import type { AmortizeOptions } from './schedule.js';
import type { InterestMode, LoanLine, PeriodMonths } from './types.js';

/**
 * The same table as `amortize`, figure for figure, computed in integer cents
 * for portfolio runs. Revisions and prefinancing come from the core's
 * functions; fractional powers, the first payment's factor and the per-row
 * products use doubles with an error bound, and the core's Decimal functions
 * decide near a half-cent tie (`timesRounded`, `exactTimesRounded`); the
 * deferred-interest split and the last due date are the core's rules in whole
 * cents (`splitPaymentIn`, `finalSplitIn`). The differential and tie tests
 * (test/loan/schedule-in-cents*.test.ts) hold the two to the same bytes.
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

/** A table's totals, once its rows went to a sink. */
export interface CentsTotals {
  readonly line: LoanLine;
  readonly rowCount: number;
  readonly totalPayment: number;
  readonly totalAmortisation: number;
  readonly totalInterest: number;
  readonly totalDeferredInterest: number;
  /** True when some due date used a projected (held) index value. */
  readonly usesProjection: boolean;
}

export interface CentsSchedule extends CentsTotals {
  readonly rows: CentsRow[];
}

/**
 * Where the rows of the cents path go, one call a row: into a table of rows
 * (`amortizeInCents`), or straight into the output's bytes
 * (`CentsRowWriter`, src/loan/render.ts), with no row object nor date string
 * between: on a portfolio those were a third of what the hot path allocated.
 * The due date comes as year, month and day.
 */
export interface CentsRowSink {
  row(
    number: number,
    year: number,
    month: number,
    day: number,
    ratePct: Decimal,
    payment: number,
    amortisation: number,
    interest: number,
    deferredInterest: number,
    capitalAfter: number,
    deferredStock: number,
  ): void;
}

interface Terms {
  readonly key: string;
  readonly rates: RevisedRates;
  readonly ratePct: Decimal;
  /** The period rate t and the period growth p of the payments, each a double with its error bound and the core's Decimal on demand. */
  readonly t: Factor;
  readonly p: Factor;
  readonly pIsZero: boolean;
  /** Whether t = p exactly (the payment factor's special case). */
  readonly tIsP: boolean;
  /** The relative error of 1+p as a double. */
  readonly growthBaseError: number;
  /** Accruals over actual days at this rate, by days and day count (`accrualOf`), made on the first one. */
  accruals: Map<number, Factor> | undefined;
}

/**
 * Caches shared by the lines of a portfolio. Their entries reference each
 * other (a line's terms by index value hold terms of `termsCache`), so a
 * bound on each cache alone did not bound their memory: they share one
 * budget of entries, and when it is spent all are dropped at once, to be
 * filled again by the lines that follow. The budget is about what 50 000
 * lines of the bench portfolio fill (each worker of a 100 000-line run drops
 * its caches once), so that a million lines run in the memory of a hundred
 * thousand (docs/performance.md).
 */
const CACHE_BUDGET = 24_000;
let cacheBudget = CACHE_BUDGET;
let cacheEntries = 0;
const termsCache = new Map<string, Terms>();
const rateCache = new Map<string, Factor>();
const progressivityCache = new Map<string, Factor>();
const lineTermsCache = new Map<string, LineTerms>();
const revisionCache = new Map<string, RevisionShared>();
const accrualCache = new Map<string, Factor>();

/** Counts one more entry against the budget; drops every cache first when it is spent. */
function spendCacheEntry(): void {
  if (++cacheEntries <= cacheBudget) return;
  for (const cache of [termsCache, rateCache, progressivityCache, lineTermsCache, revisionCache, accrualCache]) cache.clear();
  byRate = new WeakMap();
  cacheEntries = 1;
}

/** Entries held by the caches of the cents path (never above the budget). */
export function cacheEntriesHeld(): number {
  return cacheEntries;
}

/** Sets the budget of entries (tests use a small one, so that the caches are dropped often); returns the one before. */
export function setCacheBudget(entries: number): number {
  const before = cacheBudget;
  cacheBudget = entries;
  return before;
}

function cached<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    // Spent after make: a nested entry may have dropped the caches, and this one is then the first of the new round.
    spendCacheEntry();
    cache.set(key, v);
  }
  return v;
}

function termsOf(line: LoanLine, rates: RevisedRates): Terms {
  const rate = rates.rate.toString();
  const progressivity = rates.progressivity.toString();
  const key = `${rate}|${progressivity}|${line.periodMonths}|${line.interestMode}`;
  return cached(termsCache, key, () => {
    const { periodMonths: months, interestMode: mode } = line;
    const p = cached(progressivityCache, `${progressivity}|${months}|${mode}`, () =>
      periodFactor(rates.progressivity, months, mode, () => periodProgressivity(rates.progressivity, months, mode)),
    );
    const t = cached(rateCache, `${rate}|${months}|${mode}`, () => periodFactor(rates.rate, months, mode, () => periodRate(rates.rate, months, mode)));
    return {
      key,
      rates,
      ratePct: rateToPercent(rates.rate),
      t,
      p,
      // periodProgressivity(0) is 0 in every mode.
      pIsZero: rates.progressivity.isZero(),
      // The same function of equal values (periodProgressivity is periodRate); otherwise the doubles decide unless too close.
      tIsP: compare(rates.rate, rates.progressivity) === 0 || (!apart(t, p) && compare(t.exact(), p.exact()) === 0),
      growthBaseError: onePlusErrorOf(p.approx, p.relativeError),
      accruals: undefined,
    };
  });
}

/** Whether two factors' exact values surely differ: their doubles are further apart than both error bounds. */
function apart(a: Factor, b: Factor): boolean {
  return Math.abs(a.approx - b.approx) > 2 * (Math.abs(a.approx) * a.relativeError + Math.abs(b.approx) * b.relativeError);
}

/** Whether two terms of one line (same periodicity and mode) grow their payments by the same p. */
function sameGrowth(a: Terms, b: Terms): boolean {
  if (a.p === b.p || compare(a.rates.progressivity, b.rates.progressivity) === 0) return true;
  return !apart(a.p, b.p) && compare(a.p.exact(), b.p.exact()) === 0;
}

/**
 * A period rate or growth (rule 1: t = I for a year, I·m/12 proportional,
 * (1+I)^(m/12) − 1 equivalent) as a double with a bound on its error; the
 * core's Decimal (`exact`) is computed only when a product is too close to a
 * half-cent for the double to decide. The fractional powers were the largest
 * cost of decimal.js on a portfolio (docs/performance.md).
 */
export function periodFactor(annual: Decimal, months: PeriodMonths, mode: InterestMode, exact: () => Decimal): Factor {
  if (months === 12 || annual.isZero()) return factorOf(exact());
  const r = annual.toNumber();
  // r within half an ulp, times m (one rounding), over 12 (one more).
  if (mode === 'proportional') return lazyFactor((r * months) / 12, 4 * HALF_ULP, exact);
  return powerMinusOne(r, months / 12, exact);
}

/**
 * (1+r)^e − 1 as a double, r within half an ulp of the exact rate and e
 * within half an ulp of the exact exponent (m/12, days/basis). The error of
 * 1+r is multiplied by e through the power, the exponent's error by |ln(1+r)|·e,
 * Math.pow adds at most an ulp (two are counted); subtracting 1 is exact
 * near 1 (Sterbenz) and rounds once otherwise, but the absolute error of the
 * power becomes relative to the much smaller (1+r)^e − 1. Doubled for safety.
 */
function powerMinusOne(r: number, e: number, exact: () => Decimal): Factor {
  const b = Math.pow(1 + r, e);
  const t = b - 1;
  if (t === 0) return factorOf(exact());
  const bError = (e * onePlusErrorOf(r, HALF_ULP) + Math.abs(Math.log(1 + r)) * e * HALF_ULP) * 1.01 + 4 * HALF_ULP;
  return lazyFactor(t, 2 * ((Math.abs(b) * bError) / Math.abs(t) + HALF_ULP), exact);
}

/** The accrual over actual days (rule 1: (1+I)^(d/basis) − 1 or I·d/basis) as a double with its bound, the core's Decimal on demand. */
export function accrualApprox(rate: Decimal, days: number, dayCount: DayCount, mode: InterestMode): Factor {
  const exact = () => accrualFactor(rate, days, dayCount, mode);
  if (days <= 0 || rate.isZero()) return factorOf(exact());
  const r = rate.toNumber();
  const basis = yearBasis(dayCount);
  if (mode === 'proportional') return lazyFactor((r * days) / basis, 4 * HALF_ULP, exact);
  return powerMinusOne(r, days / basis, exact);
}

/**
 * What lines with the same terms share: their contract terms, or their terms by rank of index value in the history.
 * These objects, as `Terms` and `RevisionShared`, are made with every field, undefined until known: a field added
 * later gave them another hidden class, and V8 threw away the optimised `amortizeInCentsTo`, which had seen only
 * one (`node --trace-deopt`: « wrong map »), to compile it again, about 90 ms of a 2-core host's time each.
 */
interface LineTerms {
  contract: Terms | undefined;
  indexed: { index: RateHistory; terms: Terms[] } | undefined;
  /** Shared with the lines whose revision has the same inputs, whatever their periodicity and interest mode. */
  readonly revision: RevisionShared;
}

/**
 * The revised rates (I', P') by rank of index value of the lines whose
 * revision has the same inputs (margin, rate, progressivity, floor, mode of
 * revision): `revisedRates`, whose P' is a 40-digit division, once for all
 * of them. The bench portfolio has 3 307 sets of line terms but 1 359 such
 * sets of inputs.
 */
interface RevisionShared {
  index: RateHistory | undefined;
  /** The contract's I and P (`contractRates`), the same for every line sharing these inputs. */
  contract: RevisedRates | undefined;
  byPoint: RevisedRates[];
}

/** The revised rates of a line at a rank of index value, computed once for every line sharing its revision's inputs. */
function revisedAt(shared: LineTerms, line: LoanLine, index: RateHistory, point: number): RevisedRates {
  const revision = shared.revision;
  if (revision.index !== index) {
    revision.index = index;
    revision.byPoint = [];
  }
  return (revision.byPoint[point] ??= revisedRates(line, index.points[point]!.ratePct, (revision.contract ??= contractRates(line))));
}

/**
 * The shared terms of a line. Lines read from a file share their Decimals
 * when their cells are the same text (readRow remembers readings), so the
 * terms are first found again by the identity of the line's values, without
 * building a key; else by a key text of everything the terms depend on
 * besides the index value.
 */
function lineTermsOf(line: LoanLine): LineTerms {
  let known = byRate.get(line.ratePct);
  if (known !== undefined) {
    for (const k of known) {
      if (
        k.marginPct === line.marginPct &&
        k.progressivityPct === line.progressivityPct &&
        k.progressivityFloorPct === line.progressivityFloorPct &&
        k.revision === line.revision &&
        k.periodMonths === line.periodMonths &&
        k.interestMode === line.interestMode
      ) {
        return k.shared;
      }
    }
  }
  const revisionKey = `${line.marginPct.toString()}|${line.ratePct.toString()}|${line.progressivityPct.toString()}|${line.progressivityFloorPct.toString()}|${line.revision}`;
  const shared = cached(lineTermsCache, `${revisionKey}|${line.periodMonths}|${line.interestMode}`, () => ({
    contract: undefined,
    indexed: undefined,
    revision: cached(revisionCache, revisionKey, () => ({ index: undefined, contract: undefined, byPoint: [] })),
  }));
  // Looked up again: making the entry may have dropped the caches, and the list found above with them.
  known = byRate.get(line.ratePct);
  if (known === undefined) byRate.set(line.ratePct, (known = []));
  if (known.length < SHARED_BY_RATE) {
    const { marginPct, progressivityPct, progressivityFloorPct, revision, periodMonths, interestMode } = line;
    known.push({ marginPct, progressivityPct, progressivityFloorPct, revision, periodMonths, interestMode, shared });
    spendCacheEntry();
  }
  return shared;
}

type SharedByValues = Pick<LoanLine, 'marginPct' | 'progressivityPct' | 'progressivityFloorPct' | 'revision' | 'periodMonths' | 'interestMode'> & { readonly shared: LineTerms };
/** Shared terms by the rate Decimal of the lines they were found for; dropped with it. */
let byRate = new WeakMap<Decimal, SharedByValues[]>();
/** Entries kept per rate, at most (a rate shared by lines of many margins or progressivities). */
const SHARED_BY_RATE = 32;

/** The terms of a line by rank of index value in the history. */
function indexedTerms(shared: LineTerms, index: RateHistory): Terms[] {
  let byPoint = shared.indexed;
  if (byPoint === undefined || byPoint.index !== index) shared.indexed = byPoint = { index, terms: [] };
  return byPoint.terms;
}

/**
 * round(E·(1+p)^k), the carried payment or amortisation. (1+p)^k is taken as
 * a double: the rounding of p and of 1+p to doubles is amplified k times by
 * the power, and Math.pow adds at most an ulp, hence the error bound; near a
 * tie, the core's own Decimal power decides.
 */
function grown(computed: number, terms: Terms, k: number): number {
  const r = roundedProduct(computed, Math.pow(1 + terms.p.approx, k), k * terms.growthBaseError * 1.01 + 4 * HALF_ULP);
  return r === r ? r : exactTimesRounded(computed, growthFactor(terms.p.exact(), k));
}

/** Relative error bound of 1+x as a double, x itself a double within relative error `e` of its exact value. */
function onePlusErrorOf(x: number, e: number): number {
  return (e * Math.abs(x)) / Math.abs(1 + x) + 2 * HALF_ULP;
}

/**
 * The first payment, cents × (t−p)/(1−((1+p)/(1+t))^n), the factor as a
 * double with a bound on its error, propagated step by step (the
 * subtractions' cancellation included); the Decimal factor of the core is
 * computed only near a tie. Numbers in and out, no object a line.
 */
function firstPayment(cents: number, terms: Terms, n: number): number {
  const { approx: t, relativeError: tError } = terms.t;
  const { approx: p, relativeError: pError } = terms.p;
  let approx: number;
  let error: number;
  if (terms.tIsP) {
    approx = (1 + t) / n;
    error = onePlusErrorOf(t, tError) + 2 * HALF_ULP;
  } else {
    const a = t - p;
  const aError = (2 * (Math.abs(t) * tError + Math.abs(p) * pError)) / Math.abs(a) + HALF_ULP;
    const qError = onePlusErrorOf(p, pError) + onePlusErrorOf(t, tError) + HALF_ULP;
    const r = Math.pow((1 + p) / (1 + t), n);
    const rError = n * qError * 1.01 + 2 * HALF_ULP;
    const d = 1 - r;
    const dError = (Math.abs(r) * rError) / Math.abs(d) + HALF_ULP;
    approx = a / d;
    error = 2 * (aError + dError + HALF_ULP);
  }
  const rounded = roundedProduct(cents, approx, error);
  return rounded === rounded ? rounded : exactTimesRounded(cents, paymentFactor(terms.t.exact(), terms.p.exact(), n));
}

/** The first amortisation, cents × p/((1+p)^n − 1), likewise. */
function firstAmortisation(cents: number, terms: Terms, n: number): number {
  const { approx: p, relativeError: pError } = terms.p;
  const r = Math.pow(1 + p, n);
  const rError = n * onePlusErrorOf(p, pError) * 1.01 + 2 * HALF_ULP;
  const d = r - 1;
  const dError = (Math.abs(r) * rError) / Math.abs(d) + HALF_ULP;
  const rounded = roundedProduct(cents, p / d, 2 * (pError + dError + HALF_ULP));
  return rounded === rounded ? rounded : exactTimesRounded(cents, amortisationFactor(terms.p.exact(), n));
}

/** A date as the number yyyymmdd, which orders as the ISO text does (years 1000 to 9999). */
const dateKey = (date: IsoDate) => {
  const { year, month, day } = ymd(date);
  return year * 10000 + month * 100 + day;
};

/** The effective dates of a history's points and the end of its known values, as date keys: compared on every due date. */
const keysByHistory = new WeakMap<RateHistory, { points: number[]; knownUntil: number }>();
function historyKeys(index: RateHistory): { points: number[]; knownUntil: number } {
  let keys = keysByHistory.get(index);
  if (keys === undefined) {
    keys = { points: index.points.map((p) => dateKey(p.effectiveDate)), knownUntil: dateKey(index.knownUntil) };
    keysByHistory.set(index, keys);
  }
  return keys;
}

/** A constant: compared with a number, a Decimal would parse that number again for every line. */
const MAX_EXACT_EUROS = new Decimal(MAX_EXACT_CENTS / 100);

/**
 * The accrual factor of a row on an actual-day line, kept with its terms (whose
 * key holds the interest mode) by days and day count: a number as key, where
 * a key text built from the rate on every row cost more than the accrual.
 */
function accrualOf(line: LoanLine, terms: Terms, days: number): Factor {
  const key = days * 2 + (line.dayCount === 'actual/360' ? 1 : 0);
  const accruals = (terms.accruals ??= new Map());
  let factor = accruals.get(key);
  if (factor === undefined) {
    factor = cached(accrualCache, `${terms.rates.rate.toString()}|${days}|${line.dayCount}|${line.interestMode}`, () =>
      accrualApprox(terms.rates.rate, days, line.dayCount, line.interestMode),
    );
    spendCacheEntry();
    accruals.set(key, factor);
  }
  return factor;
}

/**
 * The table of rows. Returns undefined when the line may leave the exact
 * range of cents in a double (`centsPathFits`, proved before any row): use
 * `amortize` then.
 */
export function amortizeInCents(line: LoanLine, options: AmortizeOptions = {}): CentsSchedule | undefined {
  const rows: CentsRow[] = [];
  const totals = amortizeInCentsTo(line, options, {
    row(number, year, month, day, ratePct, payment, amortisation, interest, deferredInterest, capitalAfter, deferredStock) {
      rows.push({ number, dueDate: isoDateUnchecked(year, month, day), ratePct, payment, amortisation, interest, deferredInterest, capitalAfter, deferredStock });
    },
  });
  return totals && { ...totals, rows };
}

/**
 * The rows of the table, in order, to `sink`; returns the totals. Returns
 * undefined, before any row, when the line may leave the exact range of
 * cents in a double (`centsPathFits`): use `amortize` then.
 */
export function amortizeInCentsTo(line: LoanLine, options: AmortizeOptions, sink: CentsRowSink): CentsTotals | undefined {
  // A deferral (« différé d'amortissement ») is computed by the Decimal core alone: the fast path has no such rule.
  if ((line.deferralPeriods ?? 0) > 0) return undefined;
  // So are rates fixed in advance by steps (src/loan/rate-steps.ts).
  if ((line.rateSteps?.length ?? 0) > 0) return undefined;
  // And a lender's other conventions (lender-check.ts), which only the Decimal core follows.
  if (options.recomputeEachPeriod || (options.rounding ?? 'half-up') !== 'half-up' || (options.surplusOrder ?? 'stock-first') !== 'stock-first') return undefined;
  const problems = loanLineProblems(line, options);
  if (problems.length > 0) throw new InputError(problems.map((p) => ({ message: p.message, columnName: p.columnName })));
  if (compare(line.principal, MAX_EXACT_EUROS) > 0) return undefined;

  let usesProjection = false;
  const shared = lineTermsOf(line);
  const contract = line.index === 'none' ? (shared.contract ??= termsOf(line, contractRates(line))) : undefined;
  const index = options.index!;
  const byPoint = contract ? undefined : indexedTerms(shared, index);
  const keys = contract ? undefined : historyKeys(index);
  // Due dates only move forward: the index value in force follows them with a cursor.
  let point = -1;
  const termsOn = (key: number, year: number, month: number, day: number): Terms => {
    if (contract) return contract;
    if (key > keys!.knownUntil) usesProjection = true;
    if (point < 0) point = pointInForce(index, isoDateUnchecked(year, month, day));
    else while (point + 1 < keys!.points.length && keys!.points[point + 1]! <= key) point++;
    return (byPoint![point] ??= termsOf(line, revisedAt(shared, line, index, point)));
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
  if (!centsPathFits(line, capital, options.index)) return undefined;

  const first = ymd(line.firstDueDate);
  const firstMonthIndex = first.year * 12 + first.month - 1;
  let stock = 0;
  let previous: Terms | undefined;
  let computed = 0;
  let computedAt = 1;
  // Only an actual day count needs the due dates as text (countDays).
  const thirty360 = line.dayCount === '30/360';
  let previousDate = thirty360 ? undefined : amortisationStart(line);
  let totalPayment = 0;
  let totalAmortisation = 0;
  let totalInterest = 0;
  let totalDeferred = 0;
  const paymentPriority = line.profile === 'payment_priority';

  for (let k = 1; k <= line.periods; k++) {
    const mi = firstMonthIndex + line.periodMonths * (k - 1);
    const y = Math.floor(mi / 12);
    const m = mi - y * 12 + 1;
    const d = Math.min(first.day, daysInMonth(y, m));
    const terms = termsOn(y * 10000 + m * 100 + d, y, m, d);
    const date = thirty360 ? undefined : isoDateUnchecked(y, m, d);
    const remaining = line.periods - k + 1;
    const recompute = previous === undefined || (paymentPriority ? previous.key !== terms.key : !sameGrowth(previous, terms));
    if (recompute) {
      if (paymentPriority) computed = firstPayment(capital + stock, terms, remaining);
      else computed = terms.pIsZero ? dividedRounded(capital, remaining) : firstAmortisation(capital, terms, remaining);
      computedAt = k;
    }
    previous = terms;

    const base = capital + stock;
    const interest =
      k === 1 && prorated
        ? prorated(terms.rates.rate)
        : thirty360
          ? timesRounded(base, terms.t)
          : timesRounded(base, accrualOf(line, terms, countDays(line.dayCount, previousDate!, date!)));

    // « Intérêts à différer » and the last due date: the core's rules (src/loan/deferred-interest.ts), in whole cents.
    // Each split's fields taken where it is made: with no object flowing out of a branch, none is allocated (see splitPaymentIn).
    let payment: number;
    let amortisation: number;
    let deferred: number;
    if (k === line.periods) {
      ({ payment, amortisation, deferredInterest: deferred, stockAfter: stock } = finalSplitIn(NUMBERS, interest, capital, stock));
    } else {
      let due: number;
      if (paymentPriority) {
        due = terms.pIsZero || k === computedAt ? computed : grown(computed, terms, k - computedAt);
      } else {
        const scheduled = terms.pIsZero || k === computedAt ? computed : grown(computed, terms, k - computedAt);
        due = Math.min(capital, scheduled) + interest;
      }
      ({ payment, amortisation, deferredInterest: deferred, stockAfter: stock } = splitPaymentIn(NUMBERS, due, interest, capital, stock));
    }
    capital -= amortisation;
    totalPayment += payment;
    totalAmortisation += amortisation;
    totalInterest += interest;
    totalDeferred += deferred;
    sink.row(k, y, m, d, terms.ratePct, payment, amortisation, interest, deferred, capital, stock);
    previousDate = date;
  }
  return {
    line,
    rowCount: line.periods,
    totalPayment,
    totalAmortisation,
    totalInterest,
    totalDeferredInterest: totalDeferred,
    usesProjection,
  };
}
