import { describe, expect, test } from 'vitest';
import { bundledLegalInterestRates } from '../../node/index.js';

// data/legal-interest-rate.csv against the arrêtés fixing the legal interest rate « pour tous les autres cas »
// (Code monétaire et financier L313-2, D313-1-A), as published each semester:
// 2015-S2 0,99 % (arrêté of 24/06/2015); 2021-S1 0,79 %, 2021-S2 0,76 %; 2022-S2 0,77 %; 2023-S1 2,06 %,
// 2023-S2 4,22 % (arrêté of 27/06/2023); 2025-S1 3,71 % (arrêté of 17/12/2024); 2025-S2 2,76 % (arrêté of 19/06/2025).
describe('the bundled legal interest rate', () => {
  const h = bundledLegalInterestRates();
  test('one value a semester, from 1 January 2015 to the end of 2025', () => {
    expect(h.points).toHaveLength(22);
    expect(h.points.every((p, i) => p.effectiveDate === `${2015 + Math.floor(i / 2)}-${i % 2 === 0 ? '01' : '07'}-01`)).toBe(true);
    expect(h.knownUntil).toBe('2025-12-31');
  });
  test.each([
    ['2015-07-01', '0.99'],
    ['2021-01-01', '0.79'],
    ['2021-07-01', '0.76'],
    ['2022-07-01', '0.77'],
    ['2023-01-01', '2.06'],
    ['2023-07-01', '4.22'],
    ['2025-01-01', '3.71'],
    ['2025-07-01', '2.76'],
  ])('%s: %s %%', (date, rate) => {
    expect(h.points.find((p) => p.effectiveDate === date)?.ratePct.toFixed(2)).toBe(rate);
  });
});
