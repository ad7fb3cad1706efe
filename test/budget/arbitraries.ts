import { fc } from '@fast-check/vitest';
import { Decimal } from '../../src/money/decimal.js';
import type { BudgetResults } from '../../src/budget/types.js';

/** An amount in cents, up to a hundred million euros either side. */
export const signedAmount = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }).map((c) => new Decimal(c).div(100));
export const nonNegativeAmount = fc.integer({ min: 0, max: 10_000_000_000 }).map((c) => new Decimal(c).div(100));

export const budgetResultsArb: fc.Arbitrary<BudgetResults> = fc
  .record({
    ie: nonNegativeAmount,
    ir: nonNegativeAmount,
    i001: signedAmount,
    oe: nonNegativeAmount,
    or: nonNegativeAmount,
    o002: signedAmount,
    rie: nonNegativeAmount,
    rir: nonNegativeAmount,
    roe: nonNegativeAmount,
    ror: nonNegativeAmount,
  })
  .map((r) => ({
    investment: { expenditure: r.ie, receipts: r.ir, carriedOver: r.i001 },
    operating: { expenditure: r.oe, receipts: r.or, carriedOver: r.o002 },
    rarInvestment: { expenditure: r.rie, receipts: r.rir },
    rarOperating: { expenditure: r.roe, receipts: r.ror },
  }));
