import { type Report, type Row, column, note, report, word } from '../report/model.js';
import type { Decimal } from '../money/decimal.js';
import type { Criterion, OfferScore } from './score.js';

/**
 * Scores are kept exact and shown with two decimals (half-up), as a report
 * of analysis writes them (40,00; 37,42): a word in its two spellings, as a
 * `number` column would drop the zeros of 40,00.
 */
const SHOWN = 2;
const shown = (d: Decimal) => {
  const text = d.toFixed(SHOWN);
  return word(text, text.replace('.', ','));
};

const METHOD_RULE: Record<string, string> = {
  lowest_price_ratio: 'règle de trois : prix le plus bas / prix de l’offre × pondération',
  linear_lowest_highest: 'linéaire : pondération × (prix le plus haut − prix) / (prix le plus haut − prix le plus bas)',
  marks: 'note de l’acheteur',
};

/** The scores as a report: one row per offer in file order, each criterion's score, the total and the rank; ties and possibly abnormally low offers in notes. */
export function scoresAsReport(criteria: readonly Criterion[], scores: readonly OfferScore[], abnormallyLowPct: Decimal): Report {
  const columns = [
    column('offer_id', 'Offre', 'identifier'),
    column('price', 'Prix HT', 'amount'),
    ...criteria.map((c) => column(`score_${c.id}`, `${c.id} ${c.label} (/${c.weight.toFixed()})`, 'text', c.method ? METHOD_RULE[c.method] : 'somme des sous-critères')),
    column('total', 'Note totale (/100)', 'text'),
    column('rank', 'Rang', 'count'),
    column('tied', 'Ex aequo', 'flag'),
    column('price_vs_others_pct', 'Prix / moyenne des autres offres', 'rate'),
    column('abnormally_low', 'Offre possiblement anormalement basse', 'text', 'indice à vérifier (CCP R2152-3), jamais un verdict'),
  ];
  const rows: Row[] = scores.map((s) => ({
    offer_id: s.offer.offerId,
    price: s.offer.price,
    ...Object.fromEntries(criteria.map((c) => [`score_${c.id}`, shown(s.scores.get(c.id)!)])),
    total: shown(s.total),
    rank: s.rank,
    tied: s.tied,
    price_vs_others_pct: s.priceVsOthersPct?.toDecimalPlaces(2),
    abnormally_low: s.possiblyAbnormallyLow ? word('possibly', 'à vérifier') : undefined,
  }));
  const notes = [];
  const tiedRanks = [...new Set(scores.filter((s) => s.tied).map((s) => s.rank))];
  for (const r of tiedRanks) notes.push(note(`tie at rank ${r}: ${scores.filter((s) => s.rank === r).map((s) => s.offer.offerId).join(', ')} have the same exact total (${scores.find((s) => s.rank === r)!.total.toFixed(SHOWN)})`));
  for (const s of scores.filter((x) => x.possiblyAbnormallyLow)) {
    notes.push(
      note(`offer ${s.offer.offerId}: price ${s.offer.price.toFixed(2)} is ${s.priceVsOthersPct!.toDecimalPlaces(2).toFixed(2)} % of the mean of the other offers, below ${abnormallyLowPct.toFixed()} %: possibly abnormally low — ask the bidder to justify it (CCP L2152-5, R2152-3); a hint, not a verdict`),
    );
  }
  const best = scores.filter((s) => s.rank === 1).map((s) => s.offer.offerId);
  return report('score', [{ key: 'scores', title: 'Analyse des offres', columns, rows }], {
    notes,
    facts: { offers: scores.length, best: best.join(', '), abnormally_low_threshold_pct: abnormallyLowPct.toFixed() },
  });
}
