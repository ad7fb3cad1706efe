import type { Check } from '../check.js';
import { checksTable } from '../check.js';
import type { Note, Report } from '../model.js';
import { type Html, html, join, raw } from './escape.js';
import { tableHtml } from './table.js';
import { euros } from './text.js';
import { Decimal } from '../../money/decimal.js';

const NOTE_LABEL: Record<Note['kind'], string> = { note: 'Note', alert: 'Alerte', warning: 'Avertissement' };

/**
 * The checks of a report: a verdict line (« 4 chiffres contrôlés : tous
 * conformes » / « 1 écart sur 4 ») then the table « Poste, Déclaré,
 * Recalculé, Écart (déclaré − recalculé), Verdict, Observation ».
 */
export function checksHtml(checks: readonly Check[], title = 'Contrôles'): Html {
  if (checks.length === 0) return raw('');
  const failed = checks.filter((c) => !c.holds).length;
  const verdict =
    failed === 0
      ? html`<p class="verdict-line good">${checks.length === 1 ? '1 chiffre contrôlé : conforme' : `${checks.length} chiffres contrôlés : tous conformes`}</p>`
      : html`<p class="verdict-line bad">${failed === 1 ? '1 écart' : `${failed} écarts`} sur ${checks.length} chiffre(s) contrôlé(s) (écart = déclaré − recalculé)</p>`;
  return html`<section class="checks" data-section="checks"><h2>${title}</h2>${verdict}${tableHtml(checksTable(checks), { headingLevel: 0, dropEmptyColumns: true })}</section>`;
}

/**
 * What the reader must not miss: alerts first, then notes and warnings,
 * each with its kind in French. The texts are the core's (the same as on
 * stderr and in the json).
 */
export function notesHtml(notes: readonly Note[], title = 'Remarques'): Html {
  if (notes.length === 0) return raw('');
  const order: Note['kind'][] = ['alert', 'warning', 'note'];
  const sorted = [...notes].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const items = sorted.map((n) => html`<li class="${n.kind}"><strong>${NOTE_LABEL[n.kind]} :</strong> ${n.text}</li>`);
  return html`<section class="notes" data-section="notes"><h2>${title}</h2><ul>${items}</ul></section>`;
}

/** The French name of a fact of the json, when it has one. */
const FACT_LABELS: Readonly<Record<string, string>> = {
  year: 'Exercice',
  guarantor: 'Garant',
  new_line_id: 'Nouvelle ligne garantie',
  holds: 'Verdict d’ensemble',
  invoices: 'Demandes de paiement',
  late_invoices: 'dont payées en retard',
  interest: 'Intérêts (en €)',
  indemnity: 'Indemnités forfaitaires (en €)',
  complementary_interest: 'Intérêts complémentaires (en €)',
  total: 'Total dû (en €)',
  arrears: 'Impayés',
  capitalised: 'Intérêts capitalisés (en €)',
  paid: 'Versements (en €)',
  outstanding: 'Reste dû (en €)',
  deficit_alert_flagged: 'Alerte de déficit (CGCT L1612-14)',
  deficit_alert_receipts: 'Recettes de référence de l’alerte (en €)',
  deficit_alert_receipts_basis: 'Recettes retenues',
  population_known: 'Population indiquée',
};

const FACT_WORDS: Readonly<Record<string, string>> = { real: 'recettes réelles de fonctionnement', total: 'recettes de fonctionnement' };

function factText(key: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return key === 'holds' ? (value ? 'respecté' : 'non respecté') : value ? 'oui' : 'non';
  if (typeof value === 'number') return String(value);
  if (/^-?\d+\.\d+$/.test(value)) return euros(new Decimal(value));
  return FACT_WORDS[value] ?? value;
}

/** The report's scalars (the year of a statement, the totals of late interest) as a short list. */
export function factsHtml(report: Report): Html {
  const facts = Object.entries(report.facts ?? {});
  if (facts.length === 0) return raw('');
  const items = facts.map(([k, v]) => html`<div><dt>${FACT_LABELS[k] ?? k}</dt><dd>${factText(k, v)}</dd></div>`);
  return html`<dl class="facts" data-section="facts">${join(items)}</dl>`;
}
