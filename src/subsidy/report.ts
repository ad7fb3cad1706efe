import type { InputProblem } from '../errors.js';
import { formatFrenchGrouped } from '../money/format.js';
import { type Check, HOLDS, checkFigure } from '../report/check.js';
import { type Column, type Note, type Report, type Row, alert, column, report, word } from '../report/model.js';
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

// ——— the report every format writes ———

/** One flat table, a `section` (« Rubrique ») per kind of figure; csv-fr titles in the deliberation's words. */
const SUBSIDY_COLUMNS: readonly Column[] = [
  column('section', 'Rubrique', 'text'),
  column('name', 'Nom', 'text'),
  column('beneficiary_id', 'SIRET ou RNA', 'identifier'),
  column('envelope', 'Enveloppe', 'text'),
  column('kind', 'Type', 'text'),
  column('line', 'Ligne', 'count'),
  column('grants', 'Nombre de subventions', 'count'),
  column('amount', 'Montant', 'amount'),
  column('ceilings', 'dont pour un maximum de', 'amount'),
  column('firm', 'dont montant ferme', 'amount'),
  column('members', 'Licenciés', 'count'),
  column('rate_per_member', 'Montant par licencié', 'amount'),
  column('envelope_amount', 'Enveloppe votée', 'amount'),
  column('remaining', 'Reste disponible', 'amount'),
  column('declared', 'Montant déclaré', 'amount'),
  column('recomputed', 'Montant recalculé', 'amount'),
  column('difference', 'Écart (déclaré − recalculé)', 'amount'),
  column('status', 'Statut', 'text'),
];

const SECTION = {
  envelope: word('envelope', 'enveloppe'),
  total: word('total', 'total'),
  kind: word('kind', 'type'),
  ceiling: word('ceiling', 'pour un maximum de'),
  complement: word('complement', 'complément par licencié'),
  beneficiary: word('beneficiary', 'bénéficiaire'),
  beneficiaryEnvelope: word('beneficiary_envelope', 'bénéficiaire par enveloppe'),
  declared: word('declared', 'total déclaré'),
};

const OVERSPENT = word('overspent', 'enveloppe dépassée');
const MISMATCH = word('mismatch', 'écart');
const NOT_WHOLE = word('not_whole', 'pas un multiple du montant par licencié');
const CONVENTION_REQUIRED = word('convention_required', 'convention requise (plus de 23 000 €)');
const BUDGET_ANNEX = word('budget_annex', 'annexe budgétaire L2313-1 (plus de 75 000 €)');

function grantCells(g: Grant): Row {
  return { name: g.beneficiary, beneficiary_id: g.beneficiaryId?.value, envelope: g.envelope, kind: g.kind, line: g.line, amount: g.amount };
}

function where(g: Grant): string {
  return `${g.line !== undefined ? `line ${g.line}, ` : ''}${g.beneficiary}`;
}

/** A complement with its members given is a figure of the act: declared = the grant's amount, recomputed = members × rate. */
function complementFigure(c: ComplementCheck): Check | undefined {
  if (c.expected === undefined) return undefined;
  return checkFigure(`per-member complement (${where(c.grant)})`, c.grant.amount, c.expected, [], `${c.givenMembers} × ${formatFrenchGrouped(c.rate)} per member`);
}

function statusWord(words: readonly { word: string; fr: string }[]) {
  return words.length === 0 ? undefined : word(words.map((w) => w.word).join('+'), words.map((w) => w.fr).join(' ; '));
}

