import { describe, expect, test } from 'vitest';
import { dec } from '../../src/money/decimal.js';
import { thresholdFlags } from '../../src/subsidy/thresholds.js';
import { beneficiaryTotals } from '../../src/subsidy/totals.js';
import type { Grant } from '../../src/subsidy/types.js';

const g = (beneficiary: string, envelope: string, amount: string, ceiling = false): Grant => ({ beneficiary, envelope, amount: dec(amount), ceiling, euNotified: false });

describe('convention (> 23 000 €) and L2313-1 budget annex (> 75 000 €) thresholds', () => {
  test('both strict: exactly 23 000 € needs no convention, 23 000,01 € does', () => {
    expect(thresholdFlags(dec('23000'))).toEqual({ conventionRequired: false, budgetAnnex: false });
    expect(thresholdFlags(dec('23000.01'))).toEqual({ conventionRequired: true, budgetAnnex: false });
    expect(thresholdFlags(dec('75000'))).toEqual({ conventionRequired: true, budgetAnnex: false });
    expect(thresholdFlags(dec('75000.01'))).toEqual({ conventionRequired: true, budgetAnnex: true });
  });
  test('per beneficiary across envelopes, ceilings included: 20 000 + 3 500 (maximum) = 23 500 € needs a convention', () => {
    const [b] = beneficiaryTotals([g('Club', 'operating', '20000'), g('CLUB', 'exceptional', '3500', true)]);
    expect([b!.total.toFixed(2), b!.ceilings.toFixed(2), b!.conventionRequired, b!.budgetAnnex]).toEqual(['23500.00', '3500.00', true, false]);
  });
});
