import { type Decimal, ZERO } from '../money/decimal.js';
import { toFrenchDate } from '../calendar/date.js';
import { type Check, checkFigure, checksTable } from '../report/check.js';
import { type Report, column, report, word } from '../report/model.js';
import type { CellDifference, LineVerdict } from './lender-check.js';
import { SCHEDULE_COLUMNS } from './render.js';

const titleOf = (key: string) => SCHEDULE_COLUMNS.find((c) => c.key === key)?.title ?? key;

/** A differing figure as a check: declared = the lender's, recomputed = finloc's, difference = lender − finloc. */
function cellCheck(d: CellDifference, convention: string | undefined): Check | undefined {
  if (d.column === 'due_date') return undefined;
  const item = `${d.lineId} n° ${d.number} ${d.column === 'row' ? 'échéance absente d’un côté' : titleOf(d.column)}`;
  const note = convention !== undefined ? `reproduced with: ${convention}` : 'no documented convention reproduces the line';
  return checkFigure(item, (d.lender as Decimal | undefined) ?? ZERO, (d.finloc as Decimal | undefined) ?? ZERO, [], note);
}

const LINE_COLUMNS = [
  column('line_id', 'N° de la Ligne du Prêt', 'identifier'),
  column('lender_rows', 'Échéances du prêteur', 'count'),
  column('finloc_rows', 'Échéances recalculées', 'count'),
  column('differences', 'Cellules en écart', 'count'),
  column('verdict', 'Verdict', 'text'),
  column('convention', 'Convention qui reproduit le tableau du prêteur', 'text'),
];

/**
 * `amortize --check LENDER.csv` as a report: the differing cells (as
 * checks: the lender's figure declared, finloc's recomputed), then a
 * verdict per line; a differing due date is a note, and fails the run.
 */
export function lenderCheckReport(verdicts: readonly LineVerdict[]): { report: Report; holds: boolean } {
  const checks = verdicts.flatMap((v) => v.differences.map((d) => cellCheck(d, v.convention)).filter((c): c is Check => c !== undefined));
  const dates = verdicts.flatMap((v) => v.differences.filter((d) => d.column === 'due_date'));
  const lines = verdicts.map((v) => ({
    line_id: v.lineId,
    lender_rows: v.lenderRows,
    finloc_rows: v.finlocRows,
    differences: v.differences.length,
    verdict: v.differences.length === 0 ? word('ok', 'conforme') : word('differs', 'écart'),
    convention: v.differences.length === 0 ? undefined : (v.convention ?? word('none found', 'aucune convention documentée')),
  }));
  const agreeing = verdicts.filter((v) => v.differences.length === 0);
  const notes = [
    ...(agreeing.length > 0
      ? [{ kind: 'note' as const, text: `${agreeing.length} line(s), ${agreeing.reduce((n, v) => n + v.lenderRows, 0)} due dates: every cell agrees with the lender's table (${agreeing.map((v) => v.lineId).join(', ')})` }]
      : []),
    ...dates.map((d) => ({ kind: 'alert' as const, text: `${d.lineId} n° ${d.number}: due date ${toFrenchDate(d.lender as never)} in the lender's table, ${toFrenchDate(d.finloc as never)} recomputed` })),
  ];
  return {
    report: report('lender_check', [checksTable(checks, 'differences', 'Écarts avec le tableau du prêteur'), { key: 'lines', title: 'Verdict par ligne', columns: LINE_COLUMNS, rows: lines }], {
      checks,
      notes,
      facts: { lines: verdicts.length, lines_differing: verdicts.filter((v) => v.differences.length > 0).length },
    }),
    holds: verdicts.every((v) => v.differences.length === 0),
  };
}

