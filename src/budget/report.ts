import { formatFrenchGrouped, formatMachine } from '../money/format.js';
import { type Check, checksTable } from '../report/check.js';
import { type Note, type Report, alert, column, note, report, word } from '../report/model.js';
import { type AllocationReport, allocationFigures } from './figures.js';

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
          `is ${g(a.ratioPct!, 2)} % of operating receipts (${a.receiptsBasis === 'real' ? 'real receipts' : 'total receipts'}), ` +
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
