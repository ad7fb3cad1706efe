import { InputError } from '../errors.js';
import { type Decimal, ZERO } from '../money/decimal.js';
import { type Check, checkFigure } from '../report/check.js';
import type { AllocationReport } from '../budget/figures.js';
import type { BudgetDocument, BudgetLine } from './types.js';

/**
 * The amount a document gives a line: a CA or CFU its realised amount
 * (MtReal), a voted document (BP, BS, DM) its credits (MtPrev).
 */
export function amountOfLine(doc: BudgetDocument, line: BudgetLine): Decimal {
  return doc.identity.kind === 'CA' || doc.identity.kind === 'CFU' ? line.realised : line.forecast;
}

/** The signed reprise of an account in a document: + in receipts, − in expenditure (001, 002), or the receipt alone (1068). */
export function repriseOf(doc: BudgetDocument, nature: string, receiptsOnly = false): Decimal {
  let total = ZERO;
  for (const l of doc.lines) {
    if (l.nature !== nature) continue;
    if (l.direction === 'R') total = total.plus(amountOfLine(doc, l));
    else if (!receiptsOnly) total = total.minus(amountOfLine(doc, l));
  }
  return total;
}

/**
 * Refuses two documents that are not the same budget in consecutive years:
 * different SIRET (an annexed budget has its own), different budget code,
 * or a later year other than the next one. The earlier must be a CA (or CFU).
 */
export function checkPair(earlier: BudgetDocument, later: BudgetDocument, files: { earlier: string; later: string }): void {
  const a = earlier.identity;
  const b = later.identity;
  const problems: string[] = [];
  if (a.siret !== b.siret) problems.push(`not the same budget: SIRET ${a.siret} (${files.earlier}) and ${b.siret} (${files.later})`);
  else if (a.budgetCode !== b.budgetCode) problems.push(`not the same budget: CodBud ${a.budgetCode ?? '(none)'} and ${b.budgetCode ?? '(none)'}`);
  if (b.year !== a.year + 1) problems.push(`not consecutive years: ${a.year} (${files.earlier}) and ${b.year} (${files.later}); expected ${a.year + 1}`);
  if (a.kind !== 'CA' && a.kind !== 'CFU') problems.push(`${files.earlier} is a ${a.kind}: the results carried over come from a CA (NatDec 09) or CFU`);
  if (problems.length > 0) throw new InputError(problems.map((message) => ({ message })));
}

/**
 * The reprises of year N's results in a document of year N + 1 (CGCT
 * R2311-11, R2311-12, R2311-13):
 * - 001 (signed) = the cumulated investment result A2;
 * - with an operating surplus, 1068 + 002 = the cumulated operating result A3;
 *   with a deficit, 002 = A3 (in expenditure) and nothing in 1068;
 * - 1068 covers the financing need (at least min(A3, need)): a shortfall
 *   does not hold, its difference is the amount missing.
 */
export function repriseChecks(earlier: AllocationReport, later: BudgetDocument, laterFile: string): Check[] {
  const carried001 = repriseOf(later, '001');
  const carried002 = repriseOf(later, '002');
  const to1068 = repriseOf(later, '1068', true);
  const col = later.identity.kind === 'CA' || later.identity.kind === 'CFU' ? 'MtReal' : 'MtPrev';
  const where = `${laterFile}, ${later.identity.kind} ${later.identity.year}, ${col}`;
  const a2 = earlier.table.investment.cumulated;
  const a3 = earlier.table.operating.cumulated;
  const checks: Check[] = [
    checkFigure('reprise 001 = cumulated investment result (A2)', carried001, a2, [], `declared: 001 of ${where}; recomputed: A2 of the CA (CGCT R2311-12)`),
  ];
  if (a3.greaterThan(0)) {
    checks.push(checkFigure('reprise 1068 + 002 = cumulated operating result (A3)', to1068.plus(carried002), a3, [], `declared: 1068 ${to1068.toFixed(2)} + 002 ${carried002.toFixed(2)} of ${where}; recomputed: A3 of the CA (CGCT R2311-11)`));
  } else {
    checks.push(checkFigure('reprise 002 = operating deficit (A3)', carried002, a3, [], `declared: 002 of ${where}; recomputed: A3 of the CA, a deficit carried in expenditure (CGCT R2311-11)`));
  }
  const minimum = earlier.allocation.minimumTo1068;
  const difference = to1068.minus(minimum);
  const covered = !difference.isNegative();
  checks.push({
    item: '1068 covers the financing need',
    declared: to1068,
    recomputed: minimum,
    difference,
    holds: covered,
    note:
      `declared: 1068 of ${where}; recomputed: min(A3, financing need ${earlier.allocation.financingNeed.toFixed(2)}) (CGCT R2311-11, R2311-12); holds when declared ≥ recomputed` +
      (covered ? '' : `; ${difference.negated().toFixed(2)} missing`),
  });
  return checks;
}
