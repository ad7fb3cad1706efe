import type { Decimal } from '../money/decimal.js';
import type { IsoDate } from '../calendar/date.js';
import type { DayCount } from '../calendar/day-count.js';

/** « Périodicité »: months per period. Every value divides the year. */
export type PeriodMonths = 1 | 2 | 3 | 4 | 6 | 12;

/** « Index »: the Livret A, or none for a fixed rate. */
export type IndexName = 'livret_a' | 'none';

/**
 * « Modalité de révision » (article 10): DL « double révisabilité limitée »,
 * DR « double révisabilité », SR « simple révisabilité », none for a fixed rate.
 */
export type RevisionMode = 'DL' | 'DR' | 'SR' | 'none';

/**
 * « Profil d'amortissement » (article 12): payment priority is « échéance
 * prioritaire (intérêts différés) », amortisation priority is
 * « amortissement prioritaire (échéance déduite) ».
 */
export type AmortisationProfile = 'payment_priority' | 'amortisation_priority';

/** « Mode de calcul des intérêts »: equivalent or proportional period rate. */
export type InterestMode = 'equivalent' | 'proportional';

/** One « Ligne du Prêt », as the contract's article 9 describes it. */
export interface LoanLine {
  readonly lineId: string;
  /** « Montant de la Ligne du Prêt », €. */
  readonly principal: Decimal;
  readonly firstDueDate: IsoDate;
  /** Number of due dates of the amortisation phase. */
  readonly periods: number;
  readonly periodMonths: PeriodMonths;
  readonly index: IndexName;
  /** « Marge fixe sur index », in %. */
  readonly marginPct: Decimal;
  /** « Taux d'intérêt » I of the contract, in %, actualised at the effective date. */
  readonly ratePct: Decimal;
  readonly revision: RevisionMode;
  /** « Taux de progressivité de l'échéance » P, annual, in %. */
  readonly progressivityPct: Decimal;
  /** « Taux plancher de progressivité des échéances » (DL), in %. */
  readonly progressivityFloorPct: Decimal;
  readonly profile: AmortisationProfile;
  readonly interestMode: InterestMode;
  readonly dayCount: DayCount;
  /** « Durée de la Phase de Préfinancement », months; 0 without one. */
  readonly prefinancingMonths: number;
  /**
   * « Différé d'amortissement »: the first due dates of the amortisation
   * phase that pay interest only (amortisation 0, capital unchanged); the
   * line then amortises over the remaining due dates. Absent: 0.
   */
  readonly deferralPeriods?: number;
  /**
   * « Taux par paliers »: rates fixed in advance (fixed-rate lines only),
   * each from a due number on; absent or empty: the line's rate throughout
   * (src/loan/rate-steps.ts).
   */
  readonly rateSteps?: readonly RateStep[];
  /**
   * Fees paid by the borrower at disbursement (« frais de dossier »,
   * « commission d'engagement »), in €: they change no figure of the table,
   * only the actuarial rate (src/loan/actuarial-rate.ts). Absent: none.
   */
  readonly fees?: Decimal;
}

/** From due number `fromNumber` on (1 = first due date of the amortisation phase, deferral included), the annual rate is `ratePct` %. */
export interface RateStep {
  readonly fromNumber: number;
  readonly ratePct: Decimal;
}

/** A « Versement »: money actually put at the borrower's disposal. */
export interface Disbursement {
  readonly date: IsoDate;
  readonly amount: Decimal;
}

/** One row of the « tableau d'amortissement ». */
export interface ScheduleRow {
  /** « N° d'échéance ». */
  readonly number: number;
  readonly dueDate: IsoDate;
  /** « Taux d'intérêt (en %) » applied to this row's interest. */
  readonly ratePct: Decimal;
  /** « Echéance »: what the borrower pays on the due date. */
  readonly payment: Decimal;
  /** « Amortissement »: capital repaid. */
  readonly amortisation: Decimal;
  /** « Intérêts »: interest of the period on capital plus stock. */
  readonly interest: Decimal;
  /**
   * « Intérêts à différer »: interest added to the stock this period
   * (positive), or stock repaid out of the payment (negative).
   */
  readonly deferredInterest: Decimal;
  /** « Capital dû après remboursement ». */
  readonly capitalAfter: Decimal;
  /** « Stock d'intérêts différés » after this due date. */
  readonly deferredStock: Decimal;
}

/** An index value the schedule used, and whether it was published or held as a projection. */
export interface IndexValueUsed {
  readonly effectiveDate: IsoDate;
  readonly ratePct: Decimal;
  readonly projected: boolean;
  /** Due dates (by number) that used it. */
  readonly firstNumber: number;
  readonly lastNumber: number;
}

export interface ScheduleSummary {
  readonly totalPayment: Decimal;
  readonly totalAmortisation: Decimal;
  readonly totalInterest: Decimal;
  readonly totalDeferredInterest: Decimal;
  /** Capital amortised: the line amount, plus capitalised prefinancing interest. */
  readonly amortisedCapital: Decimal;
  readonly capitalisedInterest: Decimal;
  readonly firstPayment: Decimal;
  /** « Taux de période » of the first due date, in %. */
  readonly periodRatePct: Decimal;
  /** « TEG »: period rate × periods a year (article 4), in %. */
  readonly tegPct: Decimal;
  readonly indexValues: readonly IndexValueUsed[];
}

export interface Schedule {
  readonly line: LoanLine;
  readonly rows: readonly ScheduleRow[];
  readonly summary: ScheduleSummary;
}
