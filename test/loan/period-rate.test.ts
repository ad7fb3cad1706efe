import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { periodRate, periodProgressivity } from '../../src/loan/period-rate.js';
import { tegPercent } from '../../src/loan/teg.js';

describe('rule 1: period rate (« taux de période »)', () => {
  test('annual: the annual rate itself (article 9: taux de période 2,3 % for an annual line at 2,3 %)', () => {
    expect(periodRate(new Decimal('0.023'), 12, 'equivalent').toFixed()).toBe('0.023');
    expect(periodRate(new Decimal('0.023'), 12, 'proportional').toFixed()).toBe('0.023');
  });
  test('equivalent quarterly: (1,023)^(3/12) − 1 = 0,0057010612896968878711…', () => {
    expect(periodRate(new Decimal('0.023'), 3, 'equivalent').toDecimalPlaces(22).toFixed()).toBe('0.0057010612896968878711');
  });
  test('proportional quarterly: 0,023 × 3/12 = 0,00575', () => {
    expect(periodRate(new Decimal('0.023'), 3, 'proportional').toFixed()).toBe('0.00575');
  });
  test('progressivity per period follows the same rule: 12 monthly equivalent steps give the annual P', () => {
    const p = periodProgressivity(new Decimal('0.01'), 1, 'equivalent');
    expect(p.plus(1).pow(12).minus(1).toDecimalPlaces(30).toFixed()).toBe('0.01');
  });
});

describe('rule 8: TEG (article 4) = period rate × periods a year', () => {
  test('annual 2,3 % gives 2,3 % (article 9)', () => {
    expect(tegPercent(new Decimal('0.023'), 12).toFixed()).toBe('2.3');
  });
  test('proportional quarterly 0,575 % gives 2,3 %', () => {
    expect(tegPercent(new Decimal('0.00575'), 3).toFixed()).toBe('2.3');
  });
  test('equivalent quarterly 0,57010612…% gives 2,28042451…%, below the actuarial 2,3 %', () => {
    expect(tegPercent(periodRate(new Decimal('0.023'), 3, 'equivalent'), 3).toDecimalPlaces(8).toFixed()).toBe('2.28042452');
  });
});