function subsidyRows(r: SubsidyReport, figures: readonly (Check | undefined)[]): Row[] {
  const rows: Row[] = [];
  const balanceOf = new Map(r.balances.map((b) => [b.key, b]));
  for (const e of r.envelopes) {
    const b = balanceOf.get(e.key);
    rows.push({
      section: SECTION.envelope, name: e.envelope, envelope: e.envelope, grants: e.grants, amount: e.total, ceilings: e.ceilings, firm: e.firm,
      ...(b ? { envelope_amount: b.amount, remaining: b.remaining, status: b.overspent ? OVERSPENT : HOLDS } : {}),
    });
  }
  // Voted envelopes no grant is charged to: all of it remains.
  for (const b of r.balances) {
    if (!r.envelopes.some((e) => e.key === b.key)) {
      rows.push({ section: SECTION.envelope, name: b.envelope, envelope: b.envelope, grants: 0, amount: b.committed, envelope_amount: b.amount, remaining: b.remaining, status: HOLDS });
    }
  }
  rows.push({
    section: SECTION.total, name: 'total', grants: r.all.grants, amount: r.all.total, ceilings: r.all.ceilings, firm: r.all.firm,
    ...(r.overall ? { envelope_amount: r.overall.amount, remaining: r.overall.remaining } : {}),
  });
  for (const k of r.kinds) {
    rows.push({ section: SECTION.kind, name: k.kind || undefined, envelope: k.envelope, kind: k.kind || undefined, grants: k.grants, amount: k.total, ceilings: k.ceilings, firm: k.firm, members: k.members });
  }
  for (const g of r.ceilings) rows.push({ section: SECTION.ceiling, ...grantCells(g) });
  r.complements.forEach((c, i) => {
    const figure = figures[i];
    rows.push({
      section: SECTION.complement, ...grantCells(c.grant), members: c.members, rate_per_member: c.rate,
      ...(figure ? { declared: figure.declared, recomputed: figure.recomputed, difference: figure.difference } : {}),
      status: c.holds ? HOLDS : figure ? MISMATCH : NOT_WHOLE,
    });
  });
  for (const b of r.beneficiaries) {
    rows.push({
      section: SECTION.beneficiary, name: b.beneficiary, beneficiary_id: b.id?.value, grants: b.grants, amount: b.total, ceilings: b.ceilings, firm: b.firm,
      status: statusWord([...(b.conventionRequired ? [CONVENTION_REQUIRED] : []), ...(b.budgetAnnex ? [BUDGET_ANNEX] : [])]),
    });
  }
  for (const b of r.beneficiaries) {
    for (const e of b.byEnvelope) rows.push({ section: SECTION.beneficiaryEnvelope, name: b.beneficiary, beneficiary_id: b.id?.value, envelope: e.envelope, amount: e.total });
  }
  for (const d of r.declared) {
    rows.push({ section: SECTION.declared, name: d.name, amount: d.recomputed, declared: d.declared, recomputed: d.recomputed, difference: d.difference, status: d.holds ? HOLDS : MISMATCH });
  }
  return rows;
}

/**
 * What a finance officer must not miss and is not a declared figure: an
 * envelope overspent (a limit, not a figure of the act), a complement that
 * is no whole number of members.
 */
export function subsidyAlerts(r: SubsidyReport): Note[] {
  const g = formatFrenchGrouped;
  const alerts: Note[] = [];
  for (const b of r.balances) {
    if (b.overspent) alerts.push(alert(`envelope ${b.envelope} overspent: voted ${g(b.amount)} €, committed ${g(b.committed)} €, ${g(b.remaining.negated())} € over`));
  }
  for (const c of r.complements) {
    if (c.expected === undefined && !c.holds) alerts.push(alert(`per-member complement (${where(c.grant)}): ${g(c.grant.amount)} is not a whole multiple of ${g(c.rate)} per member`));
  }
  return alerts;
}

/**
 * The subsidies as a report: the flat table of every figure; the checks of
 * the complements whose members are given and of the declared totals
 * (difference = declared − recomputed); alerts for overspent envelopes and
 * complements that are no whole number of members. The json's `holds` is
 * the verdict on all of it (the command's exit status).
 */
export function subsidiesAsReport(r: SubsidyReport): Report {
  const figures = r.complements.map(complementFigure);
  const checks = [...figures.filter((c) => c !== undefined), ...r.declared];
  return report('subsidies', [{ key: 'subsidies', title: 'Subventions', columns: SUBSIDY_COLUMNS, rows: subsidyRows(r, figures) }], {
    checks,
    notes: subsidyAlerts(r),
    facts: { holds: r.holds },
  });
}
