import type { Report, Row, Table } from '../../model.js';
import { column } from '../../model.js';
import { bars, type Chart, type Datum } from '../charts/chart.js';
import { type Html } from '../escape.js';
import { tableHtml } from '../table.js';
import { type ReportLayout, amountOf, frenchTable, keyOf, plainTable, wordsOf } from './layout.js';

/** The figures of the allocation report by item (`result_investment` → A2). */
function figures(report: Report): Map<string, Row> {
  return new Map((plainTable(report, 'allocation')?.rows ?? []).map((r) => [keyOf(r.item), r]));
}

const SECTIONS = [
  { key: 'investment', fr: 'Investissement', codes: ['A2', 'B2', 'A2 + B2'] },
  { key: 'operating', fr: 'Fonctionnement', codes: ['A3', 'B3', 'A3 + B3'] },
  { key: 'total', fr: 'TOTAL DU BUDGET', codes: ['A1', 'B1', 'A1 + B1'] },
] as const;

const GRID_COLUMNS = [
  column('section', 'Section', 'text'),
  column('result', 'Résultat ou solde (A)', 'amount', 'CGCT R2311-11'),
  column('rar', 'Restes à réaliser, solde (B)', 'amount', 'CGCT R2311-11'),
  column('cumulated', 'Résultat cumulé (A) + (B)', 'amount', 'CGCT R2311-12'),
];

/** The results as a deliberation tabulates them: one row per section, A, B and A + B. */
function resultGrid(report: Report): Table | undefined {
  const f = figures(report);
  const rows: Row[] = [];
  for (const s of SECTIONS) {
    const [a, b, ab] = [f.get(`result_${s.key}`), f.get(`rar_${s.key}`), f.get(`cumulated_${s.key}`)];
    if (!a || !b || !ab) return undefined;
    rows.push({ section: `${s.fr} (${s.codes.join(', ')})`, result: a.amount, rar: b.amount, cumulated: ab.amount });
  }
  return { key: 'results', title: 'Résultats de l’exercice', columns: GRID_COLUMNS, rows };
}

const ALLOCATION_ITEMS = ['financing_need', 'min_to_1068', 'to_1068', 'to_002', 'carried_over_001', 'uncovered_financing_need'];

/** The allocation voted: the need, then 1068, 002 and 001. */
function allocationTable(report: Report): Table | undefined {
  const t = plainTable(report, 'allocation');
  if (!t) return undefined;
  const rows = ALLOCATION_ITEMS.flatMap((item) => t.rows.filter((r) => keyOf(r.item) === item));
  return { ...t, key: 'allocation_voted', title: 'Affectation', rows };
}

function resultChart(report: Report): Chart[] {
  const f = figures(report);
  const data: Datum[] = [];
  for (const s of SECTIONS) {
    const pairs: [string, string][] = [[`result_${s.key}`, 'Résultat (A)'], [`rar_${s.key}`, 'Restes à réaliser (B)'], [`cumulated_${s.key}`, 'Cumulé (A) + (B)']];
    for (const [item, series] of pairs) {
      const value = amountOf(f.get(item)?.amount);
      if (value !== undefined) data.push({ x: s.fr, series, value });
    }
  }
  if (data.length === 0) return [];
  return [bars({ key: 'results', title: 'Résultats par section (en €)', data, xTitle: 'Section', yTitle: 'Montant (en €)', seriesTitle: 'Chiffre', grouped: true, height: 180 })];
}

export const ALLOCATION_LAYOUT: ReportLayout = {
  title: () => 'Affectation du résultat',
  lead: (report) => {
    const out: Html[] = [];
    const grid = resultGrid(report);
    if (grid) out.push(tableHtml(grid));
    const voted = allocationTable(report);
    if (voted) out.push(tableHtml(voted));
    return out;
  },
  tables: (report) => report.tables.map((t) => tableHtml({ ...(t.french ?? t), title: 'Tous les chiffres' })),
  charts: resultChart,
};

/** rar: the totals per section and direction, every line, the printed balances checked. */
export const RAR_LAYOUT: ReportLayout = {
  title: () => 'État des restes à réaliser',
  charts: (report) => {
    const totals = frenchTable(report, 'totals');
    if (!totals || totals.rows.length === 0) return [];
    const data: Datum[] = totals.rows.flatMap((r) => {
      const x = `${wordsOf(r.section)} — ${wordsOf(r.direction)}`;
      const parts: [string, string][] = [['mandated', 'Mandaté ou titré'], ['released', 'Dégagé'], ['carried_over', 'Reste à réaliser']];
      return parts.map(([key, series]) => ({ x, series, value: amountOf(r[key]) ?? 0 }));
    });
    return [bars({ key: 'rar', title: 'Engagé, par section et sens : mandaté, dégagé, reste à réaliser (en €)', data, xTitle: 'Section et sens', yTitle: 'Montant (en €)', seriesTitle: 'Part de l’engagé', horizontal: true })];
  },
};

export const CHECKS_LAYOUT: ReportLayout = {
  title: () => 'Contrôle des chiffres déclarés',
};
