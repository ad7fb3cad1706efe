import type { Report } from '../../model.js';
import type { IsoDate } from '../../../calendar/date.js';
import { bars, type Datum } from '../charts/chart.js';
import { type ReportLayout, amountOf, frenchTable, isTotal, plainTable, wordsOf } from './layout.js';
import { toFrenchDate } from '../../../calendar/date.js';

/** « 1er semestre 2025 » of a date. */
function semesterOf(date: IsoDate): { label: string; order: string } {
  const year = date.slice(0, 4);
  const first = Number(date.slice(5, 7)) <= 6;
  return { label: `${first ? '1er' : '2e'} semestre ${year}`, order: `${year}-${first ? 1 : 2}` };
}

export const PROCUREMENT_LAYOUT: ReportLayout = {
  title: () => 'Intérêts moratoires de la commande publique',
  charts: (report: Report) => {
    const t = plainTable(report, 'invoices');
    const late = (t?.rows ?? []).filter((r) => r.semester !== undefined);
    if (late.length === 0) return [];
    // One bar per semester (the one that fixed the rate), stacked: interest, indemnity, complementary interest.
    const order = [...new Set(late.map((r) => wordsOf(r.semester)))];
    const bySemester = new Map(order.map((s) => [s, { interest: 0, indemnity: 0, complementary: 0 }]));
    for (const r of late) {
      const s = bySemester.get(wordsOf(r.semester))!;
      s.interest += amountOf(r.interest) ?? 0;
      s.indemnity += amountOf(r.indemnity) ?? 0;
      s.complementary += amountOf(r.complementary_interest) ?? 0;
    }
    const sorted = [...bySemester.entries()].sort(([a], [b]) => semesterKey(a).localeCompare(semesterKey(b)));
    const data: Datum[] = sorted.flatMap(([x, s]) => [
      { x, series: 'Intérêts moratoires', value: s.interest },
      { x, series: 'Indemnité forfaitaire', value: s.indemnity },
      ...(s.complementary > 0 ? [{ x, series: 'Intérêts complémentaires', value: s.complementary }] : []),
    ]);
    return [bars({ key: 'semesters', title: 'Intérêts moratoires et indemnités, par semestre du taux (en €)', data, xTitle: 'Semestre', yTitle: 'Montant (en €)', seriesTitle: 'Nature', height: 180 })];
  },
};

/** « 2e semestre 2026 » → « 2026-2 », to sort. */
function semesterKey(label: string): string {
  const m = /(\d)(?:er|e) semestre (\d{4})/.exec(label);
  return m ? `${m[2]}-${m[1]}` : label;
}

export const LOAN_ARREARS_LAYOUT: ReportLayout = {
  title: () => 'Intérêts de retard sur impayés de prêts CDC',
  charts: (report: Report) => {
    const t = frenchTable(report, 'periods');
    const periods = (t?.rows ?? []).filter((r) => !isTotal(r, 'from'));
    if (periods.length === 0) return [];
    const data: Datum[] = [];
    const sums = new Map<string, { order: string; label: string; series: string; value: number }>();
    for (const r of periods) {
      const s = semesterOf(r.from as IsoDate);
      const series = `${wordsOf(r.line_id)} (exigible le ${toFrenchDate(r.due_date as IsoDate)})`;
      const key = `${s.order}\u0000${series}`;
      const entry = sums.get(key) ?? { order: s.order, label: s.label, series, value: 0 };
      entry.value += amountOf(r.interest) ?? 0;
      sums.set(key, entry);
    }
    for (const e of [...sums.values()].sort((a, b) => a.order.localeCompare(b.order))) data.push({ x: e.label, series: e.series, value: e.value });
    return [bars({ key: 'semesters', title: 'Intérêts de retard, par semestre du début de chaque période (en €)', data, xTitle: 'Semestre', yTitle: 'Intérêts (en €)', seriesTitle: 'Impayé', height: 180 })];
  },
};
