import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { checkFigure, signReversed } from '../../src/budget/check.js';
import { checkDeclared } from '../../src/budget/declared.js';
import { allocationReport } from '../../src/budget/figures.js';
import { InputError } from '../../src/errors.js';
import { SITIV_2023 } from './fixtures.js';
import { signedAmount } from './arbitraries.js';

const D = (s: string) => new Decimal(s);
const declared = (item: string, value: string, line = 2) => ({ item, value: D(value), line, column: 1 });

describe('declared against recomputed', () => {
  const report = allocationReport(SITIV_2023);
  test('one cent off is a difference: A1 declared 711 874,74 against 711 874,73, difference 0,01', () => {
    const [c] = checkDeclared(report, new Map(), [declared('result_total', '711874.74')]);
    expect([c!.item, c!.declared.toFixed(2), c!.recomputed.toFixed(2), c!.difference.toFixed(2), c!.holds]).toEqual(['result_total', '711874.74', '711874.73', '0.01', false]);
  });
  test('a figure copied from another column is named: A2 + B2 declared as A2 alone (RAR left out)', () => {
    const [c] = checkDeclared(report, new Map(), [declared('cumulated_investment', '-168599.36')]);
    expect(c!.note).toBe('equals result_investment');
  });
  test('a figure with the wrong sign is named', () => {
    const [c] = checkDeclared(report, new Map(), [declared('carried_over_001', '168599.36')]);
    expect(c!.note).toMatch(/^the declared figure has the opposite sign/);
  });
  test('an input line is checked against the results file', () => {
    const [c] = checkDeclared(report, new Map([['operating_receipts', D('1139176.00')]]), [declared('operating_receipts', '1139176.00')]);
    expect(c!.holds).toBe(true);
  });
  test('a figure the results cannot give is bad input, not a figure that holds', () => {
    expect(() => checkDeclared(report, new Map(), [declared('population', '1000', 4)])).toThrow(InputError);
  });
  test.prop([signedAmount, signedAmount])('a figure holds exactly when its difference is zero, and difference = declared − recomputed', (a, b) => {
    const c = checkFigure('x', a, b, [signReversed(b)]);
    expect(c.difference.equals(a.minus(b))).toBe(true);
    expect(c.holds).toBe(a.equals(b));
    if (c.holds) expect(c.note).toBeUndefined();
  });
});
