import type { Decimal } from '../money/decimal.js';
import type { IsoDate } from '../calendar/date.js';
import type { BeneficiaryId } from './beneficiary-id.js';

/**
 * One grant of a subsidy deliberation: one amount, to one beneficiary,
 * from one envelope (« enveloppe de fonctionnement », « enveloppe
 * exceptionnelle »). An association's operating subsidy made of an
 * arbitrated amount and a youth complement is two grants.
 */
export interface Grant {
  /** Line of the grants file, to locate problems and results. */
  readonly line?: number;
  /** « Bénéficiaire », as the act names it. */
  readonly beneficiary: string;
  readonly beneficiaryId?: BeneficiaryId;
  readonly envelope: string;
  /** What the amount is for within its envelope: arbitrated, youth, employment, project… (free word). */
  readonly kind?: string;
  readonly amount: Decimal;
  /** Granted « pour un maximum de »: paid on proof, up to the amount. */
  readonly ceiling: boolean;
  /** Members (« licenciés ») a per-member complement is paid for. */
  readonly members?: number;
  /** Amount per member of a complement (« 20 € par licencié »). */
  readonly ratePerMember?: Decimal;
  /** « Objet » of the grant. */
  readonly purpose?: string;
  /** Date of the deliberation (or of the convention) granting it. */
  readonly decisionDate?: IsoDate;
  /** The act's own number (« N° 26/72 »). */
  readonly decisionReference?: string;
  /** « Conditions de versement »: unique, échelonné, or the act's words. */
  readonly paymentTerms?: string;
  /** « Date ou période de versement »: a date, or a period from/to. */
  readonly paymentDates?: { readonly from: IsoDate; readonly to?: IsoDate };
  /** « Aide d'État notifiée à la Commission européenne ». */
  readonly euNotified: boolean;
}
