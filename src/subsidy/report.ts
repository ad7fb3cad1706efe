import type { InputProblem } from '../errors.js';
import { type DeclaredCheck, type DeclaredTotal, checkDeclaredTotal, recomputedTotal } from './declared.js';
import { type Envelope, type EnvelopeBalance, envelopeBalances, grantsOutsideEnvelopes, overallBalance } from './envelopes.js';
import { nameKey } from './grouping.js';
import { type ComplementCheck, checkComplement } from './per-member.js';
import {
  type BeneficiaryTotal,
  type Committed,
  type EnvelopeTotal,
  type KindTotal,
  beneficiaryTotals,
  envelopeTotals,
  grandTotal,
  kindTotals,
} from './totals.js';
import type { Grant } from './types.js';

export interface SubsidyChecks {
  /** Envelopes voted (`--envelope`); given any, every grant must fall in one. */
  readonly envelopes: readonly Envelope[];
  /** Totals the deliberation states (`--declared-total`). */
  readonly declared: readonly DeclaredTotal[];
}

/** Everything a finance officer or an auditor reads off a subsidy deliberation. */
export interface SubsidyReport {
  readonly grants: readonly Grant[];
  readonly envelopes: readonly EnvelopeTotal[];
  readonly kinds: readonly KindTotal[];
  readonly beneficiaries: readonly BeneficiaryTotal[];
  readonly all: Committed;
  /** The voted envelopes, in the order given, against what is committed. */
  readonly balances: readonly EnvelopeBalance[];
  readonly overall?: ReturnType<typeof overallBalance>;
  /** Grants « pour un maximum de », apart. */
  readonly ceilings: readonly Grant[];
  readonly complements: readonly ComplementCheck[];
  readonly declared: readonly DeclaredCheck[];
  /** True when every checked figure holds: envelopes not overspent, complements, declared totals. */
  readonly holds: boolean;
}

/**
 * Totals, balances and checks of a set of grants. Input problems of check
 * mode (a grant outside the voted envelopes, a declared name nothing bears,
 * an envelope voted twice) are returned, not thrown: the caller locates them.
 */
export function subsidyReport(grants: readonly Grant[], checks: SubsidyChecks): { ok: true; report: SubsidyReport } | { ok: false; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const e of checks.envelopes) {
    if (seen.has(nameKey(e.name))) problems.push({ message: `--envelope ${e.name} given twice` });
    seen.add(nameKey(e.name));
  }
  if (checks.envelopes.length > 0) {
    const voted = checks.envelopes.map((e) => e.name).join(', ');
    for (const g of grantsOutsideEnvelopes(grants, checks.envelopes)) {
      problems.push({ ...(g.line !== undefined ? { line: g.line } : {}), columnName: 'envelope', message: `unknown envelope "${g.envelope}"; the envelopes voted (--envelope) are ${voted}` });
    }
  }
  const envelopes = envelopeTotals(grants);
  const kinds = kindTotals(grants);
  const all = grandTotal(grants);
  const declared: DeclaredCheck[] = [];
  for (const d of checks.declared) {
    const r = recomputedTotal(d.name, envelopes, kinds, all);
    if (r === undefined) {
      problems.push({
        message: `--declared-total ${d.name}: no envelope, envelope/kind or kind of that name in the file (envelopes: ${envelopes.map((e) => e.envelope).join(', ') || 'none'}; or total)`,
      });
    } else {
      declared.push(checkDeclaredTotal(d, r));
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const balances = envelopeBalances(checks.envelopes, envelopes);
  const complements = grants.map(checkComplement).filter((c) => c !== undefined);
  const holds = balances.every((b) => !b.overspent) && complements.every((c) => c.holds) && declared.every((d) => d.holds);
  return {
    ok: true,
    report: {
      grants,
      envelopes,
      kinds,
      beneficiaries: beneficiaryTotals(grants),
      all,
      balances,
      ...(balances.length > 0 ? { overall: overallBalance(balances) } : {}),
      ceilings: grants.filter((g) => g.ceiling),
      complements,
      declared,
      holds,
    },
  };
}
