import { Decimal, ZERO } from '../money/decimal.js';
import { formatMachine } from '../money/format.js';
import type { BudgetResults, Section } from '../budget/types.js';
import { type AllocationReport, allocationReport } from '../budget/figures.js';
import { allocationAsReport } from '../budget/report.js';
import { type Note, type Report, type Table, column, note, word } from '../report/model.js';
import { type ChartOfAccounts, SECTION_SOURCE_TEXT, type SectionSource, sectionOf } from './sections.js';
import type { BudgetDocument, BudgetLine } from './types.js';

/** The lines of one section and direction, and where their section came from. */
export interface SectionTotals {
  readonly section: Section;
  readonly direction: 'D' | 'R';
  /** Sum of MtReal of the year's lines (001 and 002 left out: they are the carried-over results). */
  readonly realised: Decimal;
  /** Sum of MtRAR3112. */
  readonly rar: Decimal;
  /** Sum of MtPrev, every line. */
  readonly forecast: Decimal;
  /** Sum of MtReal of the 001 / 002 lines of this section and direction. */
  readonly carriedOver: Decimal;
  readonly lines: number;
  readonly orderLines: number;
  readonly bySource: Readonly<Record<SectionSource, number>>;
}

/** The document's budget lines by section and direction. */
export interface DocumentTotals {
  readonly totals: readonly SectionTotals[];
  readonly chart?: string;
}

const KEYS: readonly [Section, 'D' | 'R'][] = [
  ['investment', 'D'],
  ['investment', 'R'],
  ['operating', 'D'],
  ['operating', 'R'],
];

/** True for the lines of the carried-over results (001, 002): they are last year's results, not this year's execution. */
export function isCarriedOver(line: BudgetLine): boolean {
  return line.nature === '001' || line.nature === '002';
}

/** Sums the lines of the document by section and direction, real and order operations both (as the CA's own results count them). */
export function documentTotals(doc: BudgetDocument, chart?: ChartOfAccounts): DocumentTotals {
  const acc = new Map<string, { realised: Decimal; rar: Decimal; forecast: Decimal; carriedOver: Decimal; lines: number; orderLines: number; bySource: Record<SectionSource, number> }>();
  for (const [s, d] of KEYS) acc.set(s + d, { realised: ZERO, rar: ZERO, forecast: ZERO, carriedOver: ZERO, lines: 0, orderLines: 0, bySource: { caracsup: 0, chart: 0, class_rule: 0 } });
  for (const line of doc.lines) {
    const { section, source } = sectionOf(line, chart);
    const a = acc.get(section + line.direction)!;
    if (isCarriedOver(line)) a.carriedOver = a.carriedOver.plus(line.realised);
    else a.realised = a.realised.plus(line.realised);
    a.rar = a.rar.plus(line.rar);
    a.forecast = a.forecast.plus(line.forecast);
    a.lines++;
    if (line.order) a.orderLines++;
    a.bySource[source]++;
  }
  return {
    totals: KEYS.map(([section, direction]) => ({ section, direction, ...acc.get(section + direction)! })),
    ...(chart ? { chart: chart.name } : {}),
  };
}

function find(t: DocumentTotals, section: Section, direction: 'D' | 'R'): SectionTotals {
  return t.totals.find((x) => x.section === section && x.direction === direction)!;
}

/**
 * The RESULTS figures of `finloc allocate` from a CA: the year's execution
 * per section (001 and 002 apart), the carried-over results signed (+ in
 * receipts, − in expenditure), and the restes à réaliser.
 */
export function resultsOfDocument(t: DocumentTotals): BudgetResults {
  const section = (s: Section) => ({
    expenditure: find(t, s, 'D').realised,
    receipts: find(t, s, 'R').realised,
    carriedOver: find(t, s, 'R').carriedOver.minus(find(t, s, 'D').carriedOver),
  });
  const rar = (s: Section) => ({ expenditure: find(t, s, 'D').rar, receipts: find(t, s, 'R').rar });
  return { investment: section('investment'), operating: section('operating'), rarInvestment: rar('investment'), rarOperating: rar('operating') };
}

