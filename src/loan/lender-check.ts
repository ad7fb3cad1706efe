import { Decimal } from '../money/decimal.js';
import type { IsoDate } from '../calendar/date.js';
import { optional, required, type RowOf } from '../csv/table.js';
import * as f from '../csv/fields.js';
import { type RateHistory, makeRateHistory } from '../rates/history.js';
import { SCHEDULE_COLUMNS } from './render.js';
import { type AmortizeOptions, amortize } from './schedule.js';
import type { DayCount } from '../calendar/day-count.js';
import type { LoanLine, Schedule, ScheduleRow } from './types.js';

const title = (key: string) => SCHEDULE_COLUMNS.find((c) => c.key === key)!.title;

/**
 * LENDER.csv: a lender's table typed or exported in the layouts finloc
 * writes (csv keys or csv-fr titles); several lines in one file; a
 * « Total » row (its due number reads « Total ») is left out.
 */
export const lenderTableSchema = {
  line_id: required(f.text, [title('line_id'), 'ligne', 'n_ligne']),
  number: required(f.text, [title('number'), 'n_echeance', 'echeance_n']),
  due_date: optional(f.date, [title('due_date'), 'date_echeance']),
  rate_pct: optional(f.percent, [title('rate_pct'), 'taux']),
  payment: optional(f.amount, [title('payment'), 'echeance']),
  amortisation: optional(f.amount, [title('amortisation')]),
  interest: optional(f.amount, [title('interest'), 'interets']),
  deferred_interest: optional(f.amount, [title('deferred_interest')]),
  capital_after: optional(f.amount, [title('capital_after'), 'capital_restant_du']),
  deferred_stock: optional(f.amount, [title('deferred_stock')]),
};
export type LenderRow = RowOf<typeof lenderTableSchema>;

/** The compared columns: the row's figures, as the lender gives them (an empty cell is not compared). */
const COMPARED = ['due_date', 'rate_pct', 'payment', 'amortisation', 'interest', 'deferred_interest', 'capital_after', 'deferred_stock'] as const;
type Compared = (typeof COMPARED)[number];

const FIELD: Record<Compared, keyof ScheduleRow> = {
  due_date: 'dueDate', rate_pct: 'ratePct', payment: 'payment', amortisation: 'amortisation', interest: 'interest',
  deferred_interest: 'deferredInterest', capital_after: 'capitalAfter', deferred_stock: 'deferredStock',
};

/** One cell where the lender and finloc differ; difference = lender − finloc (the lender's figure is the declared one). */
export interface CellDifference {
  readonly lineId: string;
  readonly number: number;
  readonly column: Compared | 'row';
  readonly lender: Decimal | IsoDate | undefined;
  readonly finloc: Decimal | IsoDate | undefined;
  readonly difference: Decimal | undefined;
}

/**
 * The cells of a lender's table that differ from a schedule; a due number
 * one side has and the other not is a `row` difference.
 *
 * Example: the lender prints 30 214,18 for finloc's 30 214,17 at due date 1:
 * one difference, payment, 0,01.
 */
export function compareWithLender(schedule: Schedule, lender: readonly { number: number; row: LenderRow }[]): CellDifference[] {
  const lineId = schedule.line.lineId;
  const ours = new Map(schedule.rows.map((r) => [r.number, r]));
  const differences: CellDifference[] = [];
  const seen = new Set<number>();
  for (const { number, row } of lender) {
    seen.add(number);
    const mine = ours.get(number);
    if (mine === undefined) {
      differences.push({ lineId, number, column: 'row', lender: row.payment, finloc: undefined, difference: undefined });
      continue;
    }
    for (const column of COMPARED) {
      const theirs = row[column];
      if (theirs === undefined) continue;
      const value = mine[FIELD[column]] as Decimal | IsoDate;
      if (column === 'due_date') {
        if (theirs !== value) differences.push({ lineId, number, column, lender: theirs as IsoDate, finloc: value as IsoDate, difference: undefined });
      } else if (!(theirs as Decimal).equals(value as Decimal)) {
        differences.push({ lineId, number, column, lender: theirs as Decimal, finloc: value as Decimal, difference: (theirs as Decimal).minus(value as Decimal) });
      }
    }
  }
  for (const r of schedule.rows) if (!seen.has(r.number)) differences.push({ lineId, number: r.number, column: 'row', lender: undefined, finloc: r.payment, difference: undefined });
  return differences;
}

