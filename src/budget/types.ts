import type { Decimal } from '../money/decimal.js';

/** The two sections of a budget (« section d'investissement », « section de fonctionnement »). */
export type Section = 'investment' | 'operating';
export const SECTIONS: readonly Section[] = ['investment', 'operating'];

/** What the accounts of the closed year show for one section (« réalisations de l'exercice »). */
export interface SectionExecution {
  /** « Dépenses » (mandats émis). */
  readonly expenditure: Decimal;
  /** « Recettes » (titres émis). */
  readonly receipts: Decimal;
  /** Signed result carried over from earlier years: 001 (investment) or 002 (operating); + surplus. */
  readonly carriedOver: Decimal;
}

/** « Restes à réaliser » of one section: committed, not yet executed at 31 December. */
export interface SectionCarriedCommitments {
  readonly expenditure: Decimal;
  readonly receipts: Decimal;
}

/** Everything the allocation of the result needs, as read from a RESULTS file. */
export interface BudgetResults {
  readonly investment: SectionExecution;
  readonly operating: SectionExecution;
  readonly rarInvestment: SectionCarriedCommitments;
  readonly rarOperating: SectionCarriedCommitments;
  /** « Recettes réelles de fonctionnement », the base of the deficit alert when given. */
  readonly operatingReceiptsReal?: Decimal;
  /** Inhabitants of the commune, or total of the grouping's communes: chooses the alert threshold. */
  readonly population?: Decimal;
}
