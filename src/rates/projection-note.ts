import { toFrenchDate } from '../calendar/date.js';
import { type Note, note } from '../report/model.js';
import type { RateHistory } from './history.js';

/**
 * The note every figure resting on a held (projected) rate value gets: what
 * is known, until when, and what was assumed after.
 *
 * @example projectionNote(livretA, 'later due dates hold', '1 line(s) concerned')
 * // « Livret A known until 31/01/2027; later due dates hold its last value (1.7 % from 01/08/2026) as a projection — 1 line(s) concerned. »
 */
export function projectionNote(history: RateHistory, laterHold: string, concerned: string): Note {
  const last = history.points[history.points.length - 1]!;
  return note(
    `${history.name} known until ${toFrenchDate(history.knownUntil)}; ${laterHold} its last value ` +
      `(${last.ratePct.toFixed()} % from ${toFrenchDate(last.effectiveDate)}) as a projection — ${concerned}.`,
  );
}
