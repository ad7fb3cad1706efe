import { InputError, type InputNote, type InputProblem } from '../errors.js';
import { parseTable, type TableOptions, type TableResult } from '../csv/table.js';
import type { RateHistory } from '../rates/history.js';
import { loanLineFromRow, loanLineSchema } from './input.js';
import { loanLineWarnings } from './plausibility.js';
import { amortize } from './schedule.js';
import type { Disbursement, Schedule } from './types.js';
import { type RateStepsFile, attachRateSteps } from './rate-steps.js';

export interface AmortizeCsvOptions extends TableOptions {
  /** The Livret A history, for indexed lines (the Node entry point `finloc/node` gives the bundled one by default). */
  readonly index?: RateHistory;
  /** Actual « Versements », by line_id. */
  readonly disbursements?: ReadonlyMap<string, readonly Disbursement[]>;
  /** Rates fixed in advance by steps (`--rate-steps`), by line_id; their problems are located in their own file. */
  readonly rateSteps?: RateStepsFile;
  /**
   * When given, the plausibility warnings of the lines amortised (a rate
   * typed as a fraction, a principal over 10 billion €…: src/loan/plausibility.ts)
   * are added here, located by line and column. They never change a figure.
   */
  readonly warnings?: InputNote[];
}

/** The lines of a LOANS table amortised, each with the line of the file it comes from. */
export interface AmortizedRows {
  readonly schedules: { readonly line: number; readonly schedule: Schedule }[];
  /** Every line id of the table, amortised or not. */
  readonly lineIds: Set<string>;
  readonly problems: InputProblem[];
  /** Plausibility warnings of the lines amortised, located (line, column). */
  readonly warnings: InputNote[];
}

/** A line_id given twice is refused, with the line it was first given on: which of the two tables would be the line's? */
export function repeatedLineIdMessage(lineId: string, firstLine: number): string {
  return `line_id ${JSON.stringify(lineId)} already given on line ${firstLine}`;
}

/**
 * Amortises the rows of a LOANS table already read (`parseTable(text,
 * loanLineSchema)`), those `only` keeps; the others are checked, not
 * amortised. A line_id given twice and a line the engine refuses are
 * problems, located.
 */
export function amortizeRows(
  read: Pick<TableResult<typeof loanLineSchema>, 'rows' | 'columnOf'>,
  options: AmortizeCsvOptions & {
    readonly only?: (lineId: string) => boolean;
    /** When given, each schedule goes to it and is not kept (a portfolio's year-end figures need not hold every table). */
    readonly each?: (line: number, schedule: Schedule) => void;
  } = {},
): AmortizedRows {
  const at = (line: number, columnName: string | undefined, message: string): InputProblem => {
    const column = columnName ? read.columnOf(columnName as keyof typeof loanLineSchema) : undefined;
    return { line, ...(column !== undefined ? { column } : {}), ...(columnName ? { columnName } : {}), message };
  };
  const schedules: { line: number; schedule: Schedule }[] = [];
  const problems: InputProblem[] = [];
  const warnings: InputNote[] = [];
  const seen = new Map<string, number>();
  for (const { line, row } of read.rows) {
    const before = seen.get(row.line_id);
    if (before !== undefined) {
      problems.push(at(line, 'line_id', repeatedLineIdMessage(row.line_id, before)));
      continue;
    }
    seen.set(row.line_id, line);
    const built = loanLineFromRow(row);
    if (!built.line) {
      problems.push(...built.problems.map((p) => at(line, p.columnName, p.message)));
      continue;
    }
    if (options.only && !options.only(row.line_id)) continue;
    const stepped = attachRateSteps(built.line, options.rateSteps);
    if (!stepped.line) {
      problems.push(...stepped.problems);
      continue;
    }
    try {
      const disbursements = options.disbursements?.get(row.line_id);
      const schedule = amortize(stepped.line, { ...(options.index ? { index: options.index } : {}), ...(disbursements ? { disbursements } : {}) });
      if (options.each) options.each(line, schedule);
      else schedules.push({ line, schedule });
      for (const w of loanLineWarnings(stepped.line, options.index)) warnings.push(at(line, w.columnName, w.message));
      warnings.push(...stepped.warnings);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems.map((p) => at(line, p.columnName, p.message)));
    }
  }
  options.warnings?.push(...warnings);
  return { schedules, lineIds: new Set(seen.keys()), problems, warnings };
}

/**
 * The amortisation tables of every line of a LOANS.csv text, as `finloc
 * amortize` reads it (same columns, French names, decimal commas…). Every
 * problem of the text is thrown at once in an InputError, each with its
 * line and column.
 *
 * @example amortizeCsv('line_id,principal,first_due_date,periods,rate_pct\nA,1000,2027-01-01,2,10\n')[0].rows[0].payment.toFixed(2) // '576.19'
 */
export function amortizeCsv(text: string, options: AmortizeCsvOptions = {}): Schedule[] {
  const read = parseTable(text, loanLineSchema, options);
  const amortized = amortizeRows(read, options);
  const problems = [...read.problems, ...amortized.problems];
  if (problems.length > 0) throw new InputError(problems);
  return amortized.schedules.map((s) => s.schedule);
}
