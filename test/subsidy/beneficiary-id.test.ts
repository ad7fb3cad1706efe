import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { luhnSum, parseBeneficiaryId, siretKeyHolds } from '../../src/subsidy/beneficiary-id.js';

describe('beneficiary ids: SIRET or RNA', () => {
  test('SIRETs whose Luhn key holds (the SCDL documentation examples, INSEE\'s example)', () => {
    // 23350001600040 (Région Bretagne), 38047555800058 (schema example), 73282932000074: Luhn sums ≡ 0 mod 10.
    for (const s of ['23350001600040', '38047555800058', '73282932000074']) {
      expect(luhnSum(s) % 10).toBe(0);
      expect(parseBeneficiaryId(s)).toEqual({ ok: true, id: { kind: 'siret', value: s } });
    }
  });
  test('grouping spaces are ignored', () => {
    expect(parseBeneficiaryId(' 233 500 016 00040 ')).toEqual({ ok: true, id: { kind: 'siret', value: '23350001600040' } });
  });
  test('a mistyped digit breaks the key', () => {
    // 23350001600041: last digit +1, Luhn sum 1 mod 10.
    expect(parseBeneficiaryId('23350001600041')).toEqual({ ok: false, expected: expect.stringContaining('check key') });
  });
  test('La Poste (SIREN 356 000 000): the digit sum is a multiple of 5 instead', () => {
    // 35600000000001: digits sum to 3+5+6+1 = 15; its Luhn sum is 25, not a multiple of 10.
    expect(luhnSum('35600000000001') % 10).not.toBe(0);
    expect(siretKeyHolds('35600000000001')).toBe(true);
    expect(siretKeyHolds('35600000000002')).toBe(false);
  });
  test('RNA numbers: W and 9 digits; a lower-case w is read as W', () => {
    expect(parseBeneficiaryId('W380475558')).toEqual({ ok: true, id: { kind: 'rna', value: 'W380475558' } });
    expect(parseBeneficiaryId('w031000123')).toEqual({ ok: true, id: { kind: 'rna', value: 'W031000123' } });
  });
  test('neither: 13 digits, W and 8 digits, a SIREN, a name', () => {
    for (const s of ['2335000160004', 'W38047555', '233500016', 'Basket', 'X380475558']) {
      expect(parseBeneficiaryId(s)).toEqual({ ok: false, expected: 'a SIRET (14 digits) or an RNA number (W and 9 digits)' });
    }
  });
  test.prop([fc.stringMatching(/^[0-9]{13}$/)])('exactly one last digit completes any 13 digits into a SIRET whose key holds', (head) => {
    fc.pre(!head.startsWith('356000000'));
    const valid = [...'0123456789'].filter((d) => siretKeyHolds(head + d));
    expect(valid.length).toBe(1);
  });
});
