import { describe, expect, test } from 'vitest';
import { readCsvRecords } from '../../src/csv/records.js';
import { parseTable, required } from '../../src/csv/table.js';
import * as f from '../../src/csv/fields.js';
import { formatProblem, setFileLocator } from '../../src/errors.js';
import { cellText, columnLetters, dateText, isPercentFormat, numberText, sheetCsv, sheetLocator, sheetRecords, sheetReference, type SheetRow } from '../../src/xlsx/sheet-table.js';

const num = (value: number, format?: string) => (format === undefined ? { kind: 'number' as const, value } : { kind: 'number' as const, value, format });
const txt = (text: string) => ({ kind: 'text' as const, text });

describe('a number cell reads as the spreadsheet shows it', () => {
  test('a float sum is its decimal value: 0.1 + 0.2 (stored 0.30000000000000004) is 0.3', () => {
    expect(0.1 + 0.2).toBe(0.30000000000000004);
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    // 1.1 + 2.2 = 3.3000000000000003; 569 627 × 1.1 = 626589.7000000001
    expect(numberText(1.1 + 2.2)).toBe('3.3');
    expect(numberText(569627 * 1.1)).toBe('626589.7');
  });

  test('a value with more decimals keeps them, for the column to refuse: 12.345, 1/3 to 10 decimals', () => {
    expect(numberText(12.345)).toBe('12.345');
    expect(numberText(1 / 3)).toBe('0.3333333333');
    expect(numberText(3.125)).toBe('3.125');
  });

  test('a computation residue is zero; never -0, never an exponent', () => {
    expect(numberText(0.1 + 0.2 - 0.3)).toBe('0'); // 5.551115123125783e-17
    expect(numberText(-1e-12)).toBe('0');
    expect(numberText(-0)).toBe('0');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(-1234.5)).toBe('-1234.5');
  });

  test('large amounts keep their cents: 123 456 789 012,34 and 9 999 999 999 999,99', () => {
    expect(numberText(123456789012.34)).toBe('123456789012.34');
    expect(numberText(9999999999999.99)).toBe('9999999999999.99');
  });

  test('identifiers stored as numbers come back as their digits', () => {
    expect(numberText(5676228)).toBe('5676228');
    expect(numberText(21030123400013)).toBe('21030123400013'); // a SIRET: never 2.1030123400013e+13
    expect(numberText(21030123400013, '0')).toBe('21030123400013');
    expect(numberText(12, '0000')).toBe('0012'); // a line id 0012 shown with its zeros
    expect(numberText(1e21)).toBe('1000000000000000000000');
  });

  test('a percentage cell is read as shown: 0.023 formatted 0.00% is 2.3%', () => {
    expect(numberText(0.023, '0.00%')).toBe('2.3%');
    expect(numberText(0.03125, '0.000%')).toBe('3.125%');
    expect(numberText(1, '0%')).toBe('100%');
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0.00" %"')).toBe(false);
    expect(isPercentFormat('#,##0.00 [$€-40C]')).toBe(false);
    expect(numberText(2.3, '0.00" %"')).toBe('2.3');
  });
});

