import { describe, expect, test } from 'vitest';
import { parseTable, optional, required, withDefault } from '../../src/csv/table.js';
import { amount, date, oneOf, positiveInteger, text } from '../../src/csv/fields.js';
import { formatProblem } from '../../src/errors.js';

const schema = {
  line_id: required(text, ['n° de la ligne du pret']),
  principal: required(amount, ['capital']),
  first_due_date: required(date, ['date_premiere_echeance']),
  periods: withDefault(positiveInteger, 1),
  periodicity: optional(oneOf({ annual: 'annual', annuelle: 'annual' }, 'annual'), ['periodicite']),
};

describe('tables', () => {
  test('French titles and forms', () => {
    const { rows, problems } = parseTable('N° de la Ligne du Prêt;Capital;Date première échéance;Périodicité\n5676228;569 627,00;29/10/2026;Annuelle\n', schema);
    expect(problems).toEqual([]);
    expect(rows[0]!.line).toBe(2);
    expect(rows[0]!.row.principal.toFixed(2)).toBe('569627.00');
    expect(rows[0]!.row.first_due_date).toBe('2026-10-29');
    expect(rows[0]!.row.periods).toBe(1);
    expect(rows[0]!.row.periodicity).toBe('annual');
  });
  test('one located problem per bad cell, all of them', () => {
    const { problems } = parseTable('line_id,principal,first_due_date,periods\nA,abc,2026-02-30,0\nB,,2026-01-01,3\n', schema);
    expect(problems.map((p) => formatProblem({ ...p, file: 'loans.csv' }))).toEqual([
      'loans.csv:2:2 (principal): expected an amount such as 569 627,00 or 569627.00, got "abc"',
      'loans.csv:2:3 (first_due_date): expected a date such as 2026-10-29 or 29/10/2026, got "2026-02-30"',
      'loans.csv:2:4 (periods): expected a whole number greater than zero, got "0"',
      'loans.csv:3:2 (principal): missing value',
    ]);
  });
  test('unknown, repeated and missing columns', () => {
    const { problems } = parseTable('line_id,capital,principal,colour\n', schema);
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'line 1:3 (principal): column "principal" given twice',
      'line 1:4 (colour): unknown column "colour"; expected one of line_id, principal, first_due_date, periods, periodicity',
      'line 1: missing column "first_due_date"',
    ]);
  });
});
