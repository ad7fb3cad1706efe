import { Decimal, ONE, ZERO, percentToRate, sum } from '../money/decimal.js';
import { normaliseToken } from '../csv/fields.js';
import { periodsPerYear } from '../loan/period-rate.js';
import { guaranteeYear, owedInYear } from './yearly.js';
import { RATIO_INPUT_ITEMS, type RatioInputItem } from './input.js';

import type { GuaranteedLine } from './types.js';

/** The guarantor's own figures the ratios need, from its « budget primitif principal » of the year. */
export interface RatioInputs {
  readonly guarantor: string;
  readonly year: number;
  /** « Recettes réelles de fonctionnement » (D1511-31). */
  readonly realOperatingRevenue: Decimal;
  /** « Montant net des annuités de la dette » of its own debt (D1511-30). */
  readonly ownDebtNetAnnuity: Decimal;
  /** « Provisions spécifiques » for guarantees (L2252-1, coefficient of D1511-33). */
  readonly guaranteeProvisions: Decimal;
  /** The line of the new guarantee, if the check is for one (« nouveau concours garanti »). */
  readonly newLineId?: string;
}

/**
 * The inputs of the ratios of one guarantor's lines for one year, from the
 * three amounts by item (see RATIO_INPUT_ITEMS) and the new loan's line,
 * if any; or what keeps them from being computed: the items missing, or a
 * new line that is not one of those the guarantor guarantees.
 */
export function ratioInputsOf(
  lines: readonly GuaranteedLine[],
  year: number,
  amounts: ReadonlyMap<RatioInputItem, Decimal>,
  newLineId?: string,
): { inputs: RatioInputs } | { missing: RatioInputItem[] } | { foreignNewLine: string } {
  const missing = (Object.keys(RATIO_INPUT_ITEMS) as RatioInputItem[]).filter((item) => !amounts.has(item));
  if (missing.length > 0) return { missing };
  if (newLineId !== undefined && !lines.some((l) => l.guarantee.lineId === newLineId)) return { foreignNewLine: newLineId };
  return {
    inputs: {
      guarantor: lines[0]!.guarantee.guarantor,
      year,
      realOperatingRevenue: amounts.get('real_operating_revenue')!,
      ownDebtNetAnnuity: amounts.get('own_debt_net_annuity')!,
      guaranteeProvisions: amounts.get('guarantee_provisions')!,
      ...(newLineId !== undefined ? { newLineId } : {}),
    },
  };
}

/** D1511-32: the ceiling is 50 % of real operating revenue. */
export const CEILING_PCT = new Decimal(50);
/** D1511-33: coefficient applied to the provisions. */
export const PROVISIONS_COEFFICIENT = ONE;
/** D1511-34: one debtor's annuities, at most 10 % of the total that may be guaranteed. */
export const BORROWER_PCT = new Decimal(10);
/** D1511-35: the share of local authorities on one loan, 50 %, 80 % for « opérations d'aménagement ». */
export const SHARE_CAP_PCT = new Decimal(50);
export const DEVELOPMENT_SHARE_CAP_PCT = new Decimal(80);

/** (a) « Plafonnement »: every term, the limit and the verdict. */
export interface CeilingRatio {
  readonly guaranteedAnnuities: Decimal;
  readonly newLoanFirstAnnuity: Decimal;
  readonly ownDebtNetAnnuity: Decimal;
  readonly provisions: Decimal;
  readonly provisionsCoefficient: Decimal;
  /** annuities + new loan + own debt − provisions × coefficient. */
  readonly total: Decimal;
  readonly realOperatingRevenue: Decimal;
  readonly limitPct: Decimal;
  readonly limit: Decimal;
  /** limit − total: what may still be guaranteed (negative when exceeded). */
  readonly margin: Decimal;
  readonly holds: boolean;
}

/** (b) « Division des risques », one debtor. */
export interface BorrowerRatio {
  readonly borrower: string;
  readonly lineIds: readonly string[];
  readonly annuities: Decimal;
  readonly newLoanFirstAnnuity: Decimal;
  readonly total: Decimal;
  /** The total that may be guaranteed: 50 % of revenue − own debt + provisions (the room of ratio (a) for guaranteed annuities). */
  readonly mayBeGuaranteed: Decimal;
  readonly limitPct: Decimal;
  readonly limit: Decimal;
  readonly holds: boolean;
}

/** (c) « Partage des risques », one loan. */
export interface ShareRatio {
  readonly lineId: string;
  readonly borrower: string;
  readonly developmentOperation: boolean;
  /** Σ of the shares of every guarantor of the line. */
  readonly sharePct: Decimal;
  readonly limitPct: Decimal;
  readonly holds: boolean;
}

export interface ExemptLine {
  readonly lineId: string;
  readonly borrower: string;
  readonly reason: string;
}

export interface PrudentialRatios {
  readonly inputs: RatioInputs;
  readonly ceiling: CeilingRatio;
  readonly borrowers: readonly BorrowerRatio[];
  readonly shares: readonly ShareRatio[];
  /** Lines of the guarantor left out of the three ratios (L2252-2), and why. */
  readonly exempt: readonly ExemptLine[];
  readonly holds: boolean;
}