describe('other cells', () => {
  test('a date is its ISO day, read in UTC (no time zone shift); a time of day is kept', () => {
    expect(dateText(new Date(Date.UTC(2026, 9, 29)))).toBe('2026-10-29');
    expect(dateText(new Date(Date.UTC(1900, 0, 1)))).toBe('1900-01-01');
    expect(dateText(new Date(Date.UTC(2026, 9, 29, 14, 30)))).toBe('2026-10-29 14:30');
    expect(dateText(new Date(Date.UTC(2026, 9, 29, 14, 30, 5)))).toBe('2026-10-29 14:30:05');
  });

  test('booleans, errors, empty cells; a formula without result is refused', () => {
    expect(cellText({ kind: 'boolean', value: true })).toEqual({ ok: true, text: 'true' });
    expect(cellText({ kind: 'error', error: '#DIV/0!' })).toEqual({ ok: true, text: '#DIV/0!' });
    expect(cellText(undefined)).toEqual({ ok: true, text: '' });
    const r = cellText({ kind: 'no-result', formula: 'B2*2' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^a formula without a computed value \(=B2\*2\)/);
  });
});

describe('locations', () => {
  test('column letters as Excel names them', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  test('sheet names quoted as in a reference when they are not one word', () => {
    expect(sheetReference('Feuil1')).toBe('Feuil1');
    expect(sheetReference('Prêts')).toBe('Prêts');
    expect(sheetReference('Prêts 2026')).toBe("'Prêts 2026'");
    expect(sheetReference("l'an")).toBe("'l''an'");
    expect(sheetReference('2026')).toBe("'2026'");
  });

  test('a cell, a row, the sheet', () => {
    const at = sheetLocator('Feuil1');
    expect(at(7, 3)).toBe('Feuil1!C7');
    expect(at(7, undefined)).toBe('Feuil1!7:7');
    expect(at(undefined, undefined)).toBe('Feuil1');
  });

  test('formatProblem names the cell of a file read as a sheet, and the line again once the file is forgotten', () => {
    setFileLocator('x.xlsx', sheetLocator('Feuil1'));
    try {
      expect(formatProblem({ file: 'x.xlsx', line: 2, column: 2, columnName: 'amount_ttc', message: 'expected …' })).toBe('x.xlsx:Feuil1!B2 (amount_ttc): expected …');
      expect(formatProblem({ file: 'x.xlsx', message: 'the file is empty' })).toBe('x.xlsx:Feuil1: the file is empty');
      expect(formatProblem({ file: 'y.csv', line: 2, column: 2, message: 'm' })).toBe('y.csv:2:2: m');
    } finally {
      setFileLocator('x.xlsx', undefined);
    }
    expect(formatProblem({ file: 'x.xlsx', line: 2, column: 2, message: 'm' })).toBe('x.xlsx:2:2: m');
  });
});

describe('a sheet as CSV text', () => {
  const rows: SheetRow[] = [
    { row: 2, cells: [txt('id'), txt('amount'), undefined, txt('note')] },
    { row: 3, cells: [num(5676228), num(0.1 + 0.2), undefined, txt('a "quoted", ; text')] },
    { row: 6, cells: [txt('x'), num(12.5), undefined, undefined] },
    { row: 7, cells: [undefined, txt('   ')] },
  ];

  test('line n is row n: missing rows are empty lines; trailing empty cells dropped; every cell read back as it was', () => {
    const { records, problems } = sheetRecords(rows);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual([['id', 'amount', '', 'note'], ['5676228', '0.3', '', 'a "quoted", ; text'], ['x', '12.5'], ['', '   ']]);
    const { text, rowOfLine } = sheetCsv(records);
    expect(rowOfLine).toBeUndefined();
    expect(text.split('\n')[0]).toBe('');
    const back = readCsvRecords(text);
    expect(back.separator).toBe(',');
    expect(back.records).toEqual(records);
  });

  test('a cell holding line breaks: the rows after it are still named by their row', () => {
    const withBreak: SheetRow[] = [
      { row: 1, cells: [txt('invoice_id'), txt('amount_ttc'), txt('paid_date')] },
      { row: 2, cells: [txt('F-1\nsecond line\nthird'), num(10), txt('2026-01-01')] },
      { row: 3, cells: [txt('F-2'), num(12.345), txt('2026-01-01')] },
      { row: 6, cells: [txt('F-3'), num(1.001), txt('2026-01-01')] },
    ];
    const { records } = sheetRecords(withBreak);
    const { text, rowOfLine } = sheetCsv(records);
    const schema = { invoice_id: required(f.text), amount_ttc: required(f.amount), paid_date: required(f.date) };
    const table = parseTable(text, schema);
    expect(table.rows.map((r) => [r.line, r.row.invoice_id])).toEqual([[2, 'F-1\nsecond line\nthird']]);
    const at = sheetLocator('Feuil1', rowOfLine);
    expect(table.problems.map((p) => at(p.line, p.column))).toEqual(['Feuil1!B3', 'Feuil1!B6']);
  });

  test('a formula without result is a problem at its cell', () => {
    const { problems } = sheetRecords([{ row: 4, cells: [undefined, undefined, { kind: 'no-result', formula: 'A1' }] }]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([[4, 3]]);
  });
});
