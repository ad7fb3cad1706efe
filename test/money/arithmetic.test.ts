import { describe, expect, test } from 'vitest';
import { DECIMALS, NUMBERS } from '../../src/money/arithmetic.js';

describe('Arithmetic: the same operations in Decimals and in numbers', () => {
  test.each([
    ['plus', 1, 0.25, 1.25],
    ['minus', 1, 0.25, 0.75],
    ['times', 3, 0.25, 0.75],
    ['div', 3, 4, 0.75],
    ['min', -2, 3, -2],
  ] as const)('%s(%d, %d) = %d', (op, x, y, expected) => {
    expect(DECIMALS[op](DECIMALS.of(x), DECIMALS.of(y)).toNumber()).toBe(expected);
    expect(NUMBERS[op](x, y)).toBe(expected);
  });
  test('negate, abs, signs, order; only a double can overflow', () => {
    expect([DECIMALS.negate(DECIMALS.of(2)).toNumber(), NUMBERS.negate(2)]).toEqual([-2, -2]);
    expect([DECIMALS.abs(DECIMALS.of(-2)).toNumber(), NUMBERS.abs(-2)]).toEqual([2, 2]);
    expect([DECIMALS.isNegative(DECIMALS.of(-1)), DECIMALS.isZero(DECIMALS.zero), DECIMALS.less(DECIMALS.of(1), DECIMALS.of(2))]).toEqual([true, true, true]);
    expect([NUMBERS.isNegative(-1), NUMBERS.isZero(NUMBERS.zero), NUMBERS.less(1, 2)]).toEqual([true, true, true]);
    expect([NUMBERS.isFinite(2 ** 1024), DECIMALS.isFinite(DECIMALS.of(10).pow(400))]).toEqual([false, true]);
  });
});
