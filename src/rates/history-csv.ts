import { InputError, type InputNote, type InputProblem } from '../errors.js';
import type { IsoDate } from '../calendar/date.js';
import { parseTable, type TableOptions } from '../csv/table.js';
import { rateHistorySchema } from '../loan/input.js';
import { makeRateHistory, type RateHistory } from './history.js';

/** How a rate file is read: the table options, and where its plausibility warnings go. */
export interface RateHistoryCsvOptions extends TableOptions {
  /**
   * When given, a warning for each line whose rate is negative is added
   * here (located: line, column; the caller adds the file). A negative value
   * is kept as it is: where the law or the contract floors a rate at 0, the
   * computation does, and says so.
   */
  readonly warnings?: InputNote[];
}

/**
 * A rate history from the text of an `effective_date,rate_pct` file (the
 * bundled data/livret-a.csv, a user's --index-file). Every problem is
 * thrown at once, located; a date given twice is one. A negative rate is
 * read, with a warning in `options.warnings`.
 *
 * @example rateHistoryFromCsv('effective_date,rate_pct\n2025-08-01,1.7\n', 'Livret A').points[0].ratePct.toFixed() // '1.7'
 */
export function rateHistoryFromCsv(text: string, name: string, knownUntil?: (last: IsoDate) => IsoDate, options: RateHistoryCsvOptions = {}): RateHistory {
  const { rows, problems, columnOf } = parseTable(text, rateHistorySchema, options);
  if (problems.length > 0) throw new InputError(problems);
  if (rows.length === 0) throw new InputError([{ message: 'no rate in the file; expected lines effective_date,rate_pct' }]);
  const seen = new Map<string, number>();
  const repeated: InputProblem[] = [];
  for (const { line, row } of rows) {
    const before = seen.get(row.effective_date);
    if (before !== undefined) repeated.push({ line, columnName: 'effective_date', message: `date already given on line ${before}` });
    seen.set(row.effective_date, line);
  }
  if (repeated.length > 0) throw new InputError(repeated);
  const column = columnOf('rate_pct');
  for (const { line, row } of rows) {
    if (row.rate_pct.isNegative() && !row.rate_pct.isZero()) {
      options.warnings?.push({
        line,
        ...(column !== undefined ? { column } : {}),
        columnName: 'rate_pct',
        message: `negative value ${row.rate_pct.toFixed()} % in the ${name} history: check the sign (late-interest and revised loan rates computed from it are floored at 0)`,
      });
    }
  }
  const points = rows.map(({ row }) => ({ effectiveDate: row.effective_date, ratePct: row.rate_pct }));
  const history = makeRateHistory(name, points);
  const last = history.points[history.points.length - 1]!.effectiveDate;
  return knownUntil ? makeRateHistory(name, points, knownUntil(last)) : history;
}
