import { type Decimal, ZERO } from '../money/decimal.js';
import { type Check, checkFigure, checksTable } from '../report/check.js';
import { type Report, note, report } from '../report/model.js';
import type { Section } from '../budget/types.js';
import { type ChartOfAccounts, sectionOf } from './sections.js';
import { identityFacts } from './results.js';
import type { BudgetDocument } from './types.js';

/**
 * `--report balance` for a voted document (BP, BS, DM): each section
 * balanced in MtPrev, reprises (001, 002, 1068) and order operations
 * included (CGCT L1612-4: « la section de fonctionnement et la section
 * d'investissement sont respectivement votées en équilibre réel »).
 * Declared = the receipts voted, recomputed = the expenditure voted.
 */
export function balanceChecks(doc: BudgetDocument, chart?: ChartOfAccounts): Check[] {
  const totals: Record<string, Decimal> = { investmentD: ZERO, investmentR: ZERO, operatingD: ZERO, operatingR: ZERO };
  const counts: Record<string, number> = { investmentD: 0, investmentR: 0, operatingD: 0, operatingR: 0 };
  for (const l of doc.lines) {
    const key = sectionOf(l, chart).section + l.direction;
    totals[key] = totals[key]!.plus(l.forecast);
    counts[key]!++;
  }
  const names: Record<Section, string> = { investment: 'investment', operating: 'operating' };
  return (['investment', 'operating'] as const).map((s) =>
    checkFigure(`${names[s]} section balanced (MtPrev)`, totals[s + 'R']!, totals[s + 'D']!, [], `declared: receipts voted (${counts[s + 'R']} lines); recomputed: expenditure voted (${counts[s + 'D']} lines) (CGCT L1612-4)`),
  );
}

export function balanceReport(doc: BudgetDocument, chart?: ChartOfAccounts): Report {
  const checks = balanceChecks(doc, chart);
  const notes = doc.identity.kind === 'CA' || doc.identity.kind === 'CFU' ? [note(`a ${doc.identity.kind}: its MtPrev are the credits of the year (BP + BS + DM), checked all the same`)] : [];
  return report('ca_balance', [checksTable(checks)], { checks, notes, facts: identityFacts(doc) });
}
