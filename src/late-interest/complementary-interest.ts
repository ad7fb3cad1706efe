import { Decimal, ZERO, percentToRate, roundToCent } from '../money/decimal.js';
import { type IsoDate, addDays, daysBetween, toFrenchDate } from '../calendar/date.js';
import { type RateHistory, rateInForce } from '../rates/history.js';
import { semesterEnd, semesterLabel, semesterOf, semesterStart } from './semester-rate.js';

/**
 * « Intérêts moratoires complémentaires »: the late interest and the
 * indemnity are paid « dans un délai de quarante-cinq jours suivant la mise
 * en paiement du principal » (CCP R2192-36, formerly décret n° 2013-269
 * art. 10). The code names no rate for a delay past it; the DGFiP's
 * instruction of 15 April 2013 applying décret n° 2013-269 to local
 * authorities (n° 13-0014) says that passing the 45 days gives interest at
 * the legal rate (« taux de l'intérêt légal ») under article 1153 of the
 * Code civil (now 1231-6), on the unpaid interest and indemnity.
 */
export const INTEREST_PAYMENT_DAYS = 45;

/** The year of the legal-rate formula: 365 days, leap years too (the practice of the courts' calculators). */
export const LEGAL_RATE_DAYS_IN_YEAR = 365;

export interface ComplementaryPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  /** The legal rate of the semester (« tous les autres cas »: a creditor acting for its business). */
  readonly ratePct: Decimal;
}

export interface ComplementaryInterest {
  /** The last day the interest and indemnity could be paid: principal paid + 45 days. */
  readonly limit: IsoDate;
  /** First day of complementary interest, when paid after the limit. */
  readonly start: IsoDate | undefined;
  readonly days: number;
  /** One period per semester, each at its own legal rate. */
  readonly periods: readonly ComplementaryPeriod[];
  readonly interest: Decimal;
}

export type ComplementaryOutcome =
  | { readonly ok: true; readonly result: ComplementaryInterest }
  | { readonly ok: false; readonly message: string };

/**
 * Complementary interest on `base` (the late interest + the indemnity)
 * paid on `interestPaid` for a principal paid on `principalPaid`: from
 * the day after principal + 45 days up to and including `interestPaid`,
 * each semester at its legal rate, Σ base × rate × days / 365, rounded
 * half-up to the cent once.
 *
 * Example: 131,64 € (91,64 € of interest and 40 €) for a principal paid
 * 03/03/2025, paid 17/05/2025: limit 17/04/2025, 30 days from 18/04/2025
 * in 2025-S1 at 3,71 %: 131,64 × 0,0371 × 30 / 365 = 0,401 4… → 0,40 €.
 */
export function complementaryInterest(base: Decimal, principalPaid: IsoDate, interestPaid: IsoDate, legal: RateHistory): ComplementaryOutcome {
  const limit = addDays(principalPaid, INTEREST_PAYMENT_DAYS);
  const days = Math.max(0, daysBetween(limit, interestPaid));
  if (days === 0 || base.isZero()) return { ok: true, result: { limit, start: undefined, days: 0, periods: [], interest: ZERO } };
  const start = addDays(limit, 1);
  const periods: ComplementaryPeriod[] = [];
  let from = start;
  while (from <= interestPaid) {
    const semester = semesterOf(from);
    const first = semesterStart(semester);
    const last = semesterEnd(from);
    const to = last < interestPaid ? last : interestPaid;
    const r = rateInForce(legal, first);
    if (r === undefined || r.projected) {
      return {
        ok: false,
        message: `complementary interest runs in semester ${semesterLabel(semester)}, for which the ${legal.name} history ` +
          `(${toFrenchDate(legal.points[0]!.effectiveDate)} … ${toFrenchDate(legal.knownUntil)}) gives no rate; give it with --legal-rates FILE`,
      };
    }
    periods.push({ from, to, days: daysBetween(from, to) + 1, ratePct: r.ratePct });
    from = addDays(to, 1);
  }
  const exact = periods.reduce((acc, p) => acc.plus(base.times(percentToRate(p.ratePct)).times(p.days)), ZERO);
  return { ok: true, result: { limit, start, days, periods, interest: roundToCent(exact.div(LEGAL_RATE_DAYS_IN_YEAR)) } };
}
