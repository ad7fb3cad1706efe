import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { dec } from '../../src/money/decimal.js';
import { checkComplement } from '../../src/subsidy/per-member.js';
import type { Grant } from '../../src/subsidy/types.js';

const grant = (amount: string, extra: Partial<Grant> = {}): Grant => ({ beneficiary: 'Basket', envelope: 'operating', amount: dec(amount), ceiling: false, euNotified: false, ...extra });

describe('per-member complement (« 20 € supplémentaires par licencié »)', () => {
  test('members and rate: the amount must be members × rate', () => {
    // Basket: 36 × 20 = 720 (deliberation 26/72).
    expect(checkComplement(grant('720', { members: 36, ratePerMember: dec(20) }))).toMatchObject({ holds: true, members: 36, impliedMembers: 36 });
    // 36 × 20 = 720, not 740: off by 20.
    const c = checkComplement(grant('740', { members: 36, ratePerMember: dec(20) }))!;
    expect([c.holds, c.expected!.toFixed(2)]).toEqual([false, '720.00']);
  });
  test('rate alone: a whole multiple of the rate gives the members', () => {
    // 2 420 ÷ 20 = 121 (AEP).
    expect(checkComplement(grant('2420', { ratePerMember: dec(20) }))).toMatchObject({ holds: true, impliedMembers: 121, members: 121 });
    // 12,50 per member: 87,50 ÷ 12,50 = 7.
    expect(checkComplement(grant('87.50', { ratePerMember: dec('12.5') }))).toMatchObject({ holds: true, members: 7 });
  });
  test('rate alone, not a whole multiple: does not hold, no members', () => {
    // 730 ÷ 20 = 36,5.
    const c = checkComplement(grant('730', { ratePerMember: dec(20) }))!;
    expect(c.holds).toBe(false);
    expect(c.members).toBeUndefined();
  });
  test('no rate: not a complement', () => {
    expect(checkComplement(grant('1000'))).toBeUndefined();
  });
  test.prop([fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 10000 })])('members × rate always holds and implies the members back', (members, rateCents) => {
    const rate = dec(rateCents).div(100);
    const c = checkComplement(grant(rate.times(members).toFixed(2), { ratePerMember: rate }))!;
    expect(c.holds).toBe(true);
    expect(c.members).toBe(members);
  });
  test.prop([fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 2, max: 10000 }), fc.integer({ min: 1, max: 99 })])(
    'an amount off a multiple by less than the rate never holds',
    (members, rateCents, offCents) => {
      fc.pre(offCents < rateCents);
      const rate = dec(rateCents).div(100);
      const c = checkComplement(grant(rate.times(members).plus(dec(offCents).div(100)).toFixed(2), { ratePerMember: rate }))!;
      expect(c.holds).toBe(false);
    },
  );
});
