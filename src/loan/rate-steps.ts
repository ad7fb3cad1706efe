import { Decimal, ONE, ZERO } from '../money/decimal.js';
import { required } from '../csv/table.js';
import * as f from '../csv/fields.js';
import { MAX_PERIODS, loanLineSchema } from './input.js';
import type { LoanLine, RateStep } from './types.js';
import { type InputNote, type InputProblem, NO_NOTES, NO_PROBLEMS } from '../errors.js';
import { highRateWarning } from './plausibility.js';

/**
 * « Taux par paliers »: rates fixed in advance by steps (« 7,8 % pendant
 * sept ans et 10 % pendant treize ans »). A step file (`--rate-steps`)
 * has one row per step: from due number `from_number` on, counted from the
 * first due date of the amortisation phase, deferral included, the line's
 * annual rate is `rate_pct`; before its first step a line keeps its own
 * `rate_pct`.
 */
export const rateStepSchema = {
  line_id: required(f.text, loanLineSchema.line_id.aliases),
  from_number: required(f.integerIn(1, MAX_PERIODS, 'a due number from 1 to 1 200'), [
    'a_partir_de_l_echeance', "a partir de l'echeance", 'a_partir_de', 'echeance', 'numero_echeance', 'palier',
  ]),
  rate_pct: required(f.percent, ['taux', 'taux_pct', 'taux_d_interet']),
};

/** A step's problem: `step` is its position in the line's list, `columnName` a column of the step file. */
export interface RateStepProblem {
  readonly step: number;
  readonly columnName: 'line_id' | 'from_number' | 'rate_pct';
  readonly message: string;
}

/**
 * What makes a line's steps impossible: steps on an indexed line (its rate
 * comes from the index, article 10), a step past the line's last due date,
 * two steps from the same due date, a negative rate.
 *
 * @example rateStepProblems(fixedLineOf20, [{ fromNumber: 25, ratePct: new Decimal(10) }])
 *   // [{ step: 0, columnName: 'from_number', message: 'expected a due number from 1 to 20 (the line\'s due dates), got 25' }]
 */
export function rateStepProblems(line: LoanLine, steps: readonly RateStep[]): RateStepProblem[] {
  const problems: RateStepProblem[] = [];
  const seen = new Set<number>();
  steps.forEach((s, step) => {
    if (line.index !== 'none') {
      problems.push({ step, columnName: 'line_id', message: `line ${JSON.stringify(line.lineId)} is indexed on the Livret A: its rate follows the index; rate steps apply to fixed-rate lines only` });
      return;
    }
    if (!Number.isInteger(s.fromNumber) || s.fromNumber < 1 || s.fromNumber > line.periods) {
      problems.push({ step, columnName: 'from_number', message: `expected a due number from 1 to ${line.periods} (the line's due dates), got ${s.fromNumber}` });
    } else if (seen.has(s.fromNumber)) {
      problems.push({ step, columnName: 'from_number', message: `due number ${s.fromNumber} already has a step for line ${JSON.stringify(line.lineId)}` });
    }
    seen.add(s.fromNumber);
    if (s.ratePct.lessThan(0)) problems.push({ step, columnName: 'rate_pct', message: 'expected a rate of zero or more (article 10: a rate is never negative)' });
  });
  return problems;
}

/**
 * The annual rate, in %, of due number `number` (1-based, deferral
 * included): the last step starting at or before it, else the line's own.
 * Number 0 (prefinancing) is before every step.
 *
 * Example: a line at 7,8 % with one step { fromNumber: 8, ratePct: 10 }:
 * due numbers 1 to 7 at 7,8 %, 8 and after at 10 %.
 */
export function steppedRatePct(line: LoanLine, number: number): Decimal {
  let rate = line.ratePct;
  let from = 0;
  for (const s of line.rateSteps ?? []) {
    if (s.fromNumber <= number && s.fromNumber >= from) {
      rate = s.ratePct;
      from = s.fromNumber;
    }
  }
  return rate;
}

