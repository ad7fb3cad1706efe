import { describe, expect, test } from 'vitest';
import { readAmount, readNumber, readRate } from '../../src/money/parse.js';
import * as f from '../../src/csv/fields.js';

/** The one amount parser of every cell and option (issue 11, item 1). */
describe('amounts: at most two decimals, digit groups as spreadsheets write them', () => {
  test.each([
    ['569 627,00', '569627'],
    ['569627.00', '569627'],
    ['569627', '569627'],
    ['569\u00a0627,00 €', '569627'],
    ['569\u202f627,5', '569627.5'],
    ['1 234 567,89', '1234567.89'],
    ['1 234 567.89', '1234567.89'],
    ['1.234.567,89', '1234567.89'],
    ['1.234,5', '1234.5'],
    ['1,234,567.89', '1234567.89'],
    ['1,234.00', '1234'],
    ['€ 12,30', '12.3'],
    ['-12,5', '-12.5'],
    ['−12,50', '-12.5'],
    ['+3', '3'],
    [',5', '0.5'],
    ['1.20', '1.2'],
    ['1,23', '1.23'],
    ['-0,00', '0'],
  ])('%s reads %s', (text, value) => {
    const r = readAmount(text);
    expect(r.ok && r.value.toFixed()).toBe(value);
  });

  const THREE = 'an amount in euros and cents (at most two decimals)';
  const LONE = 'an amount in euros and cents (at most two decimals; a lone , or . is the decimal separator: for a thousand or more write 1234 or 1 234)';
  const GROUPS = 'an amount such as 569 627,00 or 569627.00 (digits grouped by three with a space, or with . before a decimal comma, or , before a decimal point)';
  const PLAIN = 'an amount such as 569 627,00 or 569627.00';
  test.each([
    ['569627.001', THREE],
    ['12.345', LONE],
    ['100,005', LONE],
    ['1234,567', THREE],
    ['0.001', THREE],
    ['1,234', LONE], // in a file of decimal commas: 1,234 €, three decimals
    ['1.200', LONE], // in a ';' file: 1,200 €, not 1 200 €
    ['1,234 €', LONE],
    ['569627.000', THREE], // decimals counted as written: zeros too
    ['1.2.3,4', GROUPS],
    ['1.234.567', GROUPS], // points group only before a decimal comma
    ['1,234,567', GROUPS], // commas group only before a decimal point
    ['1,234.567,89', GROUPS],
    ['1.234,567.89', GROUPS],
    ['12 34,5', GROUPS],
    ['1234 567', GROUPS],
    ['1 234.567,00', GROUPS],
    ['1  234', GROUPS],
    ['12.34.567,8', GROUPS],
    ['2,3 %', PLAIN], // a percentage is no amount
    ['', PLAIN],
    ['abc', PLAIN],
    ['12x4', PLAIN],
    ['1e3', PLAIN],
    ['5.', PLAIN],
    ['--1', PLAIN],
    ['€', PLAIN],
  ])('%s is refused: expected %s', (text, expected) => {
    expect(readAmount(text)).toEqual({ ok: false, expected });
  });

  test('the cell parsers use it, with their sign rules', () => {
    expect(f.amount('1.2.3,4')).toEqual({ ok: false, expected: GROUPS });
    expect(f.positiveAmount('12.345')).toEqual({ ok: false, expected: LONE });
    expect(f.nonNegativeAmount('100,005')).toEqual({ ok: false, expected: LONE });
    expect(f.nonNegativeAmount('-1,00')).toEqual({ ok: false, expected: 'an amount of zero or more' });
    expect(f.positiveAmount('0,00')).toEqual({ ok: false, expected: 'an amount greater than zero' });
  });
});

describe('rates and percentages: the same grammar, up to six decimals, -100 % to 1 000 %', () => {
  test.each([
    ['2,3 %', '2.3'],
    ['2.3', '2.3'],
    ['3,125', '3.125'],
    ['0,000001', '0.000001'],
    ['1,234', '1.234'], // a lone comma is decimal: 1,234 %
    ['-0,5', '-0.5'],
    ['1 000', '1000'],
  ])('%s reads %s', (text, value) => {
    const r = f.percent(text);
    expect(r.ok && r.value.toFixed()).toBe(value);
  });
  test.each([
    ['0,0000001', 'a rate in percent with at most 6 decimals'],
    ['1 000,01', 'a rate in percent between -100 and 1 000'],
    ['-100,5', 'a rate in percent between -100 and 1 000'],
    ['1.2.3', 'a rate in percent such as 2,3 or 2.3 % (digits grouped by three with a space, or with . before a decimal comma, or , before a decimal point)'],
    ['2,3 €', 'a rate in percent such as 2,3 or 2.3 %'],
  ])('%s is refused: expected %s', (text, expected) => {
    expect(f.percent(text)).toEqual({ ok: false, expected });
  });
  test('readRate and readNumber keep every decimal written', () => {
    const r = readRate('2,345678');
    expect(r.ok && r.value.toFixed()).toBe('2.345678');
    const n = readNumber('1 234,56789');
    expect(n.ok && [n.value.toFixed(), n.decimals]).toEqual(['1234.56789', 5]);
  });
});

describe('whole numbers with a range', () => {
  const periods = f.integerIn(1, 1200, 'at most 1 200 due dates');
  test.each([
    ['1', { ok: true, value: 1 }],
    ['1200', { ok: true, value: 1200 }],
    ['1201', { ok: false, expected: 'at most 1 200 due dates' }],
    ['10000', { ok: false, expected: 'at most 1 200 due dates' }],
    ['0', { ok: false, expected: 'a whole number greater than zero' }],
    ['2,5', { ok: false, expected: 'a whole number greater than zero' }],
  ])('%s', (text, result) => {
    expect(periods(text)).toEqual(result);
  });
});

describe('dates: 1900-01-01 to 2199-12-31', () => {
  test.each([
    ['1900-01-01', { ok: true, value: '1900-01-01' }],
    ['31/12/2199', { ok: true, value: '2199-12-31' }],
    ['9999-12-31', { ok: false, expected: 'a date between 01/01/1900 and 31/12/2199' }],
    ['31/12/1899', { ok: false, expected: 'a date between 01/01/1900 and 31/12/2199' }],
    ['2200-01-01', { ok: false, expected: 'a date between 01/01/1900 and 31/12/2199' }],
    ['2026-02-30', { ok: false, expected: 'a date such as 2026-10-29 or 29/10/2026' }],
  ])('%s', (text, result) => {
    expect(f.date(text)).toEqual(result);
  });
});