/** A convention a lender may have used where finloc follows the contract, and how to compute a line under it. */
export interface Convention {
  readonly name: string;
  /** undefined when the convention cannot differ for this line (a fixed-rate line has no index to lag). */
  readonly schedule: (line: LoanLine, options: AmortizeOptions) => Schedule | undefined;
}

const otherDayCounts = (d: DayCount): DayCount[] => (['30/360', 'actual/365', 'actual/360'] as const).filter((x) => x !== d);

/**
 * The alternative conventions tried, in this order, when a line differs
 * (issue 14): the payment recomputed from the rounded remaining capital at
 * every due date; the Livret A value of the previous publication; the other
 * day counts; the other interest mode; half cents rounded to the even cent;
 * the payment's surplus repaying the capital before the stock.
 */
export const CONVENTIONS: readonly Convention[] = [
  { name: 'payment recomputed at every due date from the rounded remaining capital (instead of carried forward, contract art. 12)', schedule: (line, o) => amortize(line, { ...o, recomputeEachPeriod: true }) },
  {
    name: 'Livret A value of the previous publication (one publication late)',
    schedule: (line, o) => (line.index === 'none' || o.index === undefined ? undefined : amortize(line, { ...o, index: lagOnePublication(o.index) })),
  },
  ...(['30/360', 'actual/365', 'actual/360'] as const).map((d) => ({
    name: `day count ${d}`,
    schedule: (line: LoanLine, o: AmortizeOptions) => (otherDayCounts(line.dayCount).includes(d) ? amortize({ ...line, dayCount: d }, o) : undefined),
  })),
  {
    name: 'the other interest mode (equivalent ↔ proportional period rate)',
    schedule: (line, o) => amortize({ ...line, interestMode: line.interestMode === 'equivalent' ? 'proportional' : 'equivalent' }, o),
  },
  { name: 'half cents rounded to the even cent (« arrondi bancaire ») instead of away from zero', schedule: (line, o) => amortize(line, { ...o, rounding: 'half-even' }) },
  {
    name: 'payment surplus repaying the capital before the stock of deferred interest',
    // Only a payment-priority line ever holds a stock to repay.
    schedule: (line, o) => (line.profile === 'payment_priority' ? amortize(line, { ...o, surplusOrder: 'capital-first' }) : undefined),
  },
];

/**
 * An index history one publication late: each value takes effect on the
 * date the next one did, so that every date sees the value published
 * before the one in force.
 */
export function lagOnePublication(index: RateHistory): RateHistory {
  const pts = index.points;
  const lagged = pts.slice(1).map((p, k) => ({ effectiveDate: p.effectiveDate, ratePct: pts[k]!.ratePct }));
  return makeRateHistory(index.name, [pts[0]!, ...lagged], index.knownUntil);
}

/** The first convention under which the line reproduces every cell of the lender's table, or undefined. */
export function diagnose(line: LoanLine, options: AmortizeOptions, lender: readonly { number: number; row: LenderRow }[]): string | undefined {
  for (const c of CONVENTIONS) {
    let schedule: Schedule | undefined;
    try {
      schedule = c.schedule(line, options);
    } catch {
      continue;
    }
    if (schedule !== undefined && compareWithLender(schedule, lender).length === 0) return c.name;
  }
  return undefined;
}

/** One line's verdict against the lender's table. */
export interface LineVerdict {
  readonly lineId: string;
  readonly lenderRows: number;
  readonly finlocRows: number;
  readonly differences: readonly CellDifference[];
  /** When the line differs: the first convention that reproduces the lender's table, if any. */
  readonly convention: string | undefined;
}

/**
 * Checks every line of a lender's table against finloc's schedule of the
 * same line; a line of the lender's table finloc does not know is a problem
 * for the caller (it names the line of the file).
 */
export function checkAgainstLender(
  schedules: readonly Schedule[],
  lender: ReadonlyMap<string, readonly { number: number; row: LenderRow }[]>,
  options: (line: LoanLine) => AmortizeOptions,
): LineVerdict[] {
  return schedules
    .filter((s) => lender.has(s.line.lineId))
    .map((s) => {
      const theirs = lender.get(s.line.lineId)!;
      const differences = compareWithLender(s, theirs);
      return {
        lineId: s.line.lineId,
        lenderRows: theirs.length,
        finlocRows: s.rows.length,
        differences,
        convention: differences.length > 0 ? diagnose(s.line, options(s.line), theirs) : undefined,
      };
    });
}
