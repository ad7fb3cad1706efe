import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import { carriedPayment, exactFirstPayment, roundedFirstPayment } from '../../src/loan/payment.js';
import { carriedAmortisation, roundedFirstAmortisation } from '../../src/loan/amortisation-sequence.js';
import { decimalArb } from '../helpers/loan-arbitraries.js';

describe('rule 2: first payment of a payment-priority line', () => {
  test('golden: 569 627 × 0,023 / (1 − 1,023^−25) = 30 214,1741… → 30 214,17', () => {
    const e = exactFirstPayment(new Decimal(569627), new Decimal('0.023'), new Decimal(0), 25);
    expect(e.toDecimalPlaces(10).toFixed()).toBe('30214.1741092352');
    expect(roundedFirstPayment(new Decimal(569627), new Decimal('0.023'), new Decimal(0), 25).toFixed(2)).toBe('30214.17');
  });
  test('t = p: B·(1+t)/n; 1 000 at t = p = 2 % over 4 periods = 255,00', () => {
    expect(roundedFirstPayment(new Decimal(1000), new Decimal('0.02'), new Decimal('0.02'), 4).toFixed(2)).toBe('255.00');
  });
  test('progressive: 1 000 at 5 %, p = 12 %, 20 periods: E1 = 1 000 × (0,05 − 0,12)/(1 − (1,12/1,05)^20) = 26,5596 → 26,56', () => {
    expect(roundedFirstPayment(new Decimal(1000), new Decimal('0.05'), new Decimal('0.12'), 20).toFixed(2)).toBe('26.56');
  });
  test('carried payment: rounded from E·(1+p)^k, not from the previous rounded term; 26,56 × 1,12² = 33,316864 → 33,32', () => {
    expect(carriedPayment(new Decimal('26.56'), new Decimal('0.12'), 2).toFixed(2)).toBe('33.32');
    expect(carriedPayment(new Decimal('30214.17'), new Decimal(0), 24).toFixed(2)).toBe('30214.17');
  });
  prop.prop([decimalArb(1_00, 10_000_000_00, 2), decimalArb(1, 1000, 4), fc.integer({ min: 1, max: 480 })])(
    'the exact payment sequence repays the base: Σ E·(1+p)^(k−1)/(1+t)^k = B',
    (base, t, n) => {
      const e = exactFirstPayment(base, t, new Decimal(0), n);
      let pv = new Decimal(0);
      for (let k = 1; k <= n; k++) pv = pv.plus(e.div(t.plus(1).pow(k)));
      expect(pv.minus(base).abs().lessThan('1e-20')).toBe(true);
    },
  );
});

describe('rule 3: amortisation sequence of an amortisation-priority line', () => {
  test('constant: 1 000 over 3 periods = 333,33 a period (the last due date takes the rest)', () => {
    expect(roundedFirstAmortisation(new Decimal(1000), new Decimal(0), 3).toFixed(2)).toBe('333.33');
  });
  test('growing by 10 %: A1 = 1 000 × 0,1/(1,1³ − 1) = 302,1148 → 302,11; A2 = 302,11 × 1,1 = 332,321 → 332,32', () => {
    const a1 = roundedFirstAmortisation(new Decimal(1000), new Decimal('0.1'), 3);
    expect(a1.toFixed(2)).toBe('302.11');
    expect(carriedAmortisation(a1, new Decimal('0.1'), 1).toFixed(2)).toBe('332.32');
  });
});
