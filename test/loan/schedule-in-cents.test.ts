import { describe, expect, test } from 'vitest';
import { test as prop, fc } from '@fast-check/vitest';
import { Decimal, roundToCent } from '../../src/money/decimal.js';
import { dividedRounded, factorOf, fromCents, timesRounded, toCents } from '../../src/money/cents.js';
import { amortize } from '../../src/loan/schedule.js';
import { amortizeInCents, amortizeInCentsTo, cacheEntriesHeld, setCacheBudget } from '../../src/loan/schedule-in-cents.js';
import { CentsRowWriter, centsScheduleBody, scheduleBody } from '../../src/loan/render.js';
import { ByteWriter } from '../../src/output/byte-writer.js';
import type { AmortizeOptions } from '../../src/loan/schedule.js';
import type { TableFormat } from '../../src/output/format.js';
import type { LoanLine } from '../../src/loan/types.js';
import type { IsoDate } from '../../src/calendar/date.js';
import { LIVRET_A_POINTS, bundledLivretA, livretAScenarioArb, loanLineArb } from '../helpers/loan-arbitraries.js';
import { livretAHistory } from '../../src/rates/livret-a.js';

describe('the cents hot path gives the Decimal core’s figures', () => {
  prop.prop([fc.bigInt({ min: 0n, max: 2n ** 40n }), fc.integer({ min: 1, max: 10_000_000 })])('timesRounded = roundToCent(amount × factor)', (cents, units) => {
    const factor = factorOf(new Decimal(units).div(1e7));
    const c = Number(cents);
    expect(timesRounded(c, factor)).toBe(toCents(roundToCent(fromCents(c).times(factor.exact()))));
  });

  test('exact half-cent ties go up, as the Decimal core does (the double product falls on either side)', () => {
    // 2,3 % of 1 234,50 € = 28,3935 → 28,39; of 5,50 € = 0,1265 → 0,13; of 21,50 € = 0,4945; 0,5 % of 1,00 € = 0,005 → 0,01.
    const t = factorOf(new Decimal('0.023'));
    expect(timesRounded(123450, t)).toBe(2839);
    expect(timesRounded(550, t)).toBe(13);
    expect(timesRounded(100, factorOf(new Decimal('0.005')))).toBe(1);
    // Every amount whose 2,3 % is an exact half-cent: n × 23 ≡ 500 (mod 1000) cents.
    for (let n = 0; n < 200_000; n++) {
      if ((n * 23) % 1000 !== 500) continue;
      expect(timesRounded(n, t)).toBe(toCents(roundToCent(fromCents(n).times('0.023'))));
    }
  });

  prop.prop([fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 480 })])('dividedRounded = roundToCent(amount / n)', (c, n) => {
    expect(dividedRounded(c, n)).toBe(toCents(roundToCent(fromCents(c).div(n))));
  });
});

/** The portfolio's path: rows written into the bytes as they are computed, no table of rows between. */
function directBody(line: LoanLine, options: AmortizeOptions, format: TableFormat): string {
  const out = new ByteWriter(1024);
  const writer = new CentsRowWriter(out, format);
  writer.begin(line.lineId);
  const totals = amortizeInCentsTo(line, options, writer)!;
  writer.total(totals);
  expect(totals.rowCount).toBe(line.periods);
  return new TextDecoder().decode(out.bytes());
}