/** A line without a named debtor is taken as its own debtor. */
export function borrowerOf(line: GuaranteedLine): string {
  return line.guarantee.borrower ?? `line ${line.guarantee.lineId}`;
}

/**
 * « Première annuité entière » of a new guaranteed loan: the guarantor's
 * part of the first year of due dates (one due date if annual, the first
 * four if quarterly…), the first full year of amortisation.
 */
export function firstFullAnnuity(line: GuaranteedLine): Decimal {
  return sum(line.rows.slice(0, periodsPerYear(line.schedule.line.periodMonths)).map((r) => r.payment));
}

/** (a) L2252-1 al. 2, D1511-30 to D1511-33. */
export function ceilingRatio(terms: Omit<CeilingRatio, 'total' | 'limit' | 'margin' | 'holds' | 'limitPct' | 'provisionsCoefficient'>): CeilingRatio {
  const total = terms.guaranteedAnnuities.plus(terms.newLoanFirstAnnuity).plus(terms.ownDebtNetAnnuity).minus(terms.provisions.times(PROVISIONS_COEFFICIENT));
  const limit = terms.realOperatingRevenue.times(percentToRate(CEILING_PCT));
  return { ...terms, provisionsCoefficient: PROVISIONS_COEFFICIENT, total, limitPct: CEILING_PCT, limit, margin: limit.minus(total), holds: total.lessThanOrEqualTo(limit) };
}

/** (b) L2252-1 al. 3, D1511-34. */
export function borrowerRatio(terms: Pick<BorrowerRatio, 'borrower' | 'lineIds' | 'annuities' | 'newLoanFirstAnnuity' | 'mayBeGuaranteed'>): BorrowerRatio {
  const total = terms.annuities.plus(terms.newLoanFirstAnnuity);
  const limit = terms.mayBeGuaranteed.times(percentToRate(BORROWER_PCT));
  return { ...terms, total, limitPct: BORROWER_PCT, limit, holds: total.lessThanOrEqualTo(limit) };
}

/** (c) L2252-1 al. 4, D1511-35. */
export function shareRatio(terms: Pick<ShareRatio, 'lineId' | 'borrower' | 'developmentOperation' | 'sharePct'>): ShareRatio {
  const limitPct = terms.developmentOperation ? DEVELOPMENT_SHARE_CAP_PCT : SHARE_CAP_PCT;
  return { ...terms, limitPct, holds: terms.sharePct.lessThanOrEqualTo(limitPct) };
}

/**
 * The three prudential ratios of one guarantor for one year, over the lines
 * it guarantees that are not exempt (L2252-2: social housing and the other
 * cases; those are listed apart). The guaranteed annuities are the
 * guarantor's part of the annuities falling due in the year; the new loan,
 * when named, counts by its first full annuity instead.
 */
export function prudentialRatios(lines: readonly GuaranteedLine[], inputs: RatioInputs): PrudentialRatios {
  const own = lines.filter((l) => normaliseToken(l.guarantee.guarantor) === normaliseToken(inputs.guarantor));
  const exempt = own.filter((l) => l.guarantee.exempt !== undefined);
  const counted = own.filter((l) => l.guarantee.exempt === undefined);
  const isNew = (l: GuaranteedLine) => inputs.newLineId !== undefined && l.guarantee.lineId === inputs.newLineId;
  const annuityInYear = (l: GuaranteedLine) => (owedInYear(l, inputs.year) ? guaranteeYear(l, inputs.year).part.annuity : ZERO);

  const ceiling = ceilingRatio({
    guaranteedAnnuities: sum(counted.filter((l) => !isNew(l)).map(annuityInYear)),
    newLoanFirstAnnuity: sum(counted.filter(isNew).map(firstFullAnnuity)),
    ownDebtNetAnnuity: inputs.ownDebtNetAnnuity,
    provisions: inputs.guaranteeProvisions,
    realOperatingRevenue: inputs.realOperatingRevenue,
  });
  const mayBeGuaranteed = ceiling.limit.minus(ceiling.ownDebtNetAnnuity).plus(ceiling.provisions.times(PROVISIONS_COEFFICIENT));

  const debtors = new Map<string, GuaranteedLine[]>();
  for (const l of counted) {
    const key = normaliseToken(borrowerOf(l));
    debtors.set(key, [...(debtors.get(key) ?? []), l]);
  }
  const borrowers = [...debtors.values()].map((ls) =>
    borrowerRatio({
      borrower: borrowerOf(ls[0]!),
      lineIds: ls.map((l) => l.guarantee.lineId),
      annuities: sum(ls.filter((l) => !isNew(l)).map(annuityInYear)),
      newLoanFirstAnnuity: sum(ls.filter(isNew).map(firstFullAnnuity)),
      mayBeGuaranteed,
    }),
  );
  const shares = counted.map((l) =>
    shareRatio({ lineId: l.guarantee.lineId, borrower: borrowerOf(l), developmentOperation: l.guarantee.developmentOperation, sharePct: l.lineSharePct }),
  );
  return {
    inputs,
    ceiling,
    borrowers,
    shares,
    exempt: exempt.map((l) => ({ lineId: l.guarantee.lineId, borrower: borrowerOf(l), reason: l.guarantee.exempt! })),
    holds: ceiling.holds && borrowers.every((b) => b.holds) && shares.every((s) => s.holds),
  };
}


