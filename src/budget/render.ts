import type { Decimal } from '../money/decimal.js';
import { formatMachine } from '../money/format.js';
import { type OutputFormat, amountText, separatorOf } from '../output/format.js';
import { csvDocument } from '../csv/write.js';
import type { FigureCheck } from './check.js';
import { type CommitmentTotals, type Commitment, carriedOver } from './commitments.js';
import { type AllocationReport, allocationFigures } from './figures.js';

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const money = (d: Decimal) => formatMachine(d);

/**
 * The allocation: `item,amount` (csv), the same rows with the act's French
 * titles (csv-fr), or one JSON object with the same items and the alert.
 */
export function renderAllocation(report: AllocationReport, format: OutputFormat): string {
  const figures = allocationFigures(report);
  if (format === 'json') {
    const a = report.alert;
    return json({
      ...Object.fromEntries(figures.map(({ spec, value }) => [spec.item, money(value)])),
      deficit_alert: {
        flagged: a.flagged,
        receipts: money(a.receipts),
        receipts_basis: a.receiptsBasis,
        population_known: a.populationKnown,
      },
    });
  }
  const header = format === 'csv-fr' ? ['Poste', 'Montant'] : ['item', 'amount'];
  return csvDocument(
    header,
    figures.map(({ spec, value }) => [format === 'csv-fr' ? spec.title : spec.item, amountText(value, format)]),
    separatorOf(format),
  );
}

/** Declared, recomputed, difference and verdict for each figure checked. */
export function renderChecks(checks: readonly FigureCheck[], format: OutputFormat): string {
  if (format === 'json') {
    return json({
      all_hold: checks.every((c) => c.holds),
      checks: checks.map((c) => ({
        item: c.item,
        declared: money(c.declared),
        recomputed: money(c.recomputed),
        difference: money(c.difference),
        holds: c.holds,
        ...(c.note !== undefined ? { note: c.note } : {}),
      })),
    });
  }
  const fr = format === 'csv-fr';
  const header = fr ? ['Poste', 'Déclaré', 'Recalculé', 'Écart', 'Verdict', 'Observation'] : ['item', 'declared', 'recomputed', 'difference', 'verdict', 'note'];
  const verdict = (c: FigureCheck) => (c.holds ? (fr ? 'conforme' : 'ok') : fr ? 'écart' : 'differs');
  return csvDocument(
    header,
    checks.map((c) => [c.item, amountText(c.declared, format), amountText(c.recomputed, format), amountText(c.difference, format), verdict(c), c.note ?? '']),
    separatorOf(format),
  );
}

const SECTION_FR = { investment: 'Investissement', operating: 'Fonctionnement' } as const;
const DIRECTION_FR = { expenditure: 'Dépenses', receipt: 'Recettes' } as const;

/** The listing's totals, one row per section and direction present; JSON adds each line's carried-over amount. */
export function renderCommitmentTotals(totals: readonly CommitmentTotals[], commitments: readonly Commitment[], format: OutputFormat): string {
  if (format === 'json') {
    return json({
      totals: totals.map((t) => ({
        section: t.section,
        direction: t.direction,
        lines: t.lines,
        engaged: money(t.engaged),
        released: money(t.released),
        mandated: money(t.mandated),
        carried_over: money(t.carriedOver),
      })),
      lines: commitments.map((c) => ({
        line: c.line,
        reference: c.reference,
        section: c.section,
        direction: c.direction,
        ...(c.account !== undefined ? { account: c.account } : {}),
        ...(c.thirdParty !== undefined ? { third_party: c.thirdParty } : {}),
        ...(c.label !== undefined ? { label: c.label } : {}),
        engaged: money(c.engaged),
        released: money(c.released),
        mandated: money(c.mandated),
        carried_over: money(carriedOver(c)),
        ...(c.balance !== undefined ? { balance: money(c.balance) } : {}),
      })),
    });
  }
  const fr = format === 'csv-fr';
  const header = fr
    ? ['Section', 'Sens', 'Nombre de lignes', 'Engagé', 'Dégagé', 'Mandaté ou titré', 'Reste à réaliser']
    : ['section', 'direction', 'lines', 'engaged', 'released', 'mandated', 'carried_over'];
  return csvDocument(
    header,
    totals.map((t) => [
      fr ? SECTION_FR[t.section] : t.section,
      fr ? DIRECTION_FR[t.direction] : t.direction,
      String(t.lines),
      ...[t.engaged, t.released, t.mandated, t.carriedOver].map((d) => amountText(d, format)),
    ]),
    separatorOf(format),
  );
}
