import { Decimal, ZERO, roundToCent, sum } from '../money/decimal.js';
import { type IsoDate, isoDate } from '../calendar/date.js';
import { countDays } from '../calendar/day-count.js';
import { amortisationStart, prefinancingStart } from './prefinancing.js';
import type { Schedule } from './types.js';

/**
 * The year-end figures of a loan line, as a compte administratif's debt
 * annex files them (« état de la dette », DATA_EMPRUNT/EMPRUNT:
 * MtCapitalRestDu_01_01, MtCapitalExer, MtIntExer, MtCapitalRestDu_31_12,
 * MtICNE) and as the year-end entries post them.
 */
export interface YearEndFigures {
  readonly lineId: string;
  readonly year: number;
  /** « Capital restant dû au 1er janvier »: owed after every due date before the year. */
  readonly capitalJanuary1: Decimal;
  /** Capital that became owed in the year: what was lent (the line, or its actual « Versements »), when the loan starts in the year. */
  readonly borrowed: Decimal;
  /** Prefinancing interest capitalised in the year (added to the capital when the amortisation phase starts). */
  readonly capitalisedInterest: Decimal;
  /** « Capital remboursé dans l'exercice »: Σ amortisation of the due dates in the year. */
  readonly capitalRepaid: Decimal;
  /** « Intérêts payés dans l'exercice »: Σ interest of the due dates in the year. */
  readonly interestPaid: Decimal;
  /** « Intérêts différés »: Σ interest deferred at the due dates in the year (added to the stock, not paid). */
  readonly interestDeferred: Decimal;
  /** « Capital restant dû au 31 décembre ». */
  readonly capitalDecember31: Decimal;
  /**
   * « Intérêts courus non échus » at 31 December: the interest of the due
   * date running at 31 December × the days from its period's start to 31
   * December over the period's days, in the line's day count, rounded half-up
   * to the cent; 0 when no period is running (the line is repaid, not started,
   * or in its prefinancing phase, whose interest is capitalised, not paid).
   */
  readonly icne: Decimal;
}

/**
 * Example (CDC contract 180000, line 5676228, 2027): 1 January 552 514,25
 * (after the due date of 29/10/2026); due date of 29/10/2027: 17 506,34 of
 * capital and 12 707,83 of interest; 31 December 535 007,91. ICNE: the due
 * date of 29/10/2028 bears 12 305,18 of interest over 29/10/2027 → 29/10/2028
 * (360 days, 30/360), of which 29/10 → 31/12/2027 = 2 × 30 + (30 − 29) = 61
 * days (30E/360: the 31st counts as the 30th):
 * 12 305,18 × 61 / 360 = 750 615,98 / 360 = 2 085,044… → 2 085,04.
 */
export function yearEndFigures(schedule: Schedule, year: number): YearEndFigures {
  const { line, rows, summary } = schedule;
  const january1 = isoDate(year, 1, 1);
  const december31 = isoDate(year, 12, 31);
  const lastDayBefore = isoDate(year - 1, 12, 31);
  const start = line.prefinancingMonths > 0 ? prefinancingStart(line) : amortisationStart(line);
  const phaseStart = amortisationStart(line);
  // What was lent: the line, or the sum of its actual « Versements » when given (capital amortised − capitalised interest).
  const lent = summary.amortisedCapital.minus(summary.capitalisedInterest);
  const capitalOn = (day: IsoDate): Decimal => {
    if (day < start) return ZERO;
    let capital = day < phaseStart ? lent : summary.amortisedCapital;
    for (const r of rows) {
      if (r.dueDate > day) break;
      capital = r.capitalAfter;
    }
    return capital;
  };
  const inYear = rows.filter((r) => r.dueDate >= january1 && r.dueDate <= december31);
  const capitalJanuary1 = capitalOn(lastDayBefore);
  const borrowed = start >= january1 && start <= december31 ? lent : ZERO;
  const capitalisedInterest = line.prefinancingMonths > 0 && phaseStart > lastDayBefore && phaseStart <= december31 ? summary.capitalisedInterest : ZERO;
  return {
    lineId: line.lineId,
    year,
    capitalJanuary1,
    borrowed,
    capitalisedInterest,
    capitalRepaid: sum(inYear.map((r) => r.amortisation)),
    interestPaid: sum(inYear.map((r) => r.interest)),
    interestDeferred: sum(inYear.map((r) => r.deferredInterest)),
    capitalDecember31: capitalOn(december31),
    icne: accruedInterest(schedule, december31),
  };
}

/** « ICNE »: see {@link YearEndFigures.icne}. */
export function accruedInterest(schedule: Schedule, day: IsoDate): Decimal {
  const { line, rows } = schedule;
  let periodStart = amortisationStart(line);
  if (day < periodStart) return ZERO;
  for (const r of rows) {
    if (r.dueDate > day) {
      const elapsed = countDays(line.dayCount, periodStart, day);
      const whole = countDays(line.dayCount, periodStart, r.dueDate);
      return whole > 0 ? roundToCent(r.interest.times(elapsed).div(whole)) : ZERO;
    }
    periodStart = r.dueDate;
  }
  return ZERO;
}

/** The figures of several lines added up (the total row of the annex). */
export function yearEndTotals(figures: readonly YearEndFigures[]): Omit<YearEndFigures, 'lineId' | 'year'> {
  const total = (pick: (f: YearEndFigures) => Decimal) => sum(figures.map(pick));
  return {
    capitalJanuary1: total((f) => f.capitalJanuary1),
    borrowed: total((f) => f.borrowed),
    capitalisedInterest: total((f) => f.capitalisedInterest),
    capitalRepaid: total((f) => f.capitalRepaid),
    interestPaid: total((f) => f.interestPaid),
    interestDeferred: total((f) => f.interestDeferred),
    capitalDecember31: total((f) => f.capitalDecember31),
    icne: total((f) => f.icne),
  };
}