describe('differential test: a seeded random portfolio, every row equal to the Decimal reference path', () => {
  // Every profile, revision mode, periodicity, day count, interest mode and prefinancing,
  // over random Livret A scenarios; 1 500 lines, about 45 000 rows.
  const portfolio = fc.sample(fc.tuple(loanLineArb({ maxPeriods: 60 }), livretAScenarioArb), { seed: 20261123, numRuns: 1500 });
  test('csv and csv-fr bytes are identical for every line', () => {
    let rows = 0;
    for (const [line, index] of portfolio) {
      const reference = amortize(line, { index });
      const fast = amortizeInCents(line, { index })!;
      rows += reference.rows.length;
      expect(centsScheduleBody(fast, 'csv')).toBe(scheduleBody(reference, 'csv'));
      expect(centsScheduleBody(fast, 'csv-fr')).toBe(scheduleBody(reference, 'csv-fr'));
      expect(directBody(line, { index }, 'csv')).toBe(scheduleBody(reference, 'csv'));
      expect(directBody(line, { index }, 'csv-fr')).toBe(scheduleBody(reference, 'csv-fr'));
    }
    expect(rows).toBeGreaterThan(20_000);
  }, 300_000);

  test('caches dropped again and again (a budget of 40 entries): the same bytes, never more entries than the budget', () => {
    const before = setCacheBudget(40);
    try {
      let drops = 0;
      let held = cacheEntriesHeld();
      for (const [line, index] of portfolio.slice(0, 400)) {
        expect(directBody(line, { index }, 'csv')).toBe(scheduleBody(amortize(line, { index }), 'csv'));
        expect(cacheEntriesHeld()).toBeLessThanOrEqual(40);
        if (cacheEntriesHeld() < held) drops++;
        held = cacheEntriesHeld();
      }
      expect(drops).toBeGreaterThan(10);
    } finally {
      setCacheBudget(before);
    }
  }, 120_000);

  test('lines that share their Decimals, as lines read from one file do, and differ in one input of their revision or in their periodicity: each its own figures', () => {
    // The revised rates (I', P') are computed once for the lines whose revision has the same inputs; lines differing
    // in one of them (margin, rate, progressivity, floor, mode), or sharing them across periodicities and interest
    // modes, amortised one after the other in one process, under two index histories in turn.
    const [margin, otherMargin, rate, otherRate, growth, otherGrowth, floor, otherFloor] = ['0.6', '-0.2', '3.1', '2.45', '0.5', '-0.75', '0', '-1'].map((v) => new Decimal(v));
    const base: LoanLine = {
      lineId: 'base', principal: new Decimal('250000.00'), firstDueDate: '2019-05-01' as IsoDate, periods: 60, periodMonths: 3,
      index: 'livret_a', marginPct: margin!, ratePct: rate!, revision: 'DL', progressivityPct: growth!, progressivityFloorPct: floor!,
      profile: 'payment_priority', interestMode: 'equivalent', dayCount: '30/360', prefinancingMonths: 0,
    };
    const variants: LoanLine[] = [
      base,
      { ...base, lineId: 'margin', marginPct: otherMargin! },
      { ...base, lineId: 'rate', ratePct: otherRate! },
      { ...base, lineId: 'growth', progressivityPct: otherGrowth! },
      { ...base, lineId: 'floor', progressivityFloorPct: otherFloor! },
      { ...base, lineId: 'DR', revision: 'DR' },
      { ...base, lineId: 'SR', revision: 'SR' },
      { ...base, lineId: 'monthly', periodMonths: 1, periods: 180 },
      { ...base, lineId: 'annual', periodMonths: 12, periods: 15 },
      { ...base, lineId: 'proportional', interestMode: 'proportional' },
      { ...base, lineId: 'base again' },
    ];
    // A history of the same dates, each value a quarter point higher: the same ranks, other rates.
    const shifted = livretAHistory(LIVRET_A_POINTS.map(([d, r]) => ({ effectiveDate: d as IsoDate, ratePct: new Decimal(r).plus('0.25') })));
    const distinct = new Set<string>();
    for (const index of [bundledLivretA(), shifted, bundledLivretA()]) {
      for (const line of [...variants, ...[...variants].reverse()]) {
        const reference = scheduleBody(amortize(line, { index }), 'csv');
        expect(directBody(line, { index }, 'csv')).toBe(reference);
        distinct.add(reference.replace(/^[^,]*,/gm, ''));
      }
    }
    // Every variant but « base again » has figures of its own, under each history.
    expect(distinct.size).toBe(2 * (variants.length - 1));
  });

  test('lines built to hit half-cent ties in their interest', () => {
    const history = bundledLivretA();
    const base: LoanLine = {
      lineId: 'T',
      principal: new Decimal('12345.50'),
      firstDueDate: '2027-03-15' as IsoDate,
      periods: 25,
      periodMonths: 12,
      index: 'none',
      marginPct: new Decimal(0),
      ratePct: new Decimal('2.3'),
      revision: 'none',
      progressivityPct: new Decimal(0),
      progressivityFloorPct: new Decimal(0),
      profile: 'payment_priority',
      interestMode: 'equivalent',
      dayCount: '30/360',
      prefinancingMonths: 0,
    };
    let tied = 0;
    for (let n = 1; n < 3000; n++) {
      const principal = new Decimal(n * 1000 + 500).div(100).plus(1000); // many amounts whose 2,3 % ends in an exact half-cent
      if (principal.times('0.023').times(1000).mod(10).equals(5)) tied++;
      const line = { ...base, lineId: String(n), principal };
      expect(centsScheduleBody(amortizeInCents(line, { index: history })!, 'csv')).toBe(scheduleBody(amortize(line, { index: history }), 'csv'));
    }
    expect(tied).toBeGreaterThan(100);
  });
});
