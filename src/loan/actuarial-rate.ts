import { Decimal, ZERO } from '../money/decimal.js';
import type { IsoDate } from '../calendar/date.js';
import { countDays } from '../calendar/day-count.js';
import { periodsPerYear } from './period-rate.js';
import { effectiveDisbursements } from './prefinancing.js';
import type { Disbursement, Schedule } from './types.js';

/** A flow of the loan seen from the borrower: + what it receives (a « Versement »), − what it pays (each due date's payment, fees). */
export interface LoanFlow {
  readonly date: IsoDate;
  readonly amount: Decimal;
}

/** The borrower's flows: the disbursements (the contract's hypothesis when none is given), minus the fees, then every payment. */
export function loanFlows(schedule: Schedule, disbursements?: readonly Disbursement[], fees: Decimal = ZERO): LoanFlow[] {
  const given = effectiveDisbursements(schedule.line, disbursements);
  const flows: LoanFlow[] = given.map((d, k) => ({ date: d.date, amount: k === 0 ? d.amount.minus(fees) : d.amount }));
  for (const r of schedule.rows) flows.push({ date: r.dueDate, amount: r.payment.negated() });
  return flows;
}

/**
 * The search stops when the flows' present value is within 10^-9 € of zero
 * (the issue asks 10^-8 €), or when the bracket is narrower than 10^-24 (a
 * period rate: far within the 10^-10 asked; Decimal holds 40 digits).
 */
const PV_TOLERANCE = new Decimal('1e-9');
const TOLERANCE = new Decimal('1e-24');
const MAX_STEPS = 400;

export interface ActuarialRate {
  /** The period rate r that makes Σ flow × (1 + r)^(−t) = 0, t in periods of normalised months from the first flow. */
  readonly periodRate: Decimal;
  /** r × periods a year, in %: the TEG convention (« taux de période » × « durée de période » normalised to the year). */
  readonly proportionalPct: Decimal;
  /** (1 + r)^(periods a year) − 1, in %: the equivalent annual rate. */
  readonly equivalentAnnualPct: Decimal;
}

/**
 * The actuarial rate of all the borrower's flows (« taux actuariel »): the
 * internal rate of return, found by the Illinois variant of the regula falsi
 * within a bracket where the present value changes sign, which always
 * converges (each step keeps the root inside). Times are counted in periods
 * of normalised months (30/360 days ÷ 30 × period months), so that due dates
 * on the same day of the month are whole periods apart.
 *
 * Example: 1 000 lent on 01/01/2027, 1 100 repaid on 01/01/2028, annual:
 * 1 000 − 1 100 / (1 + r) = 0 → r = 10 %; proportional 10 %, equivalent 10 %.
 * For a single-rate loan without deferral or fees it is the period rate
 * itself, so that its proportional form is the TEG.
 */
export function actuarialRate(flows: readonly LoanFlow[], periodMonths: number): ActuarialRate {
  const start = flows[0]!.date;
  const times = flows.map((f) => new Decimal(countDays('30/360', start, f.date)).div(30 * periodMonths));
  const pv = (r: Decimal): Decimal => {
    const base = r.plus(1);
    return flows.reduce((acc, f, k) => acc.plus(f.amount.div(base.pow(times[k]!))), ZERO);
  };
  // The bracket: f(0) = Σ flows; f grows towards the first disbursement as r grows (payments are discounted away).
  let lo = ZERO;
  let flo = pv(lo);
  let hi: Decimal;
  let fhi: Decimal;
  if (flo.isZero()) return result(ZERO, periodMonths);
  if (flo.isNegative()) {
    hi = new Decimal(1);
    while ((fhi = pv(hi)).isNegative()) hi = hi.times(2);
  } else {
    // Negative interest: the root lies between −1 and 0.
    hi = lo;
    fhi = flo;
    lo = new Decimal(-0.5);
    while (!(flo = pv(lo)).isNegative()) lo = lo.plus(1).div(2).minus(1);
  }
  let side = 0;
  for (let step = 0; step < MAX_STEPS && hi.minus(lo).abs().greaterThan(TOLERANCE); step++) {
    const r = lo.times(fhi).minus(hi.times(flo)).div(fhi.minus(flo));
    const fr = pv(r);
    if (fr.abs().lessThan(PV_TOLERANCE)) return result(r, periodMonths);
    if (fr.isNegative() === flo.isNegative()) {
      lo = r;
      flo = fr;
      if (side === -1) fhi = fhi.div(2);
      side = -1;
    } else {
      hi = r;
      fhi = fr;
      if (side === 1) flo = flo.div(2);
      side = 1;
    }
  }
  return result(lo.plus(hi).div(2), periodMonths);
}

function result(r: Decimal, periodMonths: number): ActuarialRate {
  const n = periodsPerYear(periodMonths as never);
  return { periodRate: r, proportionalPct: r.times(n).times(100), equivalentAnnualPct: r.plus(1).pow(n).minus(1).times(100) };
}
