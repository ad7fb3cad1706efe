import { type Decimal, ZERO } from '../money/decimal.js';
import { formatFrenchGrouped } from '../money/format.js';
import { type OutputFormat, amountText, separatorOf } from '../output/format.js';
import { csvDocument } from '../csv/write.js';
import type { SubsidyReport } from './report.js';
import type { Grant } from './types.js';

/** Columns of the csv output: one flat table, a `section` per kind of figure. */
export const REPORT_COLUMNS = [
  'section', 'name', 'beneficiary_id', 'envelope', 'kind', 'line', 'grants', 'amount', 'ceilings', 'firm',
  'members', 'rate_per_member', 'envelope_amount', 'remaining', 'declared', 'difference', 'status',
] as const;
type Column = (typeof REPORT_COLUMNS)[number];

/** csv-fr titles, in the deliberation's words where it has them. */
const FRENCH_TITLES: Record<Column, string> = {
  section: 'Rubrique',
  name: 'Nom',
  beneficiary_id: 'SIRET ou RNA',
  envelope: 'Enveloppe',
  kind: 'Type',
  line: 'Ligne',
  grants: 'Nombre de subventions',
  amount: 'Montant',
  ceilings: 'dont pour un maximum de',
  firm: 'dont montant ferme',
  members: 'Licenciés',
  rate_per_member: 'Montant par licencié',
  envelope_amount: 'Enveloppe votée',
  remaining: 'Reste disponible',
  declared: 'Montant déclaré',
  difference: 'Écart',
  status: 'Statut',
};

const FRENCH_WORDS: Record<string, string> = {
  envelope: 'enveloppe',
  total: 'total',
  kind: 'type',
  ceiling: 'pour un maximum de',
  complement: 'complément par licencié',
  beneficiary: 'bénéficiaire',
  beneficiary_envelope: 'bénéficiaire par enveloppe',
  declared: 'total déclaré',
  ok: 'conforme',
  overspent: 'enveloppe dépassée',
  mismatch: 'écart',
  not_whole: 'pas un multiple du montant par licencié',
  convention_required: 'convention requise (plus de 23 000 €)',
  budget_annex: 'annexe budgétaire L2313-1 (plus de 75 000 €)',
};

type Row = Partial<Record<Column, string>>;

function reportRows(report: SubsidyReport, format: OutputFormat): Row[] {
  const a = (d: Decimal) => amountText(d, format);
  const rows: Row[] = [];
  const balanceOf = new Map(report.balances.map((b) => [b.key, b]));
  for (const e of report.envelopes) {
    const b = balanceOf.get(e.key);
    rows.push({
      section: 'envelope', name: e.envelope, envelope: e.envelope, grants: String(e.grants), amount: a(e.total), ceilings: a(e.ceilings), firm: a(e.firm),
      ...(b ? { envelope_amount: a(b.amount), remaining: a(b.remaining), status: b.overspent ? 'overspent' : 'ok' } : {}),
    });
  }
  // Voted envelopes no grant is charged to: all of it remains.
  for (const b of report.balances) {
    if (!report.envelopes.some((e) => e.key === b.key)) {
      rows.push({ section: 'envelope', name: b.envelope, envelope: b.envelope, grants: '0', amount: a(b.committed), envelope_amount: a(b.amount), remaining: a(b.remaining), status: 'ok' });
    }
  }
  rows.push({
    section: 'total', name: 'total', grants: String(report.all.grants), amount: a(report.all.total), ceilings: a(report.all.ceilings), firm: a(report.all.firm),
    ...(report.overall ? { envelope_amount: a(report.overall.amount), remaining: a(report.overall.remaining) } : {}),
  });
  for (const k of report.kinds) {
    rows.push({
      section: 'kind', name: k.kind, envelope: k.envelope, kind: k.kind, grants: String(k.grants), amount: a(k.total), ceilings: a(k.ceilings), firm: a(k.firm),
      ...(k.members !== undefined ? { members: String(k.members) } : {}),
    });
  }
  for (const g of report.ceilings) rows.push({ section: 'ceiling', ...grantCells(g, format) });
  for (const c of report.complements) {
    rows.push({
      section: 'complement', ...grantCells(c.grant, format), rate_per_member: a(c.rate),
      ...(c.members !== undefined ? { members: String(c.members) } : {}),
      ...(c.expected !== undefined ? { declared: a(c.expected), difference: a(c.grant.amount.minus(c.expected)) } : {}),
      status: c.holds ? 'ok' : c.expected !== undefined ? 'mismatch' : 'not_whole',
    });
  }
  for (const b of report.beneficiaries) {
    const flags = [b.conventionRequired ? 'convention_required' : '', b.budgetAnnex ? 'budget_annex' : ''].filter((s) => s !== '');
    rows.push({
      section: 'beneficiary', name: b.beneficiary, ...(b.id ? { beneficiary_id: b.id.value } : {}), grants: String(b.grants), amount: a(b.total), ceilings: a(b.ceilings), firm: a(b.firm),
      status: flags.join('+'),
    });
  }
  for (const b of report.beneficiaries) {
    for (const e of b.byEnvelope) rows.push({ section: 'beneficiary_envelope', name: b.beneficiary, ...(b.id ? { beneficiary_id: b.id.value } : {}), envelope: e.envelope, amount: a(e.total) });
  }
  for (const d of report.declared) {
    rows.push({ section: 'declared', name: d.name, amount: a(d.recomputed), declared: a(d.declared), difference: a(d.difference), status: d.holds ? 'ok' : 'mismatch' });
  }
  return rows;
}

