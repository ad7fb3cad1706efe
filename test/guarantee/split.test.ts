import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Decimal, HUNDRED, roundToCent, sum } from '../../src/money/decimal.js';
import { splitByShares, sharesComplete } from '../../src/guarantee/split.js';
import { amountArb, completeSharesArb, partialSharesArb } from './arbitraries.js';

const d = (s: string) => new Decimal(s);
const texts = (parts: Decimal[]) => parts.map((p) => p.toFixed(2));

describe('splitByShares: examples', () => {
  test('Gannat 26/71 and article 16: 60 % and 40 % of 569 627,00 are 341 776,20 and 227 850,80', () => {
    // 569 627 × 0,60 = 341 776,2 and 569 627 × 0,40 = 227 850,8: exact, nothing to round.
    expect(texts(splitByShares(d('569627.00'), [d('60'), d('40')]))).toEqual(['341776.20', '227850.80']);
    // File order does not change anyone's part.
    expect(texts(splitByShares(d('569627.00'), [d('40'), d('60')]))).toEqual(['227850.80', '341776.20']);
  });

  test('half-up parts that already add up are kept: 60 % / 40 % of 30 214,17', () => {
    // 18 128,502 → 18 128,50 and 12 085,668 → 12 085,67; 18 128,50 + 12 085,67 = 30 214,17.
    expect(texts(splitByShares(d('30214.17'), [d('60'), d('40')]))).toEqual(['18128.50', '12085.67']);
  });

  test('50 % / 50 % of an odd cent: half-up would give 0,03 + 0,03 = 0,06 for 0,05; the tie goes to the first guarantor', () => {
    expect(texts(splitByShares(d('0.05'), [d('50'), d('50')]))).toEqual(['0.03', '0.02']);
    expect(texts(splitByShares(d('100000.01'), [d('50'), d('50')]))).toEqual(['50000.01', '50000.00']);
  });

  test('three guarantors 33,33 / 33,33 / 33,34 of 0,10: half-up gives 0,09; the largest remainder takes the cent', () => {
    // 0,10 × 33,33 % = 0,03333 → 0,03 (0,00333 left); 0,10 × 33,34 % = 0,03334 → 0,03 (0,00334 left, the largest).
    expect(texts(splitByShares(d('0.10'), [d('33.33'), d('33.33'), d('33.34')]))).toEqual(['0.03', '0.03', '0.04']);
  });

  test('three thirds that round up: 1/3 each of 0,05 (33,34 / 33,33 / 33,33) — 0,016670 / 0,016665 / 0,016665 round to 0,02 each; one cent back from the smallest remainder, the last in file order on a tie', () => {
    expect(texts(splitByShares(d('0.05'), [d('33.34'), d('33.33'), d('33.33')]))).toEqual(['0.02', '0.02', '0.01']);
  });

  test('below 100 % each part is only rounded half-up: 50 % of 0,05 is 0,03', () => {
    expect(texts(splitByShares(d('0.05'), [d('50')]))).toEqual(['0.03']);
    expect(sharesComplete([d('50')])).toBe(false);
  });

  test('a negative amount splits as its opposite: deferred interest repaid', () => {
    expect(texts(splitByShares(d('-0.05'), [d('50'), d('50')]))).toEqual(['-0.03', '-0.02']);
  });
});

describe('splitByShares: properties', () => {
  test.prop([amountArb(), completeSharesArb()])('shares adding up to 100 %: the parts add up to the amount exactly', (amount, shares) => {
    expect(sum(splitByShares(amount, shares)).toFixed(2)).toBe(amount.toFixed(2));
  });

  test.prop([amountArb(), completeSharesArb()])('every part is a whole number of cents within one cent of its exact share', (amount, shares) => {
    splitByShares(amount, shares).forEach((p, i) => {
      expect(p.decimalPlaces()).toBeLessThanOrEqual(2);
      expect(p.minus(amount.times(shares[i]!).div(HUNDRED)).abs().lessThan(d('0.01'))).toBe(true);
    });
  });

  test.prop([amountArb(), completeSharesArb()])('when the half-up parts add up, they are the parts', (amount, shares) => {
    const halfUp = shares.map((s) => roundToCent(amount.times(s).div(HUNDRED)));
    fc.pre(sum(halfUp).equals(amount));
    expect(texts(splitByShares(amount, shares))).toEqual(texts(halfUp));
  });

  test.prop([amountArb(0), partialSharesArb()])('below 100 %: each part is the half-up share', (amount, shares) => {
    expect(texts(splitByShares(amount, shares))).toEqual(shares.map((s) => roundToCent(amount.times(s).div(HUNDRED)).toFixed(2)));
  });

  test.prop([amountArb(), completeSharesArb()])('symmetric: the parts of −x are the opposites of the parts of x', (amount, shares) => {
    expect(texts(splitByShares(amount.negated(), shares))).toEqual(texts(splitByShares(amount, shares).map((p) => p.negated())));
  });

  test.prop([amountArb(0), amountArb(0), fc.integer({ min: 1, max: 9999 })])('two guarantors: each part grows with the amount (no capital can rise as it is repaid)', (a, b, bp) => {
    const shares = [new Decimal(bp).div(100), new Decimal(10000 - bp).div(100)];
    const [lo, hi] = a.lessThan(b) ? [a, b] : [b, a];
    const pl = splitByShares(lo, shares);
    const ph = splitByShares(hi, shares);
    pl.forEach((p, i) => expect(p.lessThanOrEqualTo(ph[i]!)).toBe(true));
  });
});