/** The RESULTS.csv that `finloc allocate` reads, exactly: `item,amount`, the ten mandatory lines. */
export function resultsCsv(r: BudgetResults): string {
  const rows: [string, Decimal][] = [
    ['investment_expenditure', r.investment.expenditure],
    ['investment_receipts', r.investment.receipts],
    ['investment_carried_over', r.investment.carriedOver],
    ['operating_expenditure', r.operating.expenditure],
    ['operating_receipts', r.operating.receipts],
    ['operating_carried_over', r.operating.carriedOver],
    ['rar_investment_expenditure', r.rarInvestment.expenditure],
    ['rar_investment_receipts', r.rarInvestment.receipts],
    ['rar_operating_expenditure', r.rarOperating.expenditure],
    ['rar_operating_receipts', r.rarOperating.receipts],
  ];
  return 'item,amount\n' + rows.map(([item, amount]) => `${item},${formatMachine(amount)}`).join('\n') + '\n';
}

const SECTION_WORDS = { investment: word('investment', 'Investissement'), operating: word('operating', 'Fonctionnement') };
const DIRECTION_WORDS = { D: word('expenditure', 'Dépenses'), R: word('receipt', 'Recettes') };

/** What each figure was computed from: one row per section and direction. */
export function sourcesTable(t: DocumentTotals): Table {
  return {
    key: 'sources',
    title: 'Origine des chiffres',
    columns: [
      column('section', 'Section', 'text'),
      column('direction', 'Sens', 'text'),
      column('realised', "Réalisé de l'exercice (MtReal, hors 001/002)", 'amount'),
      column('carried_over', 'Reports 001 / 002 (MtReal)', 'amount'),
      column('rar', 'Restes à réaliser (MtRAR3112)', 'amount', 'CGCT R2311-11'),
      column('lines', 'Lignes', 'count'),
      column('order_lines', "dont opérations d'ordre", 'count'),
      column('from_caracsup', 'Section lue sur la ligne (CaracSup)', 'count'),
      column('from_chart', 'Section du plan de comptes', 'count'),
      column('from_class_rule', 'Section par la classe du compte', 'count'),
    ],
    rows: t.totals.map((x) => ({
      section: SECTION_WORDS[x.section],
      direction: DIRECTION_WORDS[x.direction],
      realised: x.realised,
      carried_over: x.carriedOver,
      rar: x.rar,
      lines: x.lines,
      order_lines: x.orderLines,
      from_caracsup: x.bySource.caracsup,
      from_chart: x.bySource.chart,
      from_class_rule: x.bySource.class_rule,
    })),
  };
}

/** Notes saying where the sections came from. */
export function sourceNotes(t: DocumentTotals): Note[] {
  const count = (s: SectionSource) => t.totals.reduce((n, x) => n + x.bySource[s], 0);
  const parts = (['caracsup', 'chart', 'class_rule'] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} line(s) by the ${SECTION_SOURCE_TEXT[s]}${s === 'chart' && t.chart ? ` ${t.chart}` : ''}`);
  return [note(`section of each budget line: ${parts.join('; ') || 'no line'}; real and order operations both counted, as the CA's own results`)];
}

/** The results report of a CA: the table and allocation of `finloc allocate` (first table, the same bytes), then where each figure came from. */
export function documentResultsReport(doc: BudgetDocument, chart?: ChartOfAccounts, extraNotes: readonly Note[] = []): { report: Report; results: BudgetResults; computed: AllocationReport } {
  const t = documentTotals(doc, chart);
  const results = resultsOfDocument(t);
  const computed = allocationReport(results);
  const base = allocationAsReport(computed);
  return {
    report: {
      ...base,
      name: 'ca_results',
      tables: [...base.tables, sourcesTable(t)],
      notes: [...extraNotes, ...sourceNotes(t), ...base.notes],
      facts: { ...(base.facts ?? {}), ...identityFacts(doc) },
    },
    results,
    computed,
  };
}

export function identityFacts(doc: BudgetDocument): Record<string, string | number> {
  const i = doc.identity;
  return { authority: i.authority, siret: i.siret, budget: i.budget, nomenclature: i.nomenclature, year: i.year, document: i.kind, nat_dec: i.natDec, encoding: doc.encoding };
}
