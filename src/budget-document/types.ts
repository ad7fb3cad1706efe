import type { Decimal } from '../money/decimal.js';
import type { Section } from '../budget/types.js';

/** The namespace of every DocumentBudgetaire (TotEM / Actes budgétaires). */
export const DOCBUDGETAIRE_NS = 'http://www.minefi.gouv.fr/cp/demat/docbudgetaire';

/** Kinds of budget document (`NatDec`). */
export type DocumentKind = 'BP' | 'DM' | 'BS' | 'CA' | 'CFU';

/** Who filed the document and which budget it is. */
export interface DocumentIdentity {
  /** « LibelleColl » of the header: the authority. */
  readonly authority: string;
  /** « IdEtab »: the SIRET of the budget (an annexed budget has its own). */
  readonly siret: string;
  /** « LibelleEtab »: the budget (« BUDGET PRINCIPAL », « LOTISSEMENT LE BOCENO »). */
  readonly budget: string;
  /** « CodBud ». */
  readonly budgetCode?: string;
  /** « Nomenclature » as written (`M14-M14_COM_500_3500`). */
  readonly nomenclature: string;
  /** The norm (`M14`, `M57`, `M4`…), the part before the first `-`. */
  readonly norm: string;
  /** The declination of the chart of accounts (`M14_COM_500_3500`), the part after it. */
  readonly declination: string;
  /** « Exer ». */
  readonly year: number;
  /** « NatDec » as written (`09`). */
  readonly natDec: string;
  readonly kind: DocumentKind;
}

/** A value of the document and the line of the file it is on. */
export interface Located<T> {
  readonly value: T;
  readonly line: number;
}

/** One « LigneBudget ». */
export interface BudgetLine {
  /** Line of the file where the element opens. */
  readonly line: number;
  /** « Nature »: the account (`1641`, `001`, `002`, `1068`). */
  readonly nature: string;
  readonly fonction?: string;
  /** « CodRD »: D expenditure, R receipt. */
  readonly direction: 'D' | 'R';
  /** « OpBudg »: 0 real, 1 order. */
  readonly order: boolean;
  /** « MtReal », « MtRAR3112 », « MtPrev »: absent is zero (TotEM leaves zeros out). */
  readonly realised: Decimal;
  readonly rar: Decimal;
  readonly forecast: Decimal;
  /** « CaracSup Code="Section" », when the line has it. */
  readonly declaredSection?: Section;
}

/** One « EMPRUNT » of the debt annex (DATA_EMPRUNT). */
export interface AnnexLoan {
  readonly line: number;
  /** « CodTypEmpr » (01 own debt, 09 guaranteed debt, 10 the annex's other data). */
  readonly type: string;
  readonly article?: string;
  readonly contract?: string;
  readonly lender?: string;
  readonly yearCashed?: number;
  readonly originalAmount?: Decimal;
  /** « MtCapitalRestDu_01_01 », « MtCapitalExer », « MtCapitalRestDu_31_12 », « MtIntExer »: absent is zero. */
  readonly capitalStart: Decimal;
  readonly capitalRepaid: Decimal;
  readonly capitalEnd: Decimal;
  readonly interest: Decimal;
  /** Raw values of the other elements the export uses (`Txinit`, `Dt1RembInit`, `CodPeriodRemb`, `CodTyptxInit`…). */
  readonly fields: Readonly<Record<string, string>>;
}

/** One « CONCOURS » of the subsidies annex (DATA_CONCOURS). */
export interface AnnexGrant {
  readonly line: number;
  readonly beneficiary: string;
  /** « CodNatJurBenefCA ». */
  readonly legalKind?: string;
  readonly article?: string;
  readonly amount: Decimal;
  readonly fields: Readonly<Record<string, string>>;
}

export interface BudgetDocument {
  readonly identity: DocumentIdentity;
  readonly lines: readonly BudgetLine[];
  readonly loans: readonly AnnexLoan[];
  readonly grants: readonly AnnexGrant[];
  /** Whether the document has a DATA_CONCOURS annex at all. */
  readonly hasGrantAnnex: boolean;
  /** The encoding read from the XML declaration. */
  readonly encoding: 'ISO-8859-1' | 'UTF-8';
}
