import { Decimal, sum } from '../money/decimal.js';
import { formatMachine } from '../money/format.js';
import { type Check, checkFigure, checksTable } from '../report/check.js';
import { type Report, type Table, alert, column, note, report } from '../report/model.js';
import { foldName } from './fold.js';
import { identityFacts } from './results.js';
import type { AnnexGrant, BudgetDocument } from './types.js';

/** « dépasse 23 000 euros »: loi n° 2000-321 art. 10, décret n° 2001-495 art. 1 (strict). */
export const CONVENTION_THRESHOLD = new Decimal(23000);

/** A beneficiary of private law (« CodNatJurBenefCA » starting with P), the bodies the convention rule is about. */
export function isPrivateLaw(g: AnnexGrant): boolean {
  return (g.legalKind ?? '').startsWith('P');
}

/** Realised expenditure of the real lines whose account starts with 657 (6574 apart or not). */
function subsidyExpenditure(doc: BudgetDocument, accept: (nature: string) => boolean): { amount: Decimal; accounts: string[] } {
  const lines = doc.lines.filter((l) => l.direction === 'D' && !l.order && l.nature.startsWith('657') && accept(l.nature));
  return { amount: sum(lines.map((l) => l.realised)), accounts: [...new Set(lines.map((l) => l.nature))].sort() };
}

/**
 * The subsidies annex (DATA_CONCOURS) against the budget. The annex gives
 * no account: grants to private-law bodies (CodNatJurBenefCA P…) are set
 * against account 6574 (« subventions de fonctionnement aux associations
 * et autres personnes de droit privé »), the others against the other 657x
 * accounts the document uses.
 */
export function subsidyChecks(doc: BudgetDocument): Check[] {
  const privateGrants = doc.grants.filter(isPrivateLaw);
  const publicGrants = doc.grants.filter((g) => !isPrivateLaw(g));
  const b6574 = subsidyExpenditure(doc, (n) => n === '6574');
  const bOther = subsidyExpenditure(doc, (n) => n !== '6574');
  const all = subsidyExpenditure(doc, () => true);
  return [
    checkFigure('all grants of the annex = accounts 657x', sum(doc.grants.map((g) => g.amount)), all.amount, [], `declared: MtSubv of ${doc.grants.length} CONCOURS; recomputed: MtReal of ${all.accounts.join(', ') || 'no 657x account'}`),
    checkFigure('grants to private-law bodies = account 6574', sum(privateGrants.map((g) => g.amount)), b6574.amount, [], `declared: MtSubv of ${privateGrants.length} CONCOURS with CodNatJurBenefCA P…; recomputed: MtReal of 6574`),
    checkFigure(
      'grants to other bodies = other 657x accounts',
      sum(publicGrants.map((g) => g.amount)),
      bOther.amount,
      [],
      `declared: MtSubv of ${publicGrants.length} other CONCOURS; recomputed: MtReal of ${bOther.accounts.join(', ') || 'no 657x account'}`,
    ),
  ];
}

/** Beneficiaries with their total, the same name (case and accents aside) adding up. */
export function beneficiaryTotals(doc: BudgetDocument): { name: string; legalKind: string; total: Decimal; grants: number; lines: number[] }[] {
  const by = new Map<string, { name: string; legalKind: string; total: Decimal; grants: number; lines: number[] }>();
  for (const g of doc.grants) {
    const key = foldName(g.beneficiary);
    const b = by.get(key) ?? { name: g.beneficiary, legalKind: g.legalKind ?? '', total: new Decimal(0), grants: 0, lines: [] };
    b.total = b.total.plus(g.amount);
    b.grants++;
    b.lines.push(g.line);
    by.set(key, b);
  }
  return [...by.values()];
}

function beneficiariesTable(doc: BudgetDocument): Table {
  return {
    key: 'beneficiaries',
    title: 'Concours attribués (annexe DATA_CONCOURS)',
    columns: [
      column('beneficiary', 'Bénéficiaire', 'text'),
      column('legal_kind', 'Nature juridique (CodNatJurBenefCA)', 'identifier'),
      column('grants', 'Concours', 'count'),
      column('total', 'Total', 'amount'),
      column('convention_required', 'Convention obligatoire (> 23 000 €)', 'flag', 'loi n° 2000-321 art. 10 ; décret n° 2001-495'),
    ],
    rows: beneficiaryTotals(doc).map((b) => ({
      beneficiary: b.name,
      legal_kind: b.legalKind,
      grants: b.grants,
      total: b.total,
      convention_required: b.legalKind.startsWith('P') && b.total.greaterThan(CONVENTION_THRESHOLD),
    })),
  };
}

/** `--report subsidies`: the checks (the csv), then the beneficiaries; a private-law beneficiary over 23 000 € is an alert. */
export function subsidiesReport(doc: BudgetDocument): Report {
  const checks = subsidyChecks(doc);
  const notes = [note('subsidies annex: the annex names no account; private-law beneficiaries (CodNatJurBenefCA P…) are set against 6574, the others against the other 657x accounts')];
  for (const b of beneficiaryTotals(doc)) {
    if (!b.total.greaterThan(CONVENTION_THRESHOLD)) continue;
    if (b.legalKind.startsWith('P')) notes.push(alert(`(loi n° 2000-321 art. 10, décret n° 2001-495) ${b.name}: ${formatMachine(b.total)} € over 23 000 €: a convention is required`));
    else notes.push(note(`${b.name} (${b.legalKind || 'no legal kind'}): ${formatMachine(b.total)} € over 23 000 €, a public body: the convention rule is about private-law bodies`));
  }
  if (!doc.hasGrantAnnex) notes.push(note('the document has no DATA_CONCOURS annex'));
  return report('ca_subsidies', [checksTable(checks), beneficiariesTable(doc)], { checks, notes, facts: identityFacts(doc) });
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** GRANTS.csv for `finloc subsidies`: one row per CONCOURS, envelope « operating » for private-law bodies, « other » for the others. */
export function grantsCsv(doc: BudgetDocument): string {
  const rows = doc.grants.map((g) => [csvCell(g.beneficiary), isPrivateLaw(g) ? 'operating' : 'other', formatMachine(g.amount), csvCell(g.legalKind ?? '')].join(','));
  return ['beneficiary,envelope,amount,kind', ...rows].join('\n') + '\n';
}
