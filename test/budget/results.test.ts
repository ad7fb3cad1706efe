import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import type { Decimal } from '../../src/money/decimal.js';
import { resultTable } from '../../src/budget/results.js';
import { SITIV_2023 } from './fixtures.js';
import { budgetResultsArb } from './arbitraries.js';

const cents = (d: Decimal) => d.toFixed(2);

describe('the table of results (SITIV deliberation CS_2024_02_3)', () => {
  const t = resultTable(SITIV_2023);
  test('« RÉSULTAT DE L\'EXERCICE N-1 »: the TOTAL DU BUDGET row 1 221 077,44 / 2 317 006,44 / −384 054,27 / A1 711 874,73', () => {
    expect([t.total.expenditure, t.total.receipts, t.total.carriedOver, t.total.cumulated].map(cents)).toEqual(['1221077.44', '2317006.44', '-384054.27', '711874.73']);
  });
  test('A2 = 1 177 830,44 − 603 801,97 − 742 627,83 = −168 599,36; A3 = 1 139 176,00 − 617 275,47 + 358 573,56 = 880 474,09', () => {
    expect(cents(t.investment.cumulated)).toBe('-168599.36');
    expect(cents(t.operating.cumulated)).toBe('880474.09');
  });
  test('the year\'s results alone: 574 028,47 in investment, 521 900,53 in operating (receipts − expenditure, by hand)', () => {
    expect([t.investment.yearResult, t.operating.yearResult].map(cents)).toEqual(['574028.47', '521900.53']);
  });
  test('« RESTES A REALISER N-1 »: I + II 429 656,45, III + IV 0,00, B1 = B2 = −429 656,45, B3 0,00', () => {
    expect([t.total.rarExpenditure, t.total.rarReceipts, t.total.rar, t.investment.rar, t.operating.rar].map(cents)).toEqual([
      '429656.45',
      '0.00',
      '-429656.45',
      '-429656.45',
      '0.00',
    ]);
  });
  test('« RESULTAT CUMULE = (A) + (B) »: TOTAL 282 218,28, investment −598 255,81, operating 880 474,09', () => {
    expect([t.total.cumulatedWithRar, t.investment.cumulatedWithRar, t.operating.cumulatedWithRar].map(cents)).toEqual(['282218.28', '-598255.81', '880474.09']);
  });
});

describe('invariants of the table', () => {
  test.prop([budgetResultsArb])('the totals row, computed from the column totals, is the sum of the sections', (r) => {
    const t = resultTable(r);
    const keys = ['expenditure', 'receipts', 'carriedOver', 'yearResult', 'cumulated', 'rarExpenditure', 'rarReceipts', 'rar', 'cumulatedWithRar'] as const;
    for (const k of keys) expect(t.total[k].equals(t.investment[k].plus(t.operating[k]))).toBe(true);
  });
  test.prop([budgetResultsArb])('(A) + (B) is the cumulated result with RAR, section by section', (r) => {
    const t = resultTable(r);
    for (const row of [t.investment, t.operating, t.total]) expect(row.cumulated.plus(row.rar).equals(row.cumulatedWithRar)).toBe(true);
  });
});
