import type { IsoDate } from '../calendar/date.js';
import { Decimal, roundToCent } from '../money/decimal.js';
import { type Proration, prorate, prorationInYear } from './proration.js';
import type { CommuneMethod, FeeScheme } from './scheme.js';

/** What a member of the group is: a commune, its CCAS, an EPCI with (`epci_fp`) or without its own tax, the metropolis, another body. */
export type MemberKind = 'commune' | 'ccas' | 'epci_fp' | 'epci' | 'metropole' | 'other';

export interface GroupMember {
  readonly memberId: string;
  readonly kind: MemberKind;
  /** Inhabitants (a commune). */
  readonly population?: number;
  /** Reference gas consumption, kWh a year (a commune, per-inhabitant method). */
  readonly gasKwh?: Decimal;
  /** An EPCI without its own tax: its communes, and those of them already members of the group. */
  readonly communesTotal?: number;
  readonly communesMembers?: number;
  /** The subsequent contract's effective start and end within the year (both included); absent: the whole year. */
  readonly startDate?: IsoDate;
  readonly endDate?: IsoDate;
}

/** The per-inhabitant band of a commune's gas consumption (kWh per inhabitant). */
export type Band = 'high' | 'middle' | 'low';

export interface MemberFee {
  readonly member: GroupMember;
  /** How the yearly amount was found: per_inhabitant, flat_by_population, or the member's kind (ccas, epci…). */
  readonly basis: CommuneMethod | Exclude<MemberKind, 'commune'>;
  readonly kwhPerInhabitant?: Decimal;
  readonly band?: Band;
  readonly ratePerInhabitant?: Decimal;
  /** The yearly amount before floor and ceiling, rounded half-up to the cent. */
  readonly computed: Decimal;
  /** After floor and ceiling (per-inhabitant communes only). */
  readonly annual: Decimal;
  readonly limit?: 'floor' | 'ceiling';
  /** Absent when the member has no contract dates: the whole year is due. */
  readonly proration?: Proration;
  /** annual × contract days / year days, rounded half-up to the cent. */
  readonly billed: Decimal;
}

/**
 * The band of a consumption per inhabitant, boundaries exactly as the
 * convention writes them: « ≥ 100 » full rate, « strictement compris entre
 * 50 et 100 » halved, « ≤ 50 » divided by five.
 *
 * @example
 * bandOf(d(100), scheme) // 'high' (100 kWh/hab exactly: « => 100 »)
 * bandOf(d(50), scheme)  // 'low'  (50 exactly: « inférieur ou égal à 50 »)
 * bandOf(d('50.01'), scheme) // 'middle'
 */
export function bandOf(kwhPerInhabitant: Decimal, scheme: FeeScheme): Band {
  if (kwhPerInhabitant.greaterThanOrEqualTo(scheme.bandHighMinKwh)) return 'high';
  if (kwhPerInhabitant.lessThanOrEqualTo(scheme.bandLowMaxKwh)) return 'low';
  return 'middle';
}

function rateOf(band: Band, scheme: FeeScheme): Decimal {
  return band === 'high' ? scheme.rateHigh : band === 'middle' ? scheme.rateMiddle : scheme.rateLow;
}

/**
 * A member's yearly participation and what is billed for the year.
 *
 * - commune, per inhabitant: population × the rate of its band, rounded
 *   half-up to the cent, then held between the floor and the ceiling;
 * - commune, flat: `flat_small` up to `flat_population_limit` inhabitants
 *   (included), `flat_large` above;
 * - ccas, epci_fp, metropole, other: the scheme's flat amount;
 * - epci (without its own tax): base × (communes − communes members) /
 *   communes, rounded half-up to the cent;
 * then prorated by the days of the contract within the year (proration.ts).
 * Floor and ceiling hold the per-inhabitant amount only: the convention
 * states them in that paragraph, before its « cas spécifiques » and apart
 * from its flat amounts (an exempt CCAS is not raised to 50 €).
 *
 * @example
 * // SIGERLy 2017, a commune of 12 000 inhabitants using 960 000 kWh of gas:
 * // 80 kWh/hab, strictly between 50 and 100 → 0,03 €/hab × 12 000 = 360,00 €,
 * // between 50 and 2 000: 360,00 € a year; contract 01/06–31/12/2026: 360 × 214 / 365 = 211,07 €.
 */
export function memberFee(member: GroupMember, scheme: FeeScheme, method: CommuneMethod, year?: number): MemberFee {
  const base = annualOf(member, scheme, method);
  const proration = year !== undefined && (member.startDate !== undefined || member.endDate !== undefined) ? prorationInYear(year, member.startDate, member.endDate) : undefined;
  return { member, ...base, ...(proration ? { proration } : {}), billed: proration ? prorate(base.annual, proration) : base.annual };
}

function annualOf(member: GroupMember, scheme: FeeScheme, method: CommuneMethod): Omit<MemberFee, 'member' | 'billed' | 'proration'> {
  const flat = (basis: MemberFee['basis'], amount: Decimal) => ({ basis, computed: amount, annual: amount });
  switch (member.kind) {
    case 'ccas':
      return flat('ccas', scheme.ccas);
    case 'epci_fp':
      return flat('epci_fp', scheme.epciFp);
    case 'metropole':
      return flat('metropole', scheme.metropole);
    case 'other':
      return flat('other', scheme.other);
    case 'epci': {
      const total = member.communesTotal!;
      const amount = roundToCent(scheme.epciBase.times(total - member.communesMembers!).div(total));
      return flat('epci', amount);
    }
    case 'commune': {
      const population = new Decimal(member.population!);
      if (method === 'flat_by_population') return flat('flat_by_population', population.lessThanOrEqualTo(scheme.flatPopulationLimit) ? scheme.flatSmall : scheme.flatLarge);
      const kwhPerInhabitant = member.gasKwh!.div(population);
      const band = bandOf(kwhPerInhabitant, scheme);
      const ratePerInhabitant = rateOf(band, scheme);
      const computed = roundToCent(population.times(ratePerInhabitant));
      const limit = computed.lessThan(scheme.floor) ? 'floor' : computed.greaterThan(scheme.ceiling) ? 'ceiling' : undefined;
      const annual = limit === 'floor' ? scheme.floor : limit === 'ceiling' ? scheme.ceiling : computed;
      return { basis: 'per_inhabitant', kwhPerInhabitant, band, ratePerInhabitant, computed, annual, ...(limit ? { limit } : {}) };
    }
  }
}

/** What a member of a kind must give, by method: the columns {@link memberFee} reads. */
export function requiredColumns(kind: MemberKind, method: CommuneMethod): readonly ('population' | 'gas_kwh' | 'communes_total' | 'communes_members')[] {
  if (kind === 'commune') return method === 'per_inhabitant' ? ['population', 'gas_kwh'] : ['population'];
  if (kind === 'epci') return ['communes_total', 'communes_members'];
  return [];
}
