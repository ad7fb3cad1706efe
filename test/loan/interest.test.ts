import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { periodInterest } from '../../src/loan/interest.js';
import type { IsoDate } from '../../src/calendar/date.js';

const d = (s: string) => s as IsoDate;

describe('rule 1: interest of a period, rounded half-up to the cent', () => {
  test('30/360: base × period rate; golden row 1: 569 627 × 0,023 = 13 101,421 → 13 101,42', () => {
    const r = new Decimal('0.023');
    expect(periodInterest(new Decimal(569627), r, r, '30/360', 'equivalent', d('2025-10-29'), d('2026-10-29')).toFixed(2)).toBe('13101.42');
  });
  test('golden row 25: 29 534,99 × 0,023 = 679,30477 → 679,30', () => {
    const r = new Decimal('0.023');
    expect(periodInterest(new Decimal('29534.99'), r, r, '30/360', 'equivalent', d('2049-10-29'), d('2050-10-29')).toFixed(2)).toBe('679.30');
  });
  test('a half-cent tie goes up: 100,50 × 0,05 = 5,025 → 5,03 (banker’s rounding would give 5,02)', () => {
    const r = new Decimal('0.05');
    expect(periodInterest(new Decimal('100.50'), r, r, '30/360', 'equivalent', d('2025-01-01'), d('2026-01-01')).toFixed(2)).toBe('5.03');
  });
  test('actual/365 equivalent: 100 000 × (1,03^(181/365) − 1) = 1 476,588… → 1 476,59 (1 Jan to 1 Jul 2025: 181 days)', () => {
    const r = new Decimal('0.03');
    expect(periodInterest(new Decimal(100000), r, r, 'actual/365', 'equivalent', d('2025-01-01'), d('2025-07-01')).toFixed(2)).toBe('1476.59');
  });
  test('actual/360 proportional: 100 000 × 0,03 × 181/360 = 1 508,333… → 1 508,33', () => {
    const r = new Decimal('0.03');
    expect(periodInterest(new Decimal(100000), r, r, 'actual/360', 'proportional', d('2025-01-01'), d('2025-07-01')).toFixed(2)).toBe('1508.33');
  });
});