function grantCells(g: Grant, format: OutputFormat): Row {
  return {
    name: g.beneficiary,
    ...(g.beneficiaryId ? { beneficiary_id: g.beneficiaryId.value } : {}),
    envelope: g.envelope,
    kind: g.kind ?? '',
    ...(g.line !== undefined ? { line: String(g.line) } : {}),
    amount: amountText(g.amount, format),
  };
}

function frenchWords(row: Row): Row {
  const status = row.status === undefined ? undefined : row.status.split('+').map((s) => FRENCH_WORDS[s] ?? s).join(' ; ');
  return { ...row, section: FRENCH_WORDS[row.section ?? ''] ?? row.section, ...(status !== undefined ? { status } : {}) };
}

/** The report as csv (machine) or csv-fr (French titles and words, decimal comma). */
export function renderReportTable(report: SubsidyReport, format: 'csv' | 'csv-fr'): string {
  const rows = reportRows(report, format).map((r) => (format === 'csv-fr' ? frenchWords(r) : r));
  const header = REPORT_COLUMNS.map((c) => (format === 'csv-fr' ? FRENCH_TITLES[c] : c));
  return csvDocument(header, rows.map((r) => REPORT_COLUMNS.map((c) => r[c] ?? '')), separatorOf(format));
}

/** The report as JSON, amounts as strings with two decimals. */
export function reportJson(report: SubsidyReport): unknown {
  const a = (d: Decimal) => amountText(d, 'json');
  const balanceOf = new Map(report.balances.map((b) => [b.key, b]));
  const envelopeKeys = new Set(report.envelopes.map((e) => e.key));
  const grant = (g: Grant) => ({
    ...(g.line !== undefined ? { line: g.line } : {}),
    beneficiary: g.beneficiary,
    ...(g.beneficiaryId ? { beneficiary_id: g.beneficiaryId.value } : {}),
    envelope: g.envelope,
    kind: g.kind ?? null,
    amount: a(g.amount),
    ...(g.purpose !== undefined ? { purpose: g.purpose } : {}),
  });
  return {
    envelopes: [
      ...report.envelopes.map((e) => {
        const b = balanceOf.get(e.key);
        return {
          envelope: e.envelope, grants: e.grants, total: a(e.total), ceilings: a(e.ceilings), firm: a(e.firm),
          ...(b ? { voted: a(b.amount), remaining: a(b.remaining), overspent: b.overspent } : {}),
        };
      }),
      ...report.balances
        .filter((b) => !envelopeKeys.has(b.key))
        .map((b) => ({ envelope: b.envelope, grants: 0, total: a(b.committed), ceilings: a(ZERO), firm: a(b.committed), voted: a(b.amount), remaining: a(b.remaining), overspent: false })),
    ],
    total: {
      grants: report.all.grants, total: a(report.all.total), ceilings: a(report.all.ceilings), firm: a(report.all.firm),
      ...(report.overall ? { voted: a(report.overall.amount), remaining: a(report.overall.remaining) } : {}),
    },
    kinds: report.kinds.map((k) => ({
      envelope: k.envelope, kind: k.kind || null, grants: k.grants, total: a(k.total), ceilings: a(k.ceilings), firm: a(k.firm),
      ...(k.members !== undefined ? { members: k.members } : {}),
    })),
    ceilings: report.ceilings.map(grant),
    complements: report.complements.map((c) => ({
      ...grant(c.grant),
      rate_per_member: a(c.rate),
      ...(c.givenMembers !== undefined ? { members_given: c.givenMembers } : {}),
      ...(c.expected !== undefined ? { expected: a(c.expected) } : {}),
      ...(c.impliedMembers !== undefined ? { members_implied: c.impliedMembers } : {}),
      holds: c.holds,
    })),
    beneficiaries: report.beneficiaries.map((b) => ({
      beneficiary: b.beneficiary,
      ...(b.id ? { id: b.id.value, id_kind: b.id.kind } : {}),
      grants: b.grants, total: a(b.total), ceilings: a(b.ceilings), firm: a(b.firm),
      by_envelope: b.byEnvelope.map((e) => ({ envelope: e.envelope, total: a(e.total) })),
      convention_required: b.conventionRequired,
      budget_annex: b.budgetAnnex,
    })),
    declared: report.declared.map((d) => ({ name: d.name, scope: d.scope, declared: a(d.declared), recomputed: a(d.recomputed), difference: a(d.difference), holds: d.holds })),
    holds: report.holds,
  };
}

export function renderReportJson(report: SubsidyReport): string {
  return JSON.stringify(reportJson(report), null, 2) + '\n';
}

/** One line per figure that does not hold, for the person at the terminal: declared, recomputed, difference. */
export function failureLines(report: SubsidyReport): string[] {
  const g = formatFrenchGrouped;
  const lines: string[] = [];
  for (const b of report.balances) {
    if (b.overspent) lines.push(`envelope ${b.envelope} overspent: voted ${g(b.amount)}, committed ${g(b.committed)}, difference ${g(b.remaining)}`);
  }
  for (const c of report.complements) {
    if (c.holds) continue;
    const where = `${c.grant.line !== undefined ? `line ${c.grant.line}, ` : ''}${c.grant.beneficiary}`;
    lines.push(
      c.expected !== undefined
        ? `per-member complement (${where}): declared ${g(c.grant.amount)}, recomputed ${c.givenMembers} × ${g(c.rate)} = ${g(c.expected)}, difference ${g(c.grant.amount.minus(c.expected))}`
        : `per-member complement (${where}): ${g(c.grant.amount)} is not a whole multiple of ${g(c.rate)} per member`,
    );
  }
  for (const d of report.declared) {
    if (!d.holds) lines.push(`declared total ${d.name} (${d.scope}): declared ${g(d.declared)}, recomputed ${g(d.recomputed)}, difference ${g(d.difference)}`);
  }
  return lines;
}
