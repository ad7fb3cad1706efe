import { Decimal, ZERO, sum } from '../money/decimal.js';

/**
 * How a criterion is scored: `marks`, a mark the buyer gives out of the
 * criterion's weight; or a price formula:
 * - `lowest_price_ratio`, the « règle de trois »: lowest price / offer's price × weight;
 * - `linear_lowest_highest`: weight × (highest − price) / (highest − lowest),
 *   the whole weight to the lowest price, 0 to the highest (all prices equal: the whole weight).
 * A criterion without a method groups its children (« sous-critères »).
 */
export type ScoreMethod = 'marks' | 'lowest_price_ratio' | 'linear_lowest_highest';
export const PRICE_METHODS: readonly ScoreMethod[] = ['lowest_price_ratio', 'linear_lowest_highest'];

export interface Criterion {
  readonly id: string;
  readonly parent?: string;
  readonly label: string;
  readonly weight: Decimal;
  /** Absent for a group of sub-criteria: its weight is the sum of its children's. */
  readonly method?: ScoreMethod;
}

export interface Offer {
  readonly offerId: string;
  /** Price HT. */
  readonly price: Decimal;
  /** The mark of each `marks` criterion, by criterion id, out of its weight. */
  readonly marks: ReadonlyMap<string, Decimal>;
}

export interface OfferScore {
  readonly offer: Offer;
  /** Every criterion's score, groups included, exact. */
  readonly scores: ReadonlyMap<string, Decimal>;
  readonly total: Decimal;
  /** 1 for the best; offers of equal total share a rank (1, 1, 3). */
  readonly rank: number;
  readonly tied: boolean;
  /** Price / mean price of the other offers, in %, when there are others. */
  readonly priceVsOthersPct?: Decimal;
  /** Below the threshold % of the other offers' mean price: possibly abnormally low, a hint to ask for justification (R2152-3), never a verdict. */
  readonly possiblyAbnormallyLow: boolean;
}

/** The price score of one offer among all the prices, exact. */
export function priceScore(method: ScoreMethod, weight: Decimal, price: Decimal, prices: readonly Decimal[]): Decimal {
  const lowest = Decimal.min(...prices);
  if (method === 'lowest_price_ratio') return lowest.div(price).times(weight);
  const highest = Decimal.max(...prices);
  if (highest.equals(lowest)) return weight;
  return weight.times(highest.minus(price)).div(highest.minus(lowest));
}

/** The default threshold of a possibly abnormally low offer: below 80 % of the mean price of the others. */
export const ABNORMALLY_LOW_PCT = new Decimal(80);

/**
 * Scores offers against criteria (already checked: see score-input.ts):
 * the price criterion by its formula, the marked ones as given, a group as
 * the sum of its children, the total as the sum of the top-level criteria;
 * all exact (shown to two decimals). Offers are ranked on their exact
 * totals, equal totals at the same rank.
 *
 * @example
 * // Gex, lot 1: price 40 (« règle de trois »), technical value 60 (10 + 25 + 25).
 * // Offer A at 62 000 € when the lowest is 58 000 €: 58 000 / 62 000 × 40 = 37,419…
 * // (37,42); marks 8 + 20 + 22 = 50; total 87,419… (87,42).
 */
export function scoreOffers(criteria: readonly Criterion[], offers: readonly Offer[], abnormallyLowPct: Decimal = ABNORMALLY_LOW_PCT): OfferScore[] {
  const prices = offers.map((o) => o.price);
  const children = new Map<string, Criterion[]>();
  for (const c of criteria) if (c.parent !== undefined) children.set(c.parent, [...(children.get(c.parent) ?? []), c]);
  const scored = offers.map((offer) => {
    const scores = new Map<string, Decimal>();
    const scoreOf = (c: Criterion): Decimal => {
      const s =
        c.method === undefined
          ? sum((children.get(c.id) ?? []).map(scoreOf))
          : c.method === 'marks'
            ? (offer.marks.get(c.id) ?? ZERO)
            : priceScore(c.method, c.weight, offer.price, prices);
      scores.set(c.id, s);
      return s;
    };
    const total = sum(criteria.filter((c) => c.parent === undefined).map(scoreOf));
    const others = prices.filter((_, i) => offers[i] !== offer);
    const priceVsOthersPct = others.length > 0 ? offer.price.div(sum(others).div(others.length)).times(100) : undefined;
    return { offer, scores, total, priceVsOthersPct, possiblyAbnormallyLow: priceVsOthersPct !== undefined && priceVsOthersPct.lessThan(abnormallyLowPct) };
  });
  return scored.map((s) => {
    const better = scored.filter((o) => o.total.greaterThan(s.total)).length;
    const tied = scored.some((o) => o !== s && o.total.equals(s.total));
    return { ...s, rank: better + 1, tied };
  });
}
