import { compareDates, toFrenchDate } from '../calendar/date.js';
import { historyStart } from '../rates/history.js';
import { formatMachine } from '../money/format.js';
import { amortisationStart, prefinancingStart } from './prefinancing.js';
import type { Disbursement, LoanLine } from './types.js';
import type { RateHistory } from '../rates/history.js';

export interface LineProblem {
  readonly columnName?: string;
  readonly message: string;
}

/** What makes a line impossible to amortise, each problem with the column it comes from. */
export function loanLineProblems(
  line: LoanLine,
  options: { readonly index?: RateHistory; readonly disbursements?: readonly Disbursement[] },
): LineProblem[] {
  const problems: LineProblem[] = [];
  if (!line.principal.greaterThan(0)) problems.push({ columnName: 'principal', message: 'expected an amount greater than zero' });
  if (!Number.isInteger(line.periods) || line.periods < 1) problems.push({ columnName: 'periods', message: 'expected a whole number of due dates, at least 1' });
  if (line.progressivityPct.lessThanOrEqualTo(-100)) problems.push({ columnName: 'progressivity_pct', message: 'expected a progressivity above -100 %' });
  if (line.ratePct.lessThan(0)) problems.push({ columnName: 'rate_pct', message: 'expected a rate of zero or more (article 10: a rate is never negative)' });

  if (line.index === 'none') {
    if (line.revision !== 'none') {
      problems.push({ columnName: 'revision', message: `revision ${line.revision} needs an index; a fixed-rate line has revision none` });
    }
  } else {
    if (line.revision === 'none') problems.push({ columnName: 'revision', message: 'an indexed line needs a revision mode: DL, DR or SR' });
    if (!options.index) {
      problems.push({ columnName: 'index', message: 'no history given for this index' });
    } else {
      const firstLookup = line.prefinancingMonths > 0 ? prefinancingStart(line) : line.firstDueDate;
      const start = historyStart(options.index);
      if (compareDates(firstLookup, start) < 0) {
        problems.push({
          columnName: line.prefinancingMonths > 0 ? 'prefinancing_months' : 'first_due_date',
          message: `needs the ${options.index.name} on ${toFrenchDate(firstLookup)}, before its history starts (${toFrenchDate(start)})`,
        });
      }
    }
  }

  const given = options.disbursements ?? [];
  if (given.length > 0) {
    let total = given[0]!.amount.minus(given[0]!.amount);
    for (const d of given) {
      total = total.plus(d.amount);
      if (!d.amount.greaterThan(0)) problems.push({ message: `disbursement of ${toFrenchDate(d.date)}: expected an amount greater than zero` });
      const limit = line.prefinancingMonths > 0 ? amortisationStart(line) : line.firstDueDate;
      const late = line.prefinancingMonths > 0 ? compareDates(d.date, limit) > 0 : compareDates(d.date, limit) >= 0;
      if (late) {
        problems.push({
          message: `disbursement of ${toFrenchDate(d.date)} comes after the ${line.prefinancingMonths > 0 ? 'end of prefinancing' : 'first due date'} (${toFrenchDate(limit)})`,
        });
      }
    }
    if (total.greaterThan(line.principal)) {
      problems.push({
        message: `disbursements add up to ${formatMachine(total)}, more than the line amount ${formatMachine(line.principal)}`,
      });
    }
  }
  return problems;
}
