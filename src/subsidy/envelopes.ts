import { type Decimal, ZERO, sum } from '../money/decimal.js';
import { nameKey } from './grouping.js';
import type { EnvelopeTotal } from './totals.js';
import type { Grant } from './types.js';

/** An envelope the council voted (« CONSTITUE deux enveloppes … à hauteur de 70 000 € »). */
export interface Envelope {
  readonly name: string;
  readonly amount: Decimal;
}

/** What is left of an envelope (« les sommes restantes … pourront être attribuées tout au long de l'année »). */
export interface EnvelopeBalance {
  readonly key: string;
  readonly envelope: string;
  readonly amount: Decimal;
  readonly committed: Decimal;
  /** amount − committed; negative when overspent. */
  readonly remaining: Decimal;
  readonly overspent: boolean;
}

/** Each voted envelope against what the grants commit on it (zero when none). */
export function envelopeBalances(envelopes: readonly Envelope[], totals: readonly EnvelopeTotal[]): EnvelopeBalance[] {
  return envelopes.map((e) => {
    const key = nameKey(e.name);
    const committed = totals.find((t) => t.key === key)?.total ?? ZERO;
    const remaining = e.amount.minus(committed);
    return { key, envelope: e.name, amount: e.amount, committed, remaining, overspent: remaining.isNegative() && !remaining.isZero() };
  });
}

/** All envelopes together (« une enveloppe de subventions aux associations de 120.000 € »). */
export function overallBalance(balances: readonly EnvelopeBalance[]): { amount: Decimal; committed: Decimal; remaining: Decimal } {
  const amount = sum(balances.map((b) => b.amount));
  const committed = sum(balances.map((b) => b.committed));
  return { amount, committed, remaining: amount.minus(committed) };
}

/** Grants charged to an envelope the council did not vote: in check mode, the file or the options are wrong. */
export function grantsOutsideEnvelopes(grants: readonly Grant[], envelopes: readonly Envelope[]): Grant[] {
  const voted = new Set(envelopes.map((e) => nameKey(e.name)));
  return grants.filter((g) => !voted.has(nameKey(g.envelope)));
}
