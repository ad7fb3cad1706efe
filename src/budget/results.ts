import type { Decimal } from '../money/decimal.js';
import type { BudgetResults, SectionCarriedCommitments, SectionExecution } from './types.js';

/** One row of the deliberation's table (« tableau des résultats d'exécution »). */
export interface ResultRow {
  readonly expenditure: Decimal;
  readonly receipts: Decimal;
  /** « Solde d'exécution ou résultat reporté » (001 / 002), signed. */
  readonly carriedOver: Decimal;
  /** « Résultat de l'exercice »: receipts − expenditure. */
  readonly yearResult: Decimal;
  /** « Résultat ou solde (A) »: the year's result + the result carried over. */
  readonly cumulated: Decimal;
  readonly rarExpenditure: Decimal;
  readonly rarReceipts: Decimal;
  /** « Solde (B) » of the restes à réaliser: receipts − expenditure. */
  readonly rar: Decimal;
  /** « Résultat cumulé = (A) + (B) ». */
  readonly cumulatedWithRar: Decimal;
}

/** The whole table: A2/B2 (investment), A3/B3 (operating), A1/B1 (« TOTAL DU BUDGET »). */
export interface ResultTable {
  readonly investment: ResultRow;
  readonly operating: ResultRow;
  readonly total: ResultRow;
}

/** One section's row, every figure signed (+ surplus, − deficit). */
export function resultRow(execution: SectionExecution, rar: SectionCarriedCommitments): ResultRow {
  const yearResult = execution.receipts.minus(execution.expenditure);
  const cumulated = yearResult.plus(execution.carriedOver);
  const rarBalance = rar.receipts.minus(rar.expenditure);
  return {
    expenditure: execution.expenditure,
    receipts: execution.receipts,
    carriedOver: execution.carriedOver,
    yearResult,
    cumulated,
    rarExpenditure: rar.expenditure,
    rarReceipts: rar.receipts,
    rar: rarBalance,
    cumulatedWithRar: cumulated.plus(rarBalance),
  };
}

/**
 * The table of the deliberation. The total row is computed as the act
 * computes it, from the column totals (Dépenses, Recettes, reports, I + II,
 * III + IV), not by adding the sections' results: the property tests then
 * check that both ways agree.
 */
export function resultTable(results: BudgetResults): ResultTable {
  const investment = resultRow(results.investment, results.rarInvestment);
  const operating = resultRow(results.operating, results.rarOperating);
  const total = resultRow(
    {
      expenditure: results.investment.expenditure.plus(results.operating.expenditure),
      receipts: results.investment.receipts.plus(results.operating.receipts),
      carriedOver: results.investment.carriedOver.plus(results.operating.carriedOver),
    },
    {
      expenditure: results.rarInvestment.expenditure.plus(results.rarOperating.expenditure),
      receipts: results.rarInvestment.receipts.plus(results.rarOperating.receipts),
    },
  );
  return { investment, operating, total };
}
