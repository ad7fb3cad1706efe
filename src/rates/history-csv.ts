import { InputError, type InputProblem } from '../errors.js';
import type { IsoDate } from '../calendar/date.js';
import { parseTable, type TableOptions } from '../csv/table.js';
import { rateHistorySchema } from '../loan/input.js';
import { makeRateHistory, type RateHistory } from './history.js';

/**
 * A rate history from the text of an `effective_date,rate_pct` file (the
 * bundled data/livret-a.csv, a user's --index-file). Every problem is
 * thrown at once, located; a date given twice is one.
 *
 * @example rateHistoryFromCsv('effective_date,rate_pct\n2025-08-01,1.7\n', 'Livret A').points[0].ratePct.toFixed() // '1.7'
 */
export function rateHistoryFromCsv(text: string, name: string, knownUntil?: (last: IsoDate) => IsoDate, options: TableOptions = {}): RateHistory {
  const { rows, problems } = parseTable(text, rateHistorySchema, options);
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
  const points = rows.map(({ row }) => ({ effectiveDate: row.effective_date, ratePct: row.rate_pct }));
  const history = makeRateHistory(name, points);
  const last = history.points[history.points.length - 1]!.effectiveDate;
  return knownUntil ? makeRateHistory(name, points, knownUntil(last)) : history;
}
