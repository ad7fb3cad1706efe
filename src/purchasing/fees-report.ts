import { sum } from '../money/decimal.js';
import { yearOf } from '../calendar/date.js';
import { type Report, type Row, type Table, column, note, report, word } from '../report/model.js';
import type { Band, MemberFee } from './fees.js';
import type { Energy, FeeScheme } from './scheme.js';

const BANDS: Record<Band, { word: string; fr: string }> = {
  high: word('high', '≥ 100 kWh/hab'),
  middle: word('middle', 'entre 50 et 100 kWh/hab (exclus)'),
  low: word('low', '≤ 50 kWh/hab'),
};
const BASES: Record<MemberFee['basis'], { word: string; fr: string }> = {
  per_inhabitant: word('per_inhabitant', 'par habitant'),
  flat_by_population: word('flat_by_population', 'forfait selon la population'),
  ccas: word('ccas', 'CCAS (exonéré)'),
  epci_fp: word('epci_fp', 'EPCI à fiscalité propre'),
  epci: word('epci', 'EPCI sans fiscalité propre'),
  metropole: word('metropole', 'Métropole'),
  other: word('other', 'autre'),
};
const LIMITS = { floor: word('floor', 'plancher'), ceiling: word('ceiling', 'plafond') };

/** Decimals shown of kWh per inhabitant and of the proration (the computation keeps them exact). */
const SHOWN_DECIMALS = 6;

const COLUMNS = [
  column('member_id', 'Membre', 'identifier'),
  column('kind', 'Catégorie', 'text'),
  column('basis', 'Mode de calcul', 'text'),
  column('population', 'Population', 'count'),
  column('gas_kwh', 'Consommation de gaz de référence (kWh)', 'number'),
  column('kwh_per_inhabitant', 'kWh/hab', 'number'),
  column('band', 'Tranche', 'text', 'convention, art. 12.2.2'),
  column('rate_per_inhabitant', 'Participation par habitant (€)', 'number'),
  column('computed', 'Montant calculé', 'amount'),
  column('limit', 'Plancher / plafond', 'text', 'minimum 50 €/an, maximum 2 000 €/an'),
  column('annual', 'Participation annuelle', 'amount'),
  column('contract_days', 'Jours du marché dans l’année', 'count'),
  column('year_days', 'Jours de l’année', 'count'),
  column('proration', 'Prorata', 'number', 'durée effective du marché subséquent'),
  column('billed', 'Montant facturé', 'amount'),
];

/** The participations as a report: one row per member, the totals as facts and as a « Total » row in csv-fr. */
export function feesAsReport(fees: readonly MemberFee[], scheme: FeeScheme, energy: Energy, year: number | undefined): Report {
  const rows: Row[] = fees.map((f) => ({
    member_id: f.member.memberId,
    kind: f.member.kind,
    basis: BASES[f.basis],
    population: f.member.population,
    gas_kwh: f.member.gasKwh,
    kwh_per_inhabitant: f.kwhPerInhabitant?.toDecimalPlaces(SHOWN_DECIMALS),
    band: f.band ? BANDS[f.band] : undefined,
    rate_per_inhabitant: f.ratePerInhabitant,
    computed: f.computed,
    limit: f.limit ? LIMITS[f.limit] : undefined,
    annual: f.annual,
    contract_days: f.proration?.contractDays,
    year_days: f.proration?.yearDays,
    proration: f.proration?.fraction.toDecimalPlaces(SHOWN_DECIMALS),
    billed: f.billed,
  }));
  const totalAnnual = sum(fees.map((f) => f.annual));
  const totalBilled = sum(fees.map((f) => f.billed));
  const table: Table = { key: 'participations', title: 'Participations des membres', columns: COLUMNS, rows };
  const french: Table = { ...table, rows: [...rows, { member_id: 'Total', computed: sum(fees.map((f) => f.computed)), annual: totalAnnual, billed: totalBilled }] };
  const notes = [note(`scheme ${scheme.name} (${scheme.reference}, from ${scheme.validFrom}); ${energy}: communes ${scheme.methods[energy] === 'per_inhabitant' ? 'per inhabitant, modulated by gas consumption' : 'by a flat amount by population'}`)];
  if (year !== undefined && year < yearOf(scheme.validFrom)) notes.push(note(`year ${year} is before the scheme ${scheme.name} applies (from ${scheme.validFrom}): check --scheme`));
  const outside = fees.filter((f) => f.proration?.contractDays === 0);
  if (outside.length > 0) notes.push(note(`no day of contract in ${year}: ${outside.map((f) => f.member.memberId).join(', ')} (billed 0,00)`));
  return report('group_fees', [{ ...table, french }], {
    notes,
    facts: {
      scheme: scheme.name,
      energy,
      ...(year !== undefined ? { year } : {}),
      members: fees.length,
      total_annual: totalAnnual.toFixed(2),
      total_billed: totalBilled.toFixed(2),
    },
  });
}
