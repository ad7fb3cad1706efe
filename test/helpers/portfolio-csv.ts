import { csvLine } from '../../src/csv/write.js';
import type { LoanLine } from '../../src/loan/types.js';

const COLUMNS = 'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision,progressivity_pct,progressivity_floor_pct,profile,interest_mode,day_count,prefinancing_months';

/** LOANS.csv text for loan lines, in the canonical columns. */
export function loansCsv(lines: readonly LoanLine[]): string {
  let out = COLUMNS + '\n';
  for (const l of lines) {
    out += csvLine(
      [
        l.lineId,
        l.principal.toFixed(2),
        l.firstDueDate,
        String(l.periods),
        String(l.periodMonths),
        l.index,
        l.marginPct.toFixed(),
        l.ratePct.toFixed(),
        l.revision,
        l.progressivityPct.toFixed(),
        l.progressivityFloorPct.toFixed(),
        l.profile,
        l.interestMode,
        l.dayCount,
        String(l.prefinancingMonths),
      ],
      ',',
    );
  }
  return out;
}
