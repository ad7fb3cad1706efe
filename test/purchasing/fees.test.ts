import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { bandOf, memberFee, type GroupMember } from '../../src/purchasing/fees.js';
import { readMembers } from '../../src/purchasing/fees-input.js';
import { prorationInYear } from '../../src/purchasing/proration.js';
import { parseScheme } from '../../src/purchasing/scheme.js';
import type { IsoDate } from '../../src/calendar/date.js';
import { problemsOf } from '../helpers/problems.js';

const d = (s: string | number) => new Decimal(s);
const SCHEME_TEXT = readFileSync('data/purchasing/sigerly-2017-scheme.csv', 'utf8');
const scheme = parseScheme(SCHEME_TEXT);
const commune = (population: number, gasKwh: number): GroupMember => ({ memberId: 'c', kind: 'commune', population, gasKwh: d(gasKwh) });
const fee = (m: GroupMember, year?: number) => memberFee(m, scheme, 'per_inhabitant', year);

describe('the bundled SIGERLy 2017 scheme (convention art. 12.2.2, transcribed)', () => {
  it('holds the convention figures', () => {
    expect(scheme.name).toBe('SIGERLy 2017');
    expect([scheme.rateHigh, scheme.rateMiddle, scheme.rateLow].map((r) => r.toFixed())).toEqual(['0.06', '0.03', '0.012']);
    expect([scheme.bandLowMaxKwh, scheme.bandHighMinKwh, scheme.floor, scheme.ceiling].map((r) => r.toFixed())).toEqual(['50', '100', '50', '2000']);
    expect([scheme.flatPopulationLimit, scheme.flatSmall, scheme.flatLarge].map((r) => r.toFixed())).toEqual(['5000', '200', '400']);
    expect([scheme.ccas, scheme.epciFp, scheme.epciBase, scheme.metropole, scheme.other].map((r) => r.toFixed())).toEqual(['0', '200', '200', '2000', '200']);
    expect(scheme.methods).toEqual({ gas: 'per_inhabitant', electricity: 'flat_by_population' });
  });
});

describe('bands: boundaries exactly as written', () => {
  it.each([
    ['120', 'high'],
    ['100', 'high'], // « kWh/hab => 100 »
    ['99.999', 'middle'],
    ['50.001', 'middle'], // « strictement compris entre 50 et 100 »
    ['50', 'low'], // « inférieur ou égal à 50 »
    ['0', 'low'],
  ])('%s kWh/hab → %s', (kwh, band) => expect(bandOf(d(kwh), scheme)).toBe(band));
});

describe('memberFee: worked examples (hand computations beside)', () => {
  it.each([
    // 1 440 000 / 12 000 = 120 kWh/hab ≥ 100 → 0,06 × 12 000 = 720,00
    { m: commune(12000, 1440000), band: 'high', computed: '720.00', annual: '720.00' },
    // 1 000 000 / 10 000 = 100 exactly → full rate: 0,06 × 10 000 = 600,00
    { m: commune(10000, 1000000), band: 'high', computed: '600.00', annual: '600.00' },
    // 960 000 / 12 000 = 80, strictly between 50 and 100 → 0,03 × 12 000 = 360,00
    { m: commune(12000, 960000), band: 'middle', computed: '360.00', annual: '360.00' },
    // 400 000 / 8 000 = 50 exactly → ≤ 50: 0,06 / 5 = 0,012 × 8 000 = 96,00
    { m: commune(8000, 400000), band: 'low', computed: '96.00', annual: '96.00' },
    // floor: 500 inhabitants, 120 kWh/hab → 0,06 × 500 = 30,00 < 50 → 50,00
    { m: commune(500, 60000), band: 'high', computed: '30.00', annual: '50.00', limit: 'floor' },
    // ceiling: 40 000 inhabitants, 150 kWh/hab → 0,06 × 40 000 = 2 400,00 > 2 000 → 2 000,00
    { m: commune(40000, 6000000), band: 'high', computed: '2400.00', annual: '2000.00', limit: 'ceiling' },
    // 1 234 inhabitants at 30 kWh/hab: 0,012 × 1 234 = 14,808 → 14,81 < 50 → 50,00
    { m: commune(1234, 37020), band: 'low', computed: '14.81', annual: '50.00', limit: 'floor' },
  ])('$m.population inhabitants, $m.gasKwh kWh → $band, $computed, $annual', ({ m, band, computed, annual, limit }) => {
    const f = fee(m);
    expect(f.band).toBe(band);
    expect(f.computed.toFixed(2)).toBe(computed);
    expect(f.annual.toFixed(2)).toBe(annual);
    expect(f.limit).toBe(limit);
    expect(f.billed.toFixed(2)).toBe(annual);
  });

  it.each([
    { kind: 'ccas', annual: '0.00' }, // « Les CCAS sont exonérés »: not raised to the 50 € floor
    { kind: 'epci_fp', annual: '200.00' },
    { kind: 'metropole', annual: '2000.00' },
    { kind: 'other', annual: '200.00' },
  ] as const)('$kind: $annual', ({ kind, annual }) => {
    expect(fee({ memberId: 'x', kind }).annual.toFixed(2)).toBe(annual);
  });

  it('an EPCI without its own tax, 3 of its 12 communes members: 200 × (12 − 3) / 12 = 150,00', () => {
    expect(fee({ memberId: 'x', kind: 'epci', communesTotal: 12, communesMembers: 3 }).annual.toFixed(2)).toBe('150.00');
    // 200 × (7 − 1) / 7 = 171,428… → 171,43
    expect(fee({ memberId: 'x', kind: 'epci', communesTotal: 7, communesMembers: 1 }).annual.toFixed(2)).toBe('171.43');
  });

  it('flat by population (electricity): 200 up to 5 000 inhabitants included, 400 above', () => {
    const flat = (population: number) => memberFee({ memberId: 'x', kind: 'commune', population }, scheme, 'flat_by_population').annual.toFixed(2);
    expect([flat(4999), flat(5000), flat(5001)]).toEqual(['200.00', '200.00', '400.00']);
  });

  it('a contract of 7 months in the year: 01/06–31/12/2026 = 214 days / 365; 360,00 × 214 / 365 = 211,068… → 211,07', () => {
    const f = fee({ ...commune(12000, 960000), startDate: '2026-06-01' as IsoDate, endDate: '2026-12-31' as IsoDate }, 2026);
    expect(f.proration).toMatchObject({ contractDays: 214, yearDays: 365 });
    expect(f.billed.toFixed(2)).toBe('211.07');
  });
});

