import { Decimal } from '../money/decimal.js';
import { InputError, type InputProblem } from '../errors.js';
import type { ColumnSpec } from '../csv/table.js';
import { loanLineFromRow, loanLineSchema, type LoanLineRow } from './input.js';
import type { LoanLine } from './types.js';

/** A value as a JavaScript caller has it: a number, a string as in a spreadsheet ("1 234,56", "2,3 %"), or a Decimal. */
export type PlainValue = number | string | Decimal;

/**
 * A loan line as plain values, with the names of {@link LoanLine} and the
 * defaults of LOANS.csv's columns (README: input columns): only principal,
 * firstDueDate, periods and ratePct are required; marginPct too for an
 * indexed line.
 *
 * @example { principal: 569627, firstDueDate: '2026-10-29', periods: 25, index: 'livret_a', marginPct: 0.6, ratePct: 2.3, revision: 'DL' }
 */
export interface PlainLoanLine {
  readonly lineId?: string;
  readonly principal: PlainValue;
  readonly firstDueDate: string;
  readonly periods: number | string;
  readonly periodicity?: string | number;
  readonly index?: string;
  readonly marginPct?: PlainValue;
  readonly ratePct: PlainValue;
  readonly revision?: string;
  readonly progressivityPct?: PlainValue;
  readonly progressivityFloorPct?: PlainValue;
  readonly profile?: string;
  readonly interestMode?: string;
  readonly dayCount?: string;
  readonly prefinancingMonths?: number | string;
  readonly deferralPeriods?: number | string;
  readonly fees?: PlainValue;
}

/** The field of PlainLoanLine a column of LOANS.csv is given in (`first_due_date` → `firstDueDate`). */
const fieldOf = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A plain value as the text a CSV cell would hold; numbers must be finite. */
function cellOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Decimal.isDecimal(value)) return (value as Decimal).toFixed();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'not a finite number';
  if (typeof value === 'string') return value;
  return `a ${typeof value}`;
}

/**
 * A {@link LoanLine} from plain values, read by the same rules as a line of
 * LOANS.csv (one set of rules: the columns' own parsers and defaults).
 * Throws an InputError naming each wrong field and what was expected.
 *
 * @example loanLine({ principal: 1000, firstDueDate: '2027-01-01', periods: 2, ratePct: 10 }).principal.toFixed(2) // '1000.00'
 */
export function loanLine(values: PlainLoanLine): LoanLine {
  if (typeof values !== 'object' || values === null) throw new InputError([{ message: 'expected a loan line: an object such as { principal, firstDueDate, periods, ratePct }' }]);
  const given = values as unknown as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  const problems: InputProblem[] = [];
  for (const [column, spec] of Object.entries(loanLineSchema) as [string, ColumnSpec<unknown>][]) {
    const field = fieldOf(column);
    const raw = column === 'line_id' && given[field] === undefined ? 'line' : cellOf(given[field]);
    if (raw === undefined || raw.trim() === '') {
      if (spec.presence === 'required') problems.push({ columnName: field, message: 'missing value' });
      row[column] = spec.default;
      continue;
    }
    const parsed = spec.parse(raw);
    if (parsed.ok) row[column] = parsed.value;
    else problems.push({ columnName: field, message: `expected ${parsed.expected}, got ${JSON.stringify(given[field] ?? raw)}` });
  }
  if (problems.length > 0) throw new InputError(problems);
  const built = loanLineFromRow(row as LoanLineRow);
  if (!built.line) throw new InputError(built.problems.map((p) => ({ columnName: fieldOf(p.columnName), message: p.message })));
  return built.line;
}
