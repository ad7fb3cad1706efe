import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { rateInForce } from '../../src/rates/history.js';
import { livretAKnownUntil } from '../../src/rates/livret-a.js';
import { addDays, type IsoDate } from '../../src/calendar/date.js';
import { bundledLivretA } from '../helpers/loan-arbitraries.js';

const d = (s: string) => s as IsoDate;
const h = bundledLivretA();

describe('rate histories', () => {
  test('the value in force is the last one on or before the date', () => {
    expect(rateInForce(h, d('2026-07-31'))!.ratePct.toFixed()).toBe('1.5');
    expect(rateInForce(h, d('2026-08-01'))!.ratePct.toFixed()).toBe('1.7');
    expect(rateInForce(h, d('2008-01-31'))).toBeUndefined();
  });
  test('the Livret A is set on 1 February and 1 August: the value of 1 August 2026 is known until 31 January 2027', () => {
    expect(livretAKnownUntil(d('2026-08-01'))).toBe('2027-01-31');
    expect(livretAKnownUntil(d('2026-02-01'))).toBe('2026-07-31');
    expect(rateInForce(h, d('2027-01-31'))!.projected).toBe(false);
    expect(rateInForce(h, d('2027-02-01'))!.projected).toBe(true);
  });
  prop.prop([fc.integer({ min: 0, max: 20000 })])('a later date never uses an earlier value', (n) => {
    const a = addDays(d('2008-02-01'), n);
    const b = addDays(a, 1);
    expect(rateInForce(h, b)!.effectiveDate >= rateInForce(h, a)!.effectiveDate).toBe(true);
  });
});
