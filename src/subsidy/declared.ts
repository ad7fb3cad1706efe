import type { Decimal } from '../money/decimal.js';
import { sum } from '../money/decimal.js';
import { type Check, checkFigure } from '../report/check.js';
import { nameKey } from './grouping.js';
import type { Committed, EnvelopeTotal, KindTotal } from './totals.js';

/** A total the deliberation states (« Montant total des subventions fonctionnement versées : 68 161 € »). */
export interface DeclaredTotal {
  /** An envelope, `envelope/kind`, a kind across envelopes, or `total` for every grant. */
  readonly name: string;
  readonly amount: Decimal;
}

/** A declared total against the grants: the project's one check (difference = declared − recomputed), with the name as given. */
export interface DeclaredCheck extends Check {
  readonly name: string;
  /** What the name was read as: the envelope, the kind, or every grant. */
  readonly scope: string;
}

const EVERYTHING = new Set(['total', 'all', 'ensemble', 'tout']);

/**
 * What a declared name designates, in this order: an envelope; `envelope/kind`;
 * `total` (every grant); a kind across envelopes. Undefined when nothing
 * of the file bears that name.
 */
export function recomputedTotal(
  name: string,
  envelopes: readonly EnvelopeTotal[],
  kinds: readonly KindTotal[],
  all: Committed,
): { scope: string; total: Decimal } | undefined {
  const key = nameKey(name);
  const envelope = envelopes.find((e) => e.key === key);
  if (envelope) return { scope: `envelope ${envelope.envelope}`, total: envelope.total };
  const slash = name.indexOf('/');
  if (slash > 0) {
    const [e, k] = [nameKey(name.slice(0, slash)), nameKey(name.slice(slash + 1))];
    const kind = kinds.find((t) => t.envelopeKey === e && t.kindKey === k);
    return kind ? { scope: `envelope ${kind.envelope}, kind ${kind.kind}`, total: kind.total } : undefined;
  }
  if (EVERYTHING.has(key)) return { scope: 'every grant', total: all.total };
  const ofKind = kinds.filter((t) => t.kindKey === key && key !== '');
  return ofKind.length > 0 ? { scope: `kind ${ofKind[0]!.kind}`, total: sum(ofKind.map((t) => t.total)) } : undefined;
}

/** Example: `total` declared 2 420 against grants of 2 430: declared 2 420, recomputed 2 430, difference −10. */
export function checkDeclaredTotal(declared: DeclaredTotal, recomputed: { scope: string; total: Decimal }): DeclaredCheck {
  const check = checkFigure(`declared total ${declared.name} (${recomputed.scope})`, declared.amount, recomputed.total);
  return { ...check, name: declared.name, scope: recomputed.scope };
}
