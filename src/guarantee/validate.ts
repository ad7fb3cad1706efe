import { HUNDRED, sum } from '../money/decimal.js';
import { normaliseToken } from '../csv/fields.js';
import type { RowOf } from '../csv/table.js';
import { type InputProblem, excerpt, quoted } from '../errors.js';
import type { guaranteeSchema } from './input.js';
import type { Guarantee } from './types.js';

type GuaranteeRow = RowOf<typeof guaranteeSchema>;

/**
 * The guarantees of a file, checked together: each share in ]0 %, 100 %]
 * (L2252-1 speaks of a « quotité », a part of the loan), the shares of one
 * line at most 100 %, every line known, no guarantor twice on one line
 * (names compared without case, accents or punctuation). Every problem is
 * located on the row and column it comes from.
 */
export function guaranteesFromRows(
  rows: readonly { line: number; row: GuaranteeRow }[],
  knownLine: (lineId: string) => boolean,
  columnOf: (name: keyof typeof guaranteeSchema) => number | undefined,
): { guarantees: Guarantee[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const at = (line: number, columnName: keyof typeof guaranteeSchema, message: string): InputProblem => {
    const column = columnOf(columnName);
    return { line, ...(column !== undefined ? { column } : {}), columnName, message };
  };
  const byLine = new Map<string, { line: number; row: GuaranteeRow }[]>();
  for (const r of rows) {
    const { line, row } = r;
    if (!row.share_pct.greaterThan(0) || row.share_pct.greaterThan(HUNDRED)) {
      problems.push(at(line, 'share_pct', `expected a share above 0 % and at most 100 %, got ${row.share_pct.toFixed()} %`));
    }
    if (!knownLine(row.line_id)) problems.push(at(line, 'line_id', `unknown loan line ${quoted(row.line_id)}: it is not in the loans file`));
    const list = byLine.get(row.line_id) ?? [];
    const twin = list.find((o) => normaliseToken(o.row.guarantor) === normaliseToken(row.guarantor));
    if (twin) problems.push(at(line, 'guarantor', `${quoted(row.guarantor)} already guarantees line ${excerpt(row.line_id)} on line ${twin.line}`));
    list.push(r);
    byLine.set(row.line_id, list);
  }
  for (const [lineId, list] of byLine) {
    const total = sum(list.map((r) => r.row.share_pct));
    if (total.greaterThan(HUNDRED)) {
      const where = list.map((r) => r.line).join(', ');
      for (const r of list) {
        problems.push(at(r.line, 'share_pct', `the shares of line ${lineId} add up to ${total.toFixed()} %, more than 100 % (lines ${where})`));
      }
    }
  }
  const guarantees = rows.map(({ row }) => ({
    lineId: row.line_id,
    guarantor: row.guarantor,
    sharePct: row.share_pct,
    ...(row.borrower ? { borrower: row.borrower } : {}),
    ...(row.deliberation ? { deliberation: row.deliberation } : {}),
    ...(row.stated_principal !== undefined ? { statedPrincipal: row.stated_principal } : {}),
    ...(row.exempt ? { exempt: row.exempt } : {}),
    developmentOperation: row.development_operation,
  }));
  return { guarantees, problems };
}
