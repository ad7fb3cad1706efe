import { describe, expect, test } from 'vitest';
import { Decimal } from '../../../src/money/decimal.js';
import { exactNumber, sheetCell, sheetName } from '../../../src/report/xlsx/cells.js';
import { word } from '../../../src/report/model.js';

describe('sheetCell: what a spreadsheet cell holds for each kind of column', () => {
  test.each([
    ['an amount: a number in euros, two decimals', new Decimal('30214.17'), 'amount', 30214.17, '#,##0.00 "€"'],
    ['an amount with three decimals (a limit of 500 000,005) keeps them', new Decimal('500000.005'), 'amount', 500000.005, '#,##0.000 "€"'],
    ['a rate in percent: the fraction, shown as a percentage', new Decimal('2.30'), 'rate', 0.023, '0.00%'],
    ['a rate with three decimals', new Decimal('3.125'), 'rate', 0.03125, '0.000%'],
    ['a count: a whole number', 25, 'count', 25, '0'],
    ['an identifier that looks like a date stays text', '24/12', 'identifier', '24/12', '@'],
    ['a SIRET stays its 14 digits, as text', '21030123400013', 'identifier', '21030123400013', '@'],
    ['a flag in French', true, 'flag', 'oui', undefined],
    ['a word in its French form', word('ok', 'conforme'), 'text', 'conforme', undefined],
    ['an empty cell', undefined, 'amount', null, undefined],
  ] as const)('%s', (_, cell, kind, value, numFmt) => {
    const c = sheetCell(cell, kind);
    expect(c.value).toEqual(value);
    expect(c.numFmt).toBe(numFmt);
  });

  test('a date: the day itself at midnight UTC (the serial Excel stores), shown dd/mm/yyyy', () => {
    const c = sheetCell('2026-10-29', 'date');
    expect((c.value as Date).toISOString()).toBe('2026-10-29T00:00:00.000Z');
    expect(c.numFmt).toBe('dd/mm/yyyy');
  });

  test('an amount Excel cannot show to the cent (more than 15 digits) is written as its exact text, never one cent off', () => {
    // Excel keeps 15 significant digits: 123 456 789 012 345,67 has 17.
    expect(exactNumber(new Decimal('123456789012345.67'), 2)).toBeUndefined();
    expect(sheetCell(new Decimal('123456789012345.67'), 'amount')).toEqual({ value: '123456789012345,67', numFmt: '@' });
    // 15 digits: a number still.
    expect(exactNumber(new Decimal('9999999999999.99'), 2)).toBe(9999999999999.99);
    expect(exactNumber(new Decimal('-0.05'), 2)).toBe(-0.05);
  });
});

describe('sheetName: what Excel accepts', () => {
  test('at most 31 characters, no []:*?/\\, unique in its workbook', () => {
    const taken = new Set<string>();
    expect(sheetName('Capital restant dû au 31/12 [prévisionnel]', taken)).toBe('Capital restant dû au 31 12 pré');
    expect(sheetName('Notes', taken)).toBe('Notes');
    expect(sheetName('notes', taken)).toBe('notes (2)');
  });
});
