import { fc } from '@fast-check/vitest';

/** A budget line of a synthetic document: amounts in cents. */
export interface SyntheticLine {
  nature: string;
  direction: 'D' | 'R';
  section?: 'I' | 'F';
  order: boolean;
  realCents: number;
  rarCents: number;
  prevCents: number;
}

export interface SyntheticLoan {
  type: '01' | '09';
  article: string;
  contract: string;
  startCents: number;
  repaidCents: number;
  interestCents: number;
}

const cents = (c: number) => (c / 100).toFixed(2);

/** Accounts of both sections, of the chart M14_COM_500_3500-2021 (their CaracSup may be left out: the chart then gives the section). */
const NATURES: readonly [string, 'I' | 'F'][] = [
  ['1641', 'I'],
  ['2313', 'I'],
  ['10222', 'I'],
  ['1068', 'I'],
  ['2183', 'I'],
  ['60611', 'F'],
  ['6411', 'F'],
  ['66111', 'F'],
  ['7411', 'F'],
  ['70311', 'F'],
  ['6574', 'F'],
];

export const lineArb: fc.Arbitrary<SyntheticLine> = fc
  .record({
    n: fc.integer({ min: 0, max: NATURES.length - 1 }),
    direction: fc.constantFrom<'D' | 'R'>('D', 'R'),
    withSection: fc.boolean(),
    order: fc.boolean(),
    realCents: fc.integer({ min: 0, max: 1_000_000_000 }),
    rarCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000_000 })),
    prevCents: fc.integer({ min: 0, max: 1_000_000_000 }),
  })
  .map(({ n, direction, withSection, order, realCents, rarCents, prevCents }) => {
    const [nature, section] = NATURES[n]!;
    return { nature, direction, ...(withSection ? { section } : {}), order, realCents, rarCents: section === 'I' ? rarCents : 0, prevCents };
  });

/** 001 and 002 lines: a signed carried-over result, written in receipts when a surplus, in expenditure when a deficit. */
export const carriedArb = fc.record({ c001: fc.integer({ min: -100_000_000, max: 100_000_000 }), c002: fc.integer({ min: -100_000_000, max: 100_000_000 }) });

export function carriedLines(c: { c001: number; c002: number }): SyntheticLine[] {
  const line = (nature: string, section: 'I' | 'F', v: number): SyntheticLine => ({
    nature,
    direction: v < 0 ? 'D' : 'R',
    section,
    order: false,
    realCents: Math.abs(v),
    rarCents: 0,
    prevCents: Math.abs(v),
  });
  return [line('001', 'I', c.c001), line('002', 'F', c.c002)];
}

export const loanArb: fc.Arbitrary<SyntheticLoan> = fc
  .record({
    type: fc.constantFrom<'01' | '09'>('01', '09'),
    startCents: fc.integer({ min: 0, max: 500_000_000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    interestCents: fc.integer({ min: 0, max: 10_000_000 }),
    id: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ type, startCents, share, interestCents, id }) => ({
    type,
    article: '1641',
    contract: `C-${id}`,
    startCents,
    repaidCents: Math.floor(startCents * share),
    interestCents,
  }));

export interface SyntheticGrant {
  beneficiary: string;
  legalKind: string;
  amountCents: number;
}

export const grantArb: fc.Arbitrary<SyntheticGrant> = fc.record({
  beneficiary: fc.constantFrom('CLUB DE FOOT', 'COMITÉ DES FÊTES', 'CCAS', 'ÉCOLE PUBLIQUE', 'AMICALE'),
  legalKind: fc.constantFrom('P1', 'P3', 'U3', 'U4'),
  amountCents: fc.integer({ min: 0, max: 5_000_000 }),
});

/** A DocumentBudgetaire text (UTF-8) holding the lines, loans and grants given; every amount written by its cents. */
export function syntheticDocument(o: {
  natDec?: string;
  year?: number;
  siret?: string;
  lines: readonly SyntheticLine[];
  loans?: readonly SyntheticLoan[];
  grants?: readonly SyntheticGrant[];
}): string {
  const lines = o.lines
    .map(
      (l) =>
        `<LigneBudget><Nature V="${l.nature}"/><CodRD V="${l.direction}"/><MtPrev V="${cents(l.prevCents)}"/>` +
        (l.realCents !== 0 ? `<MtReal V="${cents(l.realCents)}"/>` : '') +
        (l.rarCents !== 0 ? `<MtRAR3112 V="${cents(l.rarCents)}"/>` : '') +
        `<OpBudg V="${l.order ? 1 : 0}"/>` +
        (l.section ? `<CaracSup V="${l.section}" Code="Section"/>` : '') +
        '</LigneBudget>\n',
    )
    .join('');
  const loans = (o.loans ?? [])
    .map(
      (l) =>
        `<EMPRUNT><CodTypEmpr V="${l.type}"/><CodArticle V="${l.article}"/><NumContrat V="${l.contract}"/>` +
        `<MtIntExer V="${cents(l.interestCents)}"/><MtCapitalExer V="${cents(l.repaidCents)}"/>` +
        `<MtCapitalRestDu_01_01 V="${cents(l.startCents)}"/><MtCapitalRestDu_31_12 V="${cents(l.startCents - l.repaidCents)}"/></EMPRUNT>\n`,
    )
    .join('');
  const grants = (o.grants ?? [])
    .map((g) => `<CONCOURS><CodNatJurBenefCA V="${g.legalKind}"/><LibOrgaBenef V="${g.beneficiary}"/><MtSubv V="${cents(g.amountCents)}"/></CONCOURS>\n`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<DocumentBudgetaire xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire">\n' +
    '<EnTeteDocBudgetaire><LibelleColl V="COMMUNE DE TEST"/></EnTeteDocBudgetaire>\n<Budget>\n' +
    `<EnTeteBudget><LibelleEtab V="BUDGET PRINCIPAL"/><IdEtab V="${o.siret ?? '21000000000000'}"/><CodBud V="00"/><Nomenclature V="M14-M14_COM_500_3500"/></EnTeteBudget>\n` +
    `<BlocBudget><NatDec V="${o.natDec ?? '09'}"/><Exer V="${o.year ?? 2021}"/></BlocBudget>\n` +
    lines +
    `<Annexes><DATA_EMPRUNT>\n${loans}</DATA_EMPRUNT><DATA_CONCOURS>\n${grants}</DATA_CONCOURS></Annexes>\n</Budget>\n</DocumentBudgetaire>\n`
  );
}
