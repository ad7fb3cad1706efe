import type { Row } from '../../model.js';
import { toFrenchDate, type IsoDate } from '../../../calendar/date.js';
import { bars, type Chart, type Datum, lines } from '../charts/chart.js';
import type { Html } from '../escape.js';
import { tableHtml } from '../table.js';
import { type ReportLayout, amountOf, capitalise, frenchTable, groupRows, isTotal, keyOf, wordsOf } from './layout.js';

const guaranteeLabel = (r: Row) => `${wordsOf(r.guarantor)} — ligne ${wordsOf(r.line_id)}`;

export const PRINCIPAL_LAYOUT: ReportLayout = {
  title: () => 'Garanties d’emprunt : montants garantis en principal',
  charts: (report) => {
    const t = frenchTable(report, 'principal');
    if (!t || t.rows.length === 0) return [];
    const data: Datum[] = t.rows.map((r) => ({ x: wordsOf(r.guarantor), series: `ligne ${wordsOf(r.line_id)}`, value: amountOf(r.guaranteed_principal) ?? 0 }));
    return [bars({ key: 'principal', title: 'Montant garanti en principal, par garant (en €)', data, xTitle: 'Garant', yTitle: 'Montant garanti (en €)', seriesTitle: 'Ligne du Prêt', horizontal: true })];
  },
};

export const SCHEDULE_LAYOUT: ReportLayout = {
  title: () => 'Garanties d’emprunt : tableau d’amortissement garanti',
  charts: (report) => {
    const t = report.tables.find((x) => x.key === 'schedule');
    if (!t || t.rows.length === 0) return [];
    const rows = [...t.rows].sort((a, b) => String(a.due_date).localeCompare(String(b.due_date)));
    const data: Datum[] = rows.map((r) => ({ x: toFrenchDate(r.due_date as IsoDate), series: guaranteeLabel(r), value: amountOf(r.capital_after) ?? 0 }));
    return [lines({ key: 'guaranteed_capital', title: 'Capital garanti restant dû après chaque échéance (en €)', data, xTitle: 'Date d’échéance', yTitle: 'Capital garanti (en €)', seriesTitle: 'Garantie' })];
  },
};

const LINE_FIGURES = ['capital_start', 'annuity', 'amortisation', 'interest', 'deferred_interest', 'capital_end'];

export const STATEMENT_LAYOUT: ReportLayout = {
  title: (report) => `État des emprunts garantis${report.facts?.year !== undefined ? ` — exercice ${report.facts.year}` : ''}`,
  /** Seventeen columns do not fit a page: the guaranteed share first (what the guarantor owes), then the whole lines. */
  tables: (report) => {
    const t = frenchTable(report, 'statement');
    if (!t) return [];
    return [
      tableHtml(t, { title: 'Part garantie', omit: LINE_FIGURES }),
      tableHtml({ ...t, key: 'statement_lines' }, { title: 'Lignes entières', omit: [...LINE_FIGURES.map((k) => `guaranteed_${k}`), 'exempt'] }),
    ];
  },
  charts: (report) => {
    const t = frenchTable(report, 'statement');
    const totals = (t?.rows ?? []).filter((r) => isTotal(r, 'line_id'));
    if (totals.length === 0) return [];
    const data: Datum[] = totals.flatMap((r) => {
      const annuity = amountOf(r.guaranteed_annuity) ?? 0;
      const amortisation = amountOf(r.guaranteed_amortisation) ?? 0;
      return [
        { x: wordsOf(r.guarantor), series: 'Amortissement garanti', value: amortisation },
        { x: wordsOf(r.guarantor), series: 'Intérêts garantis payés', value: annuity - amortisation },
      ];
    });
    return [bars({ key: 'statement', title: 'Annuité garantie de l’exercice, par garant (en €)', data, xTitle: 'Garant', yTitle: 'Annuité garantie (en €)', seriesTitle: 'Part de l’annuité', horizontal: true })];
  },
};

