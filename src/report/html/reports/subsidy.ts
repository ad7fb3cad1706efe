import type { Report } from '../../model.js';
import { bars, type Datum } from '../charts/chart.js';
import type { Html } from '../escape.js';
import { tableHtml } from '../table.js';
import { type ReportLayout, amountOf, capitalise, groupRows, keyOf, plainTable, wordsOf } from './layout.js';

/** The French heading of each « Rubrique » of the subsidies table. */
const SECTION_TITLES: Readonly<Record<string, string>> = {
  envelope: 'Enveloppes',
  total: 'Total',
  kind: 'Par type de subvention',
  ceiling: 'Subventions « pour un maximum de »',
  complement: 'Compléments par licencié',
  beneficiary: 'Par bénéficiaire',
  beneficiary_envelope: 'Par bénéficiaire et par enveloppe',
  declared: 'Totaux déclarés',
};

export const SUBSIDIES_LAYOUT: ReportLayout = {
  title: () => 'Subventions aux associations',
  tables: (report: Report) => {
    const t = plainTable(report, 'subsidies');
    if (!t) return [];
    const out: Html[] = [];
    for (const g of groupRows(t, 'section')) {
      const key = keyOf(g.cell);
      out.push(tableHtml({ ...t, key: `subsidies_${key}`, title: SECTION_TITLES[key] ?? capitalise(wordsOf(g.cell)), rows: g.rows }, { omit: ['section'] }));
    }
    return out;
  },
  charts: (report: Report) => {
    const t = plainTable(report, 'subsidies');
    const envelopes = (t?.rows ?? []).filter((r) => keyOf(r.section) === 'envelope');
    const charts = [];
    if (envelopes.length > 0) {
      const data: Datum[] = envelopes.flatMap((r) => {
        const x = wordsOf(r.name);
        const remaining = amountOf(r.remaining);
        return [
          { x, series: 'Montant ferme', value: amountOf(r.firm) ?? 0 },
          { x, series: 'Pour un maximum de', value: amountOf(r.ceilings) ?? 0 },
          ...(remaining !== undefined && remaining > 0 ? [{ x, series: 'Reste disponible', value: remaining }] : []),
        ];
      });
      charts.push(bars({ key: 'envelopes', title: 'Subventions par enveloppe (en €)', data, xTitle: 'Enveloppe', yTitle: 'Montant (en €)', seriesTitle: 'Part', seriesOrder: ['Montant ferme', 'Pour un maximum de', 'Reste disponible'], horizontal: true }));
    }
    const kinds = (t?.rows ?? []).filter((r) => keyOf(r.section) === 'kind');
    if (kinds.length > 1) {
      const data: Datum[] = kinds.map((r) => ({ x: wordsOf(r.kind) || '(sans type)', series: wordsOf(r.envelope), value: amountOf(r.amount) ?? 0 }));
      charts.push(bars({ key: 'kinds', title: 'Subventions par type et par enveloppe (en €)', data, xTitle: 'Type', yTitle: 'Montant (en €)', seriesTitle: 'Enveloppe', horizontal: true }));
    }
    return charts;
  },
};
