import type { Section } from '../budget/types.js';
import type { BudgetLine, DocumentIdentity } from './types.js';

/**
 * A chart of accounts reduced to what finloc needs: the section of each
 * account, from the section of its chapters (the DGCL's planDeCompte.xml:
 * each `Chapitre` has a `Section`, each `Compte` names its chapters).
 */
export interface ChartOfAccounts {
  /** `M14_COM_500_3500-2021`: declination and year. */
  readonly name: string;
  readonly sections: ReadonlyMap<string, Section>;
}

/** Where the section of a line came from. */
export type SectionSource = 'caracsup' | 'chart' | 'class_rule';

export const SECTION_SOURCE_TEXT: Readonly<Record<SectionSource, string>> = {
  caracsup: 'CaracSup Code="Section" of the line',
  chart: 'chart of accounts',
  class_rule: 'account class rule (6, 7, 002 → operating; others → investment)',
};

/**
 * The documented fallback when neither the line nor the chart says: 002
 * and classes 6 and 7 are operating, 001 and every other class investment
 * (classes 1 and 2 are the balance sheet's capital and fixed assets, 3
 * stocks, 4 third parties, 0 the carried-over results and transfers).
 */
export function sectionByClass(nature: string): Section {
  if (nature === '002') return 'operating';
  if (nature === '001') return 'investment';
  const first = nature[0];
  return first === '6' || first === '7' ? 'operating' : 'investment';
}

/** The section of a line: its own CaracSup, else the chart, else the class rule. */
export function sectionOf(line: BudgetLine, chart: ChartOfAccounts | undefined): { section: Section; source: SectionSource } {
  if (line.declaredSection !== undefined) return { section: line.declaredSection, source: 'caracsup' };
  const fromChart = chart?.sections.get(line.nature);
  if (fromChart !== undefined) return { section: fromChart, source: 'chart' };
  return { section: sectionByClass(line.nature), source: 'class_rule' };
}

/**
 * Which bundled chart serves a document: the same declination, the same
 * year when bundled, else the latest earlier year, else the earliest later
 * one (charts change little from year to year; the report names the one
 * used). Names are `DECLINATION-YEAR`.
 */
export function chooseChart(available: readonly string[], identity: Pick<DocumentIdentity, 'declination' | 'year'>): { name: string; exact: boolean } | undefined {
  const years = available
    .map((n) => /^(.*)-(\d{4})$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === identity.declination)
    .map((m) => Number(m[2]))
    .sort((a, b) => a - b);
  if (years.length === 0) return undefined;
  const year = years.includes(identity.year) ? identity.year : ([...years].reverse().find((y) => y < identity.year) ?? years[0]!);
  return { name: `${identity.declination}-${year}`, exact: year === identity.year };
}

/** Reads the compact chart (`account,section,chapters`, section I or F) bundled in data/charts-of-accounts/. */
export function chartFromCsv(name: string, text: string): ChartOfAccounts {
  const sections = new Map<string, Section>();
  for (const row of text.split(/\r?\n/).slice(1)) {
    const [account, section] = row.split(',');
    if (!account || (section !== 'I' && section !== 'F')) continue;
    sections.set(account, section === 'I' ? 'investment' : 'operating');
  }
  return { name, sections };
}
