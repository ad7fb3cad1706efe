import { InputError } from '../errors.js';
import { optional, required, type TableOptions } from '../csv/table.js';
import { date, integerIn, oneOf, text } from '../csv/fields.js';
import { compareDates, yearOf } from '../calendar/date.js';
import { duplicateChecker, readRows } from './read.js';
import { nonNegativeNumber } from './share-input.js';
import { type GroupMember, type MemberKind, requiredColumns } from './fees.js';
import type { CommuneMethod } from './scheme.js';

export const MEMBER_KINDS: Readonly<Record<string, MemberKind>> = {
  commune: 'commune',
  ccas: 'ccas',
  epci_fp: 'epci_fp',
  epci_a_fiscalite_propre: 'epci_fp',
  epci: 'epci',
  epci_sans_fiscalite_propre: 'epci',
  metropole: 'metropole',
  metropolis: 'metropole',
  other: 'other',
  autre: 'other',
};

const population = integerIn(0, 100_000_000, 'a whole number of inhabitants up to 100 000 000');
const communes = integerIn(0, 10_000, 'a whole number of communes up to 10 000');

/** MEMBERS.csv of `finloc group-fees`. */
export const memberSchema = {
  member_id: required(text, ['membre', 'id_membre', 'adherent', 'collectivite']),
  kind: required(oneOf(MEMBER_KINDS, 'one of commune, ccas, epci_fp, epci, metropole, other'), ['type', 'categorie', 'nature']),
  population: optional(population, ['habitants', 'nombre_d_habitants', 'population_totale']),
  gas_kwh: optional(nonNegativeNumber, ['consommation_gaz', 'consommation_de_gaz_de_reference', 'gaz_kwh', 'kwh_gaz']),
  communes_total: optional(communes, ['nombre_total_de_communes', 'nb_communes', 'communes']),
  communes_members: optional(communes, ['communes_membres', 'nb_communes_membres', 'communes_membres_du_groupement']),
  start_date: optional(date, ['date_debut', 'debut', 'date_de_mise_en_service', 'mise_en_service']),
  end_date: optional(date, ['date_fin', 'fin', 'date_de_fin']),
};

/**
 * Reads MEMBERS.csv: what each kind needs (a commune its population, and its
 * gas consumption for the per-inhabitant method; an EPCI without its own
 * tax its communes and members) is required on its line; a member once;
 * an end before the start refused; contract dates need a `year` and must
 * touch it.
 */
export function readMembers(csv: string, method: CommuneMethod, year: number | undefined, options: TableOptions = {}): GroupMember[] {
  const dup = duplicateChecker('member');
  const { rows } = readRows(csv, memberSchema, options, (row, line, problem) => {
    const d = dup(row.member_id, line);
    if (d) problem('member_id', d);
    for (const c of requiredColumns(row.kind, method)) {
      if (row[c] === undefined) problem(c, `missing value; a ${row.kind} needs ${c}${c === 'gas_kwh' ? ' (per-inhabitant participation modulated by gas consumption)' : ''}`);
    }
    if (row.kind === 'commune' && row.population === 0) problem('population', 'expected a population greater than zero for a commune');
    if (row.kind === 'epci' && row.communes_total === 0) problem('communes_total', 'expected at least one commune');
    if (row.kind === 'epci' && row.communes_total !== undefined && row.communes_members !== undefined && row.communes_members > row.communes_total) {
      problem('communes_members', `expected at most communes_total (${row.communes_total}) communes members, got ${row.communes_members}`);
    }
    if (row.start_date && row.end_date && compareDates(row.end_date, row.start_date) < 0) problem('end_date', `expected an end date on or after the start date ${row.start_date}`);
    if ((row.start_date || row.end_date) && year === undefined) problem(row.start_date ? 'start_date' : 'end_date', 'contract dates need --year, the year billed');
    if (year !== undefined && ((row.start_date && yearOf(row.start_date) > year) || (row.end_date && yearOf(row.end_date) < year))) {
      problem(row.start_date && yearOf(row.start_date) > year ? 'start_date' : 'end_date', `the contract does not run in ${year}; expected dates touching the year billed`);
    }
  });
  const members = rows.map(({ row }) => ({
    memberId: row.member_id,
    kind: row.kind,
    ...(row.population !== undefined ? { population: row.population } : {}),
    ...(row.gas_kwh !== undefined ? { gasKwh: row.gas_kwh } : {}),
    ...(row.communes_total !== undefined ? { communesTotal: row.communes_total } : {}),
    ...(row.communes_members !== undefined ? { communesMembers: row.communes_members } : {}),
    ...(row.start_date !== undefined ? { startDate: row.start_date } : {}),
    ...(row.end_date !== undefined ? { endDate: row.end_date } : {}),
  }));
  if (members.length === 0) throw new InputError([{ message: 'no member' }]);
  return members;
}
