import { type Decimal, ZERO, sum } from '../money/decimal.js';
import type { BeneficiaryId } from './beneficiary-id.js';
import { groupInOrder, nameKey } from './grouping.js';
import { checkComplement } from './per-member.js';
import { type ThresholdFlags, thresholdFlags } from './thresholds.js';
import type { Grant } from './types.js';

/**
 * What a set of grants commits: the total, of which the part granted
 * « pour un maximum de » (ceilings: paid on proof, up to that amount,
 * but committed in full until then), and the firm rest.
 */
export interface Committed {
  readonly grants: number;
  readonly total: Decimal;
  readonly ceilings: Decimal;
  readonly firm: Decimal;
}

export function committed(grants: readonly Grant[]): Committed {
  const total = sum(grants.map((g) => g.amount));
  const ceilings = sum(grants.filter((g) => g.ceiling).map((g) => g.amount));
  return { grants: grants.length, total, ceilings, firm: total.minus(ceilings) };
}

export interface EnvelopeTotal extends Committed {
  readonly key: string;
  readonly envelope: string;
}

export function envelopeTotals(grants: readonly Grant[]): EnvelopeTotal[] {
  return groupInOrder(grants, (g) => nameKey(g.envelope), (g) => g.envelope).map((g) => ({ key: g.key, envelope: g.name, ...committed(g.items) }));
}

/** Grants of one kind within one envelope (« Subvention jeunes 2026 » of the operating envelope). */
export interface KindTotal extends Committed {
  readonly envelopeKey: string;
  readonly envelope: string;
  readonly kindKey: string;
  /** '' when the file gives no kind. */
  readonly kind: string;
  /** Members the per-member complements of the group stand for (given, or implied by amount ÷ rate). */
  readonly members?: number;
}

export function kindTotals(grants: readonly Grant[]): KindTotal[] {
  return groupInOrder(
    grants,
    (g) => nameKey(g.envelope) + '\u0000' + nameKey(g.kind ?? ''),
    (g) => g.envelope,
  ).map((group) => {
    const first = group.items[0]!;
    const checks = group.items.map(checkComplement).filter((c) => c !== undefined);
    const counted = checks.map((c) => c.members).filter((m) => m !== undefined);
    return {
      envelopeKey: nameKey(first.envelope),
      envelope: group.name,
      kindKey: nameKey(first.kind ?? ''),
      kind: first.kind ?? '',
      ...committed(group.items),
      ...(counted.length > 0 ? { members: counted.reduce((a, b) => a + b, 0) } : {}),
    };
  });
}

/** One beneficiary across envelopes, with what it gets from each and the thresholds its total crosses. */
export interface BeneficiaryTotal extends Committed, ThresholdFlags {
  readonly key: string;
  readonly beneficiary: string;
  readonly id?: BeneficiaryId;
  readonly byEnvelope: readonly { readonly envelopeKey: string; readonly envelope: string; readonly total: Decimal }[];
}

/**
 * A beneficiary is one SIRET or RNA number when the file gives it, else
 * one name (compared without case or accents); a row without id whose
 * name is that of an identified row joins it.
 */
export function beneficiaryKey(grants: readonly Grant[]): (g: Grant) => string {
  const idOfName = new Map<string, string>();
  for (const g of grants) if (g.beneficiaryId && !idOfName.has(nameKey(g.beneficiary))) idOfName.set(nameKey(g.beneficiary), g.beneficiaryId.value);
  return (g) => {
    const id = g.beneficiaryId?.value ?? idOfName.get(nameKey(g.beneficiary));
    return id !== undefined ? 'id:' + id : 'name:' + nameKey(g.beneficiary);
  };
}

export function beneficiaryTotals(grants: readonly Grant[]): BeneficiaryTotal[] {
  return groupInOrder(grants, beneficiaryKey(grants), (g) => g.beneficiary).map((group) => {
    const id = group.items.find((g) => g.beneficiaryId)?.beneficiaryId;
    const all = committed(group.items);
    return {
      key: group.key,
      beneficiary: group.name,
      ...(id ? { id } : {}),
      ...all,
      ...thresholdFlags(all.total),
      byEnvelope: envelopeTotals(group.items).map((e) => ({ envelopeKey: e.key, envelope: e.envelope, total: e.total })),
    };
  });
}

export function grandTotal(grants: readonly Grant[]): Committed {
  return grants.length === 0 ? { grants: 0, total: ZERO, ceilings: ZERO, firm: ZERO } : committed(grants);
}
