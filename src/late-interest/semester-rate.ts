import { Decimal, ZERO, dec } from '../money/decimal.js';
import { type IsoDate, isoDate, ymd } from '../calendar/date.js';
import { type RateHistory, rateInForce } from '../rates/history.js';

/** A half of a calendar year: S1 from 1 January, S2 from 1 July. */
export interface Semester {
  readonly year: number;
  readonly half: 1 | 2;
}

/** The « majoration » of the procurement rate: eight percentage points over the ECB rate (R2192-31). */
export const PROCUREMENT_MARGIN_PCT: Decimal = dec(8);

export function semesterOf(date: IsoDate): Semester {
  const { year, month } = ymd(date);
  return { year, half: month <= 6 ? 1 : 2 };
}

export function semesterStart(s: Semester): IsoDate {
  return isoDate(s.year, s.half === 1 ? 1 : 7, 1);
}

/** The last day of a date's semester: 30 June or 31 December. */
export function semesterEnd(date: IsoDate): IsoDate {
  const s = semesterOf(date);
  return isoDate(s.year, s.half === 1 ? 6 : 12, s.half === 1 ? 30 : 31);
}

/** "2025-S1". */
export function semesterLabel(s: Semester): string {
  return `${s.year}-S${s.half}`;
}

/** « 1er semestre 2025 », « 2e semestre 2025 ». */
export function semesterLabelFr(s: Semester): string {
  return `${s.half === 1 ? '1er' : '2e'} semestre ${s.year}`;
}

export interface SemesterRate {
  readonly semester: Semester;
  /** ECB rate in force on the semester's first day. */
  readonly ecbRatePct: Decimal;
  readonly ecbEffectiveDate: IsoDate;
  /** ECB rate + the margin (8 points, or 7 before 2013), floored at 0 ({@link PROCUREMENT_RATE_FLOOR_RULE}). */
  readonly ratePct: Decimal;
  /** ECB rate + the margin was below 0: the rate is the floor, 0. */
  readonly floored: boolean;
  /** The semester starts after the last known ECB decision: its last value is held. */
  readonly projected: boolean;
}

/**
 * Where the procurement rate is floored at 0, and why: R2192-31 (formerly
 * décret n° 2013-269 art. 8) gives ECB rate + 8 points and names no floor;
 * a negative rate would have the creditor pay for being paid late, so the
 * floor is our rule where the code is silent.
 */
export const PROCUREMENT_RATE_FLOOR_RULE =
  'CCP R2192-31 (formerly décret n° 2013-269 art. 8) gives ECB rate + 8 points and names no floor; flooring at 0 is finloc\'s rule where the code is silent: late interest never reduces what is owed';

/**
 * The rate of « intérêts moratoires » for interest that starts to run on
 * `interestStart`: the ECB main refinancing rate in force on the first day
 * of that date's semester, plus 8 points (7 for contracts notified before
 * 16 March 2013: see procurement-regime.ts), floored at 0 (an ECB rate below
 * −8 %: {@link PROCUREMENT_RATE_FLOOR_RULE}). It is fixed once, by the
 * semester where interest started, even when the delay runs into the next
 * semester. Undefined when the semester starts before the history.
 */
export function semesterRate(ecb: RateHistory, interestStart: IsoDate, marginPct: Decimal = PROCUREMENT_MARGIN_PCT): SemesterRate | undefined {
  const semester = semesterOf(interestStart);
  const r = rateInForce(ecb, semesterStart(semester));
  if (r === undefined) return undefined;
  const raw = r.ratePct.plus(marginPct);
  const floored = raw.isNegative() && !raw.isZero();
  return { semester, ecbRatePct: r.ratePct, ecbEffectiveDate: r.effectiveDate, ratePct: floored ? ZERO : raw, floored, projected: r.projected };
}
