import { Decimal } from '../../src/money/decimal.js';
import type { IsoDate } from '../../src/calendar/date.js';
import { ECB_MRO_KNOWN_UNTIL, ecbMroHistory } from '../../src/late-interest/ecb-mro.js';
import { livretAHistory } from '../../src/rates/livret-a.js';
import { makeRateHistory, type RateHistory } from '../../src/rates/history.js';

/** The ECB main refinancing rate by date of effect, as issue 4 lists it (and data/bce-mro.csv holds it). */
export const ECB_MRO_POINTS: readonly [string, string][] = [
  ['2011-12-14', '1.00'], ['2012-07-11', '0.75'], ['2013-05-08', '0.50'], ['2013-11-13', '0.25'], ['2014-06-11', '0.15'],
  ['2014-09-10', '0.05'], ['2016-03-16', '0.00'], ['2022-07-27', '0.50'], ['2022-09-14', '1.25'], ['2022-11-02', '2.00'],
  ['2022-12-21', '2.50'], ['2023-02-08', '3.00'], ['2023-03-22', '3.50'], ['2023-05-10', '3.75'], ['2023-06-21', '4.00'],
  ['2023-08-02', '4.25'], ['2023-09-20', '4.50'], ['2024-06-12', '4.25'], ['2024-09-18', '3.65'], ['2024-10-23', '3.40'],
  ['2024-12-18', '3.15'], ['2025-02-05', '2.90'], ['2025-03-12', '2.65'], ['2025-04-23', '2.40'], ['2025-06-11', '2.15'],
];

/** The Livret A from 2022 (data/livret-a.csv): 1 % from 01/02/2022, 2 % from 01/08/2022, 3 % from 01/02/2023, 2,4 % from 01/02/2025, 1,7 % from 01/08/2025, 1,5 % from 01/02/2026, 1,7 % from 01/08/2026. */
export const LIVRET_A_POINTS: readonly [string, string][] = [
  ['2022-02-01', '1.0'], ['2022-08-01', '2.0'], ['2023-02-01', '3.0'], ['2025-02-01', '2.4'], ['2025-08-01', '1.7'], ['2026-02-01', '1.5'], ['2026-08-01', '1.7'],
];

const points = (list: readonly [string, string][]) => list.map(([d, r]) => ({ effectiveDate: d as IsoDate, ratePct: new Decimal(r) }));

export const ecb: RateHistory = ecbMroHistory(points(ECB_MRO_POINTS), ECB_MRO_KNOWN_UNTIL);
export const livretA: RateHistory = livretAHistory(points(LIVRET_A_POINTS));

/** A history with one value for ever: isolates a rule from rate changes. */
export function flatHistory(ratePct: string, from = '2000-01-01'): RateHistory {
  return makeRateHistory('flat', [{ effectiveDate: from as IsoDate, ratePct: new Decimal(ratePct) }], '2100-12-31' as IsoDate);
}

export const d = (s: string) => s as IsoDate;
