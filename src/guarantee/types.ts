import type { Decimal } from '../money/decimal.js';
import type { Schedule, ScheduleRow } from '../loan/types.js';

/** One guarantor's guarantee of one loan line, as the guarantee deliberation grants it. */
export interface Guarantee {
  readonly lineId: string;
  /** « Garant »: the local authority that guarantees. */
  readonly guarantor: string;
  /** « Quotité garantie », in %, in ]0, 100]. */
  readonly sharePct: Decimal;
  /** « Emprunteur »: the debtor (division of risks, D1511-34). */
  readonly borrower?: string;
  /** Reference of the deliberation (« délibération n° 26/71 »). */
  readonly deliberation?: string;
  /** « La somme en principal de … euros » as the deliberation writes it. */
  readonly statedPrincipal?: Decimal;
  /** Why the line is outside the prudential ratios (L2252-2, e.g. logement_social); undefined when it is not. */
  readonly exempt?: string;
  /** « Opération d'aménagement » (L300-1 code de l'urbanisme): the share cap is 80 %, not 50 % (D1511-35). */
  readonly developmentOperation: boolean;
}

/** A guarantor's part of one row of the « tableau d'amortissement »: the loan row's figures, without the rate. */
export type GuaranteedRow = Omit<ScheduleRow, 'ratePct'>;

/** One guarantee with the guaranteed part of its line's schedule. */
export interface GuaranteedLine {
  readonly guarantee: Guarantee;
  readonly schedule: Schedule;
  /** Σ of the shares of every guarantor of the line, in %. */
  readonly lineSharePct: Decimal;
  /** The guarantor's part of the line's principal (« montant garanti en principal »). */
  readonly principal: Decimal;
  /** The guarantor's part of the capital amortised (principal plus capitalised prefinancing interest). */
  readonly capitalBefore: Decimal;
  readonly rows: readonly GuaranteedRow[];
}
