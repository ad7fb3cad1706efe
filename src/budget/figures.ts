import type { Decimal } from '../money/decimal.js';
import { type Allocation, allocate } from './allocation.js';
import { type DeficitAlert, deficitAlert } from './deficit-alert.js';
import { type ResultTable, resultTable } from './results.js';
import type { BudgetResults } from './types.js';

/** Everything `allocate` computes for one budget. */
export interface AllocationReport {
  readonly table: ResultTable;
  readonly allocation: Allocation;
  readonly alert: DeficitAlert;
}

/** One output figure: its machine name, its French title (as in the acts), how it is read off a report. */
export interface FigureSpec {
  readonly item: string;
  readonly title: string;
  /** French ways a deliberation or a spreadsheet names it (accepted in a DECLARED file). */
  readonly aliases: readonly string[];
  readonly of: (r: AllocationReport) => Decimal | undefined;
}

const f = (item: string, title: string, aliases: readonly string[], of: FigureSpec['of']): FigureSpec => ({ item, title, aliases, of });

/**
 * The figures of `allocate`, in output order. The first fifteen are the
 * issue's machine items; then the uncovered need, the total rows of the
 * deliberation's table, and the deficit alert.
 */
export const ALLOCATION_FIGURES: readonly FigureSpec[] = [
  f('result_investment', 'Investissement : résultat ou solde (A) A2', ['A2', 'resultat_investissement'], (r) => r.table.investment.cumulated),
  f('result_operating', 'Fonctionnement : résultat ou solde (A) A3', ['A3', 'resultat_fonctionnement'], (r) => r.table.operating.cumulated),
  f('result_total', 'TOTAL DU BUDGET : résultat ou solde (A) A1', ['A1', 'resultat_total'], (r) => r.table.total.cumulated),
  f('rar_investment', 'Investissement : restes à réaliser, solde (B) B2', ['B2', 'rar_investissement', 'solde_rar_investissement'], (r) => r.table.investment.rar),
  f('rar_operating', 'Fonctionnement : restes à réaliser, solde (B) B3', ['B3', 'rar_fonctionnement', 'solde_rar_fonctionnement'], (r) => r.table.operating.rar),
  f('rar_total', 'TOTAL des RAR : solde (B) B1', ['B1', 'total_des_rar', 'solde_rar'], (r) => r.table.total.rar),
  f('cumulated_investment', 'Résultat cumulé (A) + (B) : investissement A2 + B2', ['A2 + B2', 'resultat_cumule_investissement'], (r) => r.table.investment.cumulatedWithRar),
  f('cumulated_operating', 'Résultat cumulé (A) + (B) : fonctionnement A3 + B3', ['A3 + B3', 'resultat_cumule_fonctionnement'], (r) => r.table.operating.cumulatedWithRar),
  f('cumulated_total', 'Résultat cumulé (A) + (B) : TOTAL A1 + B1', ['A1 + B1', 'resultat_cumule', 'resultat_cumule_total'], (r) => r.table.total.cumulatedWithRar),
  f('financing_need', "Besoin de financement de la section d'investissement", ['besoin_de_financement', 'deficit_d_investissement_a_couvrir'], (r) => r.allocation.financingNeed),
  f('min_to_1068', 'Affectation minimale au compte 1068', ['affectation_minimale_1068', 'minimum_1068'], (r) => r.allocation.minimumTo1068),
  f('to_1068', 'Excédents de fonctionnement capitalisés (compte 1068)', ['1068', 'affectation_1068', 'excedents_de_fonctionnement_capitalises'], (r) => r.allocation.to1068),
  f('to_002', 'Résultat de fonctionnement reporté (002)', ['002', 'report_002', 'resultat_de_fonctionnement_reporte'], (r) => r.allocation.to002),
  f('carried_over_001', "Solde d'exécution de la section d'investissement reporté (001)", ['001', 'report_001', 'solde_d_execution_d_investissement_reporte'], (r) => r.allocation.carriedOver001),
  f('uncovered_financing_need', 'Besoin de financement non couvert', ['besoin_de_financement_non_couvert'], (r) => r.allocation.uncoveredNeed),
  f('total_expenditure', 'TOTAL DU BUDGET : dépenses', ['total_depenses'], (r) => r.table.total.expenditure),
  f('total_receipts', 'TOTAL DU BUDGET : recettes', ['total_recettes'], (r) => r.table.total.receipts),
  f('total_carried_over', "TOTAL DU BUDGET : solde d'exécution ou résultat reporté", ['total_reports', 'total_resultats_reportes'], (r) => r.table.total.carriedOver),
  f('rar_total_expenditure', 'TOTAL des RAR : dépenses (I + II)', ['I + II', 'total_rar_depenses'], (r) => r.table.total.rarExpenditure),
  f('rar_total_receipts', 'TOTAL des RAR : recettes (III + IV)', ['III + IV', 'total_rar_recettes'], (r) => r.table.total.rarReceipts),
  f('deficit', 'Déficit global, restes à réaliser compris', ['deficit_global'], (r) => r.alert.deficit),
  // Shown, and checked, with two decimals as a report prints it; the alert itself compares exactly.
  f('deficit_ratio_pct', 'Déficit en % des recettes de fonctionnement', ['taux_de_deficit'], (r) => r.alert.ratioPct?.toDecimalPlaces(2)),
  f('alert_threshold_pct', "Seuil d'alerte en % (L1612-14, R1612-31)", ['seuil_d_alerte'], (r) => r.alert.thresholdPct),
];

/** Computes the table, the allocation (with the assembly's 1068 when given) and the alert. */
export function allocationReport(results: BudgetResults, chosen1068?: Decimal): AllocationReport {
  const table = resultTable(results);
  return { table, allocation: allocate(table, chosen1068), alert: deficitAlert(results, table) };
}

/** The figures of a report in output order, leaving out those that do not exist (a ratio without receipts). */
export function allocationFigures(report: AllocationReport): { spec: FigureSpec; value: Decimal }[] {
  const out: { spec: FigureSpec; value: Decimal }[] = [];
  for (const spec of ALLOCATION_FIGURES) {
    const value = spec.of(report);
    if (value !== undefined) out.push({ spec, value });
  }
  return out;
}