describe('prorationInYear', () => {
  const p = (year: number, start?: string, end?: string) => {
    const r = prorationInYear(year, start as IsoDate | undefined, end as IsoDate | undefined);
    return [r.contractDays, r.yearDays];
  };
  it.each([
    [[2026, undefined, undefined], [365, 365]],
    [[2028, undefined, undefined], [366, 366]], // leap year
    [[2026, '2025-06-01', '2027-05-31'], [365, 365]], // a contract across the year: the whole year
    [[2026, '2026-12-31', undefined], [1, 365]],
    [[2028, '2028-02-01', '2028-02-29'], [29, 366]],
    [[2026, '2027-01-01', undefined], [0, 365]],
  ])('%j → %j', (args, expected) => expect(p(...(args as [number, string?, string?]))).toEqual(expected));
});

describe('readMembers and parseScheme: bad input, one problem per line', () => {
  const problems = problemsOf;
  const H = 'member_id,kind,population,gas_kwh,communes_total,communes_members,start_date,end_date\n';
  it('unknown kind, negative population or consumption, a commune without its gas, members above total', () => {
    expect(problems(() => readMembers(H + 'A,syndicat,,,,,,\nB,commune,-5,100,,,,\nC,commune,100,-3,,,,\nD,commune,100,,,,,\nE,epci,,,3,4,,\n', 'per_inhabitant', undefined))).toEqual([
      '2:2 expected one of commune, ccas, epci_fp, epci, metropole, other, got "syndicat"',
      '3:3 expected a whole number of zero or more, got "-5"',
      '4:4 expected a number of zero or more, got "-3"',
      '5:4 missing value; a commune needs gas_kwh (per-inhabitant participation modulated by gas consumption)',
      '6:6 expected at most communes_total (3) communes members, got 4',
    ]);
  });
  it('contract dates: end before start, no --year, outside the year', () => {
    expect(problems(() => readMembers(H + 'A,other,,,,,2026-06-01,2026-05-01\n', 'per_inhabitant', 2026))).toEqual(['2:8 expected an end date on or after the start date 2026-06-01']);
    expect(problems(() => readMembers(H + 'A,other,,,,,2026-06-01,\n', 'per_inhabitant', undefined))).toEqual(['2:7 contract dates need --year, the year billed']);
    expect(problems(() => readMembers(H + 'A,other,,,,,2027-06-01,\n', 'per_inhabitant', 2026))).toEqual(['2:7 the contract does not run in 2026; expected dates touching the year billed']);
  });
  it('a scheme file with an unknown, a missing and a bad parameter', () => {
    const bad = SCHEME_TEXT.replace('rate_low,', 'rate_lo,').replace('floor,50', 'floor,-50');
    expect(problems(() => parseScheme(bad))).toEqual([
      expect.stringMatching(/^9:1 unknown parameter "rate_lo"; expected one of scheme, reference/),
      ':1 missing parameter rate_low'.replace(':1', ':'),
      '12:2 expected a number of zero or more for floor, got "-50"',
    ]);
  });
  it('another scheme is data: the convention list\'s 0,015 €/hab for ≤ 50 kWh/hab', () => {
    const alt = parseScheme(SCHEME_TEXT.replace('rate_low,"0,012"', 'rate_low,"0,015"'));
    // 400 000 / 8 000 = 50 → 0,015 × 8 000 = 120,00
    expect(memberFee(commune(8000, 400000), alt, 'per_inhabitant').annual.toFixed(2)).toBe('120.00');
  });
});
