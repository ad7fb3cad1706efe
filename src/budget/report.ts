import { InputError } from '../errors.js';
import type { Decimal } from '../money/decimal.js';
import { formatFrenchGrouped, formatMachine } from '../money/format.js';
import { type Check, checksTable } from '../report/check.js';
import { type Note, type Report, type Table, type Word, alert, column, note, report, word } from '../report/model.js';
import { type Commitment, type Direction, carriedOver, commitmentTotals } from './commitments.js';
import { type AllocationReport, allocationFigures } from './figures.js';
import { balanceChecks, declaredRarCheck } from './rar-check.js';
import type { Section } from './types.js';

/** The columns of the allocation table: the item (its machine name, or its title in the act in csv-fr), the amount. */
const ALLOCATION_COLUMNS = [column('item', 'Poste', 'text'), column('amount', 'Montant', 'amount', 'CGCT R2311-11 à R2311-13')];

/**
 * The « affectation du résultat » as a report: one row per figure (A1…B3,
 * 1068, 002, 001, the alert), and what a finance officer must not miss as
 * notes: a need the surplus does not cover, a deficit over the alert threshold.
 */
export function allocationAsReport(r: AllocationReport): Report {
  const rows = allocationFigures(r).map(({ spec, value }) => ({ item: word(spec.item, spec.title), amount: value }));
  return report('allocation', [{ key: 'allocation', title: 'Affectation du résultat', columns: ALLOCATION_COLUMNS, rows }], {
    notes: allocationNotes(r),
    facts: {
      deficit_alert_flagged: r.alert.flagged,
      deficit_alert_receipts: formatMachine(r.alert.receipts),
      deficit_alert_receipts_basis: r.alert.receiptsBasis,
      population_known: r.alert.populationKnown,
    },
  });
}

export function allocationNotes(r: AllocationReport): Note[] {
  const notes: Note[] = [];
  const { allocation, alert: a } = r;
  const g = formatFrenchGrouped;
  if (allocation.uncoveredNeed.greaterThan(0)) {
    notes.push(note(`the operating result does not cover the financing need; ${g(allocation.uncoveredNeed)} € remain uncovered`));
  }
  if (a.flagged) {
    notes.push(
      alert(
        `(CGCT L1612-14, R1612-31) the deficit of ${g(a.deficit)} €, restes à réaliser included, ` +
          (a.ratioPct !== undefined
            ? `is ${g(a.ratioPct, 2)} % of operating receipts (${a.receiptsBasis === 'real' ? 'real receipts' : 'total receipts'}), `
            : `stands against no operating receipts (${a.receiptsBasis === 'real' ? 'real receipts' : 'total receipts'} 0,00 €), `) +
          `at or above the threshold of ${a.thresholdPct.toFixed()} %${a.populationKnown ? '' : ' (no population given: 10 % assumed)'}`,
      ),
    );
  }
  return notes;
}

/** A check mode's report: the checks, in the order of the declared file, as the table. */
export function checksReport(checks: readonly Check[], notes: readonly Note[] = []): Report {
  return report('checks', [checksTable(checks)], { checks, notes });
}

// ——— restes à réaliser ———

const SECTION_WORDS: Record<Section, Word> = { investment: word('investment', 'Investissement'), operating: word('operating', 'Fonctionnement') };
const DIRECTION_WORDS: Record<Direction, Word> = { expenditure: word('expenditure', 'Dépenses'), receipt: word('receipt', 'Recettes') };

/** The four amounts of a commitment or of a total, as columns. */
const COMMITMENT_AMOUNTS = [
  column('engaged', 'Engagé', 'amount'),
  column('released', 'Dégagé', 'amount'),
  column('mandated', 'Mandaté ou titré', 'amount'),
  column('carried_over', 'Reste à réaliser', 'amount', 'CGCT R2311-11'),
];

const amountsOf = (a: { engaged: Decimal; released: Decimal; mandated: Decimal; carriedOver: Decimal }) => ({
  engaged: a.engaged,
  released: a.released,
  mandated: a.mandated,
  carried_over: a.carriedOver,
});

/** One row per section and direction present (I, III, II, IV). */
function totalsTable(commitments: readonly Commitment[]): Table {
  return {
    key: 'totals',
    title: 'Restes à réaliser',
    columns: [column('section', 'Section', 'text'), column('direction', 'Sens', 'text'), column('lines', 'Nombre de lignes', 'count'), ...COMMITMENT_AMOUNTS],
    rows: commitmentTotals(commitments).map((t) => ({ section: SECTION_WORDS[t.section], direction: DIRECTION_WORDS[t.direction], lines: t.lines, ...amountsOf(t) })),
  };
}

/** Every line of the listing with what it carries over, beside the balance printed on it. */
function commitmentLinesTable(commitments: readonly Commitment[]): Table {
  return {
    key: 'lines',
    title: 'État des restes à réaliser',
    columns: [
      column('line', 'Ligne du fichier', 'count'),
      column('reference', 'Engagement', 'identifier'),
      column('section', 'Section', 'text'),
      column('direction', 'Sens', 'text'),
      column('account', 'Compte', 'identifier'),
      column('third_party', 'Tiers', 'text'),
      column('label', 'Libellé', 'text'),
      ...COMMITMENT_AMOUNTS,
      column('balance', 'Solde imprimé', 'amount'),
    ],
    rows: commitments.map((c) => ({
      line: c.line,
      reference: c.reference,
      section: SECTION_WORDS[c.section],
      direction: DIRECTION_WORDS[c.direction],
      account: c.account,
      third_party: c.thirdParty,
      label: c.label,
      ...amountsOf({ ...c, carriedOver: carriedOver(c) }),
      balance: c.balance,
    })),
  };
}

/** The lines of one section and one direction, or of all when not given. */
export function selectCommitments(commitments: readonly Commitment[], only: { section?: Section; direction?: Direction }): Commitment[] {
  return commitments.filter((c) => (only.section === undefined || c.section === only.section) && (only.direction === undefined || c.direction === only.direction));
}

/**
 * The « état des restes à réaliser » totalled: the totals per section and
 * direction (the csv), every line (json), and the balance printed on each
 * line checked against engaged − released − mandated.
 */
export function commitmentTotalsReport(commitments: readonly Commitment[]): Report {
  return report('rar', [totalsTable(commitments), commitmentLinesTable(commitments)], { checks: balanceChecks(commitments) });
}

/**
 * Expenditure and receipts are never added together: a declared RAR figure
 * totals one direction. The problem, when the lines have both.
 */
export function mixedDirectionsProblem(commitments: readonly Commitment[]): string | undefined {
  return new Set(commitments.map((c) => c.direction)).size > 1 ? 'the listing has both expenditure and receipts' : undefined;
}

/**
 * The RAR figure of a deliberation checked against the lines' total carried
 * over, then every printed balance. Throws an InputError when the lines
 * have both directions (see {@link mixedDirectionsProblem}).
 */
export function declaredRarReport(declared: Decimal, commitments: readonly Commitment[]): Report {
  const problem = mixedDirectionsProblem(commitments);
  if (problem) throw new InputError([{ message: `${problem}, which are never added together: check the declared figure against one direction` }]);
  return checksReport([declaredRarCheck(declared, commitments), ...balanceChecks(commitments)]);
}
