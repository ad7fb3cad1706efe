import type { IsoDate } from '../calendar/date.js';
import { makeRateHistory, type RateHistory, type RatePoint } from '../rates/history.js';

/**
 * The ECB main refinancing operations rate (« taux des opérations
 * principales de refinancement ») is known up to the last Governing
 * Council decision we have read. At the 5 February 2026 decision it was
 * left at 2,15 % (in force since 11 June 2025), so the bundled table
 * (data/bce-mro.csv) is known until that date although its last line is
 * 2025-06-11; a semester starting later holds that value as a projection.
 */
export const ECB_MRO_KNOWN_UNTIL = '2026-02-05' as IsoDate;

/** The ECB rate history; `knownUntil` defaults to the last date of effect given. */
export function ecbMroHistory(points: readonly RatePoint[], knownUntil?: IsoDate): RateHistory {
  return makeRateHistory('ECB main refinancing rate', points, knownUntil);
}