export const EXPOSURE_LAYOUT: ReportLayout = {
  title: () => 'Garanties d’emprunt : exposition par exercice',
  charts: (report) => {
    const t = frenchTable(report, 'exposure');
    if (!t || t.rows.length === 0) return [];
    const capital: Datum[] = t.rows.map((r) => ({ x: String(r.year), series: wordsOf(r.guarantor), value: amountOf(r.guaranteed_capital_start) ?? 0 }));
    const annuity: Datum[] = t.rows.map((r) => ({ x: String(r.year), series: wordsOf(r.guarantor), value: amountOf(r.guaranteed_annuity) ?? 0 }));
    const sortYears = (d: Datum[]) => [...d].sort((a, b) => Number(a.x) - Number(b.x));
    return [
      lines({ key: 'exposure_capital', title: 'Capital garanti restant dû au 1er janvier, par exercice (en €)', data: sortYears(capital), xTitle: 'Exercice', yTitle: 'Capital garanti (en €)', seriesTitle: 'Garant', area: new Set(capital.map((d) => d.series)).size === 1 }),
      bars({ key: 'exposure_annuity', title: 'Annuité garantie, par exercice (en €)', data: sortYears(annuity), xTitle: 'Exercice', yTitle: 'Annuité garantie (en €)', seriesTitle: 'Garant' }),
    ];
  },
};

/** The ratios: the terms of each ratio with its article, then the verdicts; a chart of each total against its ceiling. */
export const RATIOS_LAYOUT: ReportLayout = {
  title: (report) => `Garanties d’emprunt : ratios prudentiels${report.facts?.guarantor !== undefined ? ` — ${report.facts.guarantor}` : ''}${report.facts?.year !== undefined ? `, exercice ${report.facts.year}` : ''}`,
  tables: (report) => {
    const terms = frenchTable(report, 'ratios');
    if (!terms) return [];
    const out: Html[] = [];
    for (const g of groupRows(terms, 'ratio')) {
      out.push(tableHtml({ ...terms, key: `ratios_${keyOf(g.cell)}`, title: capitalise(wordsOf(g.cell)), rows: g.rows }, { omit: ['ratio'] }));
    }
    return out;
  },
  charts: (report) => {
    const data: { x: string; used: number; verdict: string }[] = [];
    const add = (x: string, total: number | undefined, limit: number | undefined, holds: boolean) => {
      if (total === undefined || limit === undefined || limit <= 0) return;
      data.push({ x, used: (total / limit) * 100, verdict: holds ? 'respecté' : 'dépassé' });
    };
    for (const r of frenchTable(report, 'ceiling')?.rows ?? []) add('Plafonnement', amountOf(r.total), amountOf(r.limit), r.holds === true);
    for (const r of frenchTable(report, 'borrowers')?.rows ?? []) add(`Division des risques : ${wordsOf(r.borrower)}`, amountOf(r.total), amountOf(r.limit), r.holds === true);
    for (const r of frenchTable(report, 'shares')?.rows ?? []) add(`Partage des risques : ligne ${wordsOf(r.line_id)}`, amountOf(r.local_authorities_share_pct), amountOf(r.limit_pct), r.holds === true);
    if (data.length === 0) return [];
    return [usageChart(data)];
  },
};

/** Each ratio as the share of its limit it uses, a rule at 100 %: what is over the line is exceeded. */
function usageChart(data: readonly { x: string; used: number; verdict: string }[]): Chart {
  const y = { field: 'x', type: 'nominal', title: null, sort: data.map((d) => d.x), axis: { labelLimit: 420 } };
  return {
    key: 'ratios',
    title: 'Part de chaque plafond utilisée (en %)',
    spec: {
      width: 420,
      height: Math.max(60, data.length * 20),
      layer: [
        {
          data: { values: [...data] },
          mark: { type: 'bar' },
          encoding: {
            y,
            x: { field: 'used', type: 'quantitative', title: 'Part du plafond (en %)', scale: { domainMin: 0, domainMax: Math.max(110, ...data.map((d) => d.used)) } },
            color: { field: 'verdict', type: 'nominal', title: 'Verdict', scale: { domain: ['respecté', 'dépassé'], range: ['#1f4e79', '#b42318'] } },
          },
        },
        { data: { values: [{ limit: 100 }] }, mark: { type: 'rule', color: '#b42318', strokeDash: [4, 3] }, encoding: { x: { field: 'limit', type: 'quantitative' } } },
      ],
    } as Chart['spec'],
  };
}

export const GUARANTEE_LAYOUTS: Readonly<Record<string, ReportLayout>> = {
  principal: PRINCIPAL_LAYOUT,
  schedule: SCHEDULE_LAYOUT,
  statement: STATEMENT_LAYOUT,
  exposure: EXPOSURE_LAYOUT,
  ratios: RATIOS_LAYOUT,
};