/**
 * The exact first payment that, growing by (1+p) each period, repays
 * `base` over the periods whose rates are `periodRates` (t₁ … tₙ, one per
 * amortising due date, in order):
 *
 *   E₁ = base / Σⱼ₌₀ⁿ⁻¹ (1+p)ʲ / Πᵢ₌₁ʲ⁺¹ (1+tᵢ)
 *
 * the present value of the growing payments at the successive rates. With a
 * single rate it is `exactFirstPayment` (src/loan/payment.ts): the
 * denominator is then the geometric sum Σ (1+p)ʲ/(1+t)ʲ⁺¹. Not rounded.
 *
 * Example: 100 over two annual periods at 10 % then 20 %, p = 0:
 * 100 / (1/1,1 + 1/(1,1 × 1,2)) = 100 / (0,909090… + 0,757575…) = 60,00.
 */
export function steppedFirstPayment(base: Decimal, periodRates: readonly Decimal[], p: Decimal): Decimal {
  let discount = ONE; // Π (1+tᵢ)⁻¹ up to this period
  let growth = ONE; // (1+p)ʲ
  let total = ZERO;
  const g = ONE.plus(p);
  for (const t of periodRates) {
    discount = discount.div(ONE.plus(t));
    total = total.plus(growth.times(discount));
    growth = growth.times(g);
  }
  return base.div(total);
}

/** Whether a line has rates fixed in advance by steps. */
export function hasRateSteps(line: LoanLine): boolean {
  return (line.rateSteps?.length ?? 0) > 0;
}

/** A step file read: each line's steps with the file line they come from, and where its columns are (for messages). */
export interface RateStepsFile {
  readonly file: string;
  readonly columns: { readonly [K in keyof typeof rateStepSchema]?: number };
  readonly byLine: ReadonlyMap<string, readonly { readonly line: number; readonly step: RateStep }[]>;
}

/**
 * The line with its steps from a step file, or the steps' problems located
 * in that file (file, line, column): a step file is checked against the
 * line it names, whichever path amortises the line.
 */
export function attachRateSteps(line: LoanLine, file: RateStepsFile | undefined): { line?: LoanLine; problems: InputProblem[]; warnings: InputNote[] } {
  const given = file?.byLine.get(line.lineId);
  if (!file || !given || given.length === 0) return { line, problems: NO_PROBLEMS, warnings: NO_NOTES };
  const problems = rateStepProblems(line, given.map((g) => g.step)).map((p): InputProblem => {
    const column = file.columns[p.columnName];
    return { file: file.file, line: given[p.step]!.line, ...(column !== undefined ? { column } : {}), columnName: p.columnName, message: p.message };
  });
  if (problems.length > 0) return { problems, warnings: [] };
  // A step's rate is checked as a line's is (plausibility.ts): amortised all the same, with a warning where it was typed.
  const warnings: InputNote[] = [];
  for (const g of given) {
    const message = highRateWarning(g.step.ratePct);
    const column = file.columns.rate_pct;
    if (message !== undefined) warnings.push({ file: file.file, line: g.line, ...(column !== undefined ? { column } : {}), columnName: 'rate_pct', message });
  }
  return { line: { ...line, rateSteps: given.map((g) => g.step) }, problems: [], warnings };
}

/** The step file's lines that name no line of LOANS.csv: a step for a line that does not exist is refused, not ignored. */
export function unknownRateStepLines(file: RateStepsFile | undefined, lineIds: ReadonlySet<string>, loansFile: string): InputProblem[] {
  if (!file) return [];
  const problems: InputProblem[] = [];
  for (const [id, given] of file.byLine) {
    if (lineIds.has(id)) continue;
    const column = file.columns.line_id;
    problems.push({ file: file.file, line: given[0]!.line, ...(column !== undefined ? { column } : {}), columnName: 'line_id', message: `line_id ${JSON.stringify(id)} is not in ${loansFile}` });
  }
  return problems;
}
