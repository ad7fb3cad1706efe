import { ZERO, type Decimal, min } from '../money/decimal.js';
import type { ResultTable } from './results.js';

/**
 * « Affectation du résultat » (CGCT R2311-11 and R2311-12; the same in M14,
 * M57 and the compte financier unique).
 */
export interface Allocation {
  /** « Besoin de financement de la section d'investissement »: −(A2 + B2) when negative, else 0. */
  readonly financingNeed: Decimal;
  /** What the rules force into 1068: min(A3, need) when A3 is a surplus, else 0. */
  readonly minimumTo1068: Decimal;
  /** « Excédents de fonctionnement capitalisés » (compte 1068), a receipt of the next investment section. */
  readonly to1068: Decimal;
  /** « Résultat de fonctionnement reporté » (002), signed: + in receipts, − in expenditure. */
  readonly to002: Decimal;
  /** « Solde d'exécution de la section d'investissement reporté » (001), signed: it is A2, without RAR. */
  readonly carriedOver001: Decimal;
  /** Financing need left once 1068 is counted: what the next budget must find elsewhere. */
  readonly uncoveredNeed: Decimal;
}

/**
 * The financing need is the investment result corrected by its restes à
 * réaliser (R2311-12: « le besoin de financement … est constitué par le
 * solde d'exécution corrigé des restes à réaliser »).
 */
export function financingNeed(investmentWithRar: Decimal): Decimal {
  return investmentWithRar.isNegative() ? investmentWithRar.negated() : ZERO;
}

/**
 * The operating surplus covers the need first (R2311-11, « en priorité »);
 * a deficit covers nothing. The operating result allocated is A3, the
 * cumulated result without operating RAR: R2311-11 names « le résultat
 * excédentaire de la section de fonctionnement … cumulé avec le résultat
 * antérieur reporté », and only the investment side is corrected by RAR.
 */
export function minimumTo1068(operatingResult: Decimal, need: Decimal): Decimal {
  return operatingResult.greaterThan(0) ? min(operatingResult, need) : ZERO;
}

/** Why an amount chosen by the assembly for 1068 cannot stand, or undefined when it can. */
export function to1068Problem(table: ResultTable, chosen: Decimal): string | undefined {
  const operating = table.operating.cumulated;
  const minimum = minimumTo1068(operating, financingNeed(table.investment.cumulatedWithRar));
  if (chosen.decimalPlaces() > 2) return 'an amount in euros and cents (at most two decimals) is expected';
  if (!operating.greaterThan(0)) {
    return chosen.isZero() ? undefined : `the operating result is not a surplus (${operating.toFixed(2)}): nothing can go to 1068`;
  }
  if (chosen.lessThan(minimum)) return `at least ${minimum.toFixed(2)} must go to 1068 (the financing need covered by the operating surplus)`;
  if (chosen.greaterThan(operating)) return `at most the operating surplus, ${operating.toFixed(2)}, can go to 1068`;
  return undefined;
}

/**
 * Allocates the year's results. `chosen1068` is what the assembly decides to
 * put into 1068 (at least the minimum, at most the surplus); by default the
 * minimum, the rest of the surplus going to 002.
 */
export function allocate(table: ResultTable, chosen1068?: Decimal): Allocation {
  const need = financingNeed(table.investment.cumulatedWithRar);
  const operating = table.operating.cumulated;
  const minimum = minimumTo1068(operating, need);
  if (chosen1068 !== undefined) {
    const problem = to1068Problem(table, chosen1068);
    if (problem) throw new RangeError(problem);
  }
  const to1068 = chosen1068 ?? minimum;
  const uncovered = need.minus(to1068);
  return {
    financingNeed: need,
    minimumTo1068: minimum,
    to1068,
    to002: operating.minus(to1068),
    carriedOver001: table.investment.cumulated,
    uncoveredNeed: uncovered.isNegative() ? ZERO : uncovered,
  };
}
