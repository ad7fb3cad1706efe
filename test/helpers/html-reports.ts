import { readFileSync } from 'node:fs';
import { amortizeFile, bundledEcbRates, bundledLegalInterestRates, bundledLivretA } from '../../node/index.js';
import { dec } from '../../src/money/decimal.js';
import { parseTable } from '../../src/csv/table.js';
import type { Report } from '../../src/report/model.js';
import type { Schedule } from '../../src/loan/types.js';
import { readBudgetResults } from '../../src/budget/input.js';
import { allocationReport } from '../../src/budget/figures.js';
import { checkDeclared, readDeclaredFigures } from '../../src/budget/declared.js';
import { allocationAsReport, checksReport, commitmentTotalsReport, declaredRarReport, selectCommitments } from '../../src/budget/report.js';
import { commitmentSchema, commitmentsFromRows } from '../../src/budget/commitments.js';
import { guaranteeSchema, readRatioInputs } from '../../src/guarantee/input.js';
import { guaranteesFromRows } from '../../src/guarantee/validate.js';
import { guaranteePortfolio } from '../../src/guarantee/schedule.js';
import { checkPrincipal } from '../../src/guarantee/principal.js';
import { exposure, selectGuarantor, yearlyStatement } from '../../src/guarantee/statement.js';
import { prudentialRatios, ratioInputsOf } from '../../src/guarantee/ratios.js';
import { exposureReport, guaranteedScheduleReport, principalReport, ratiosReport, statementReport } from '../../src/guarantee/report.js';
import { arrearsFromRows, arrearsInterest, invoiceSchema, invoicesInterest, unpaidSchema } from '../../src/late-interest/input.js';
import { arrearsAsReport, procurementAsReport } from '../../src/late-interest/report.js';
import { workingCalendar } from '../../src/calendar/working-day.js';
import { subsidiesAsReport, subsidyReport } from '../../src/subsidy/report.js';
import { grantFromRow, grantSchema } from '../../src/subsidy/input.js';
import type { Grant } from '../../src/subsidy/types.js';

/**
 * The reports each command builds, from the bundled examples, through the
 * same core functions the commands call: the html tests render real content.
 */

const read = (path: string) => readFileSync(path, 'utf8');

function ok<T extends { problems: readonly unknown[] }>(r: T, what: string): T {
  if (r.problems.length > 0) throw new Error(`${what}: ${JSON.stringify(r.problems)}`);
  return r;
}

export const CDC_180000 = 'data/examples/cdc-180000.csv';

/** `finloc amortize data/examples/cdc-180000.csv`: line 5676228 of contract 180000. */
export function cdcSchedules(): Schedule[] {
  return amortizeFile(CDC_180000);
}

export const SITIV_RESULTS = 'data/examples/sitiv-2023-results.csv';
export const SITIV_DECLARED = 'data/examples/sitiv-2023-declared.csv';

/** `finloc allocate data/examples/sitiv-2023-results.csv`. */
export function allocationExample(): Report {
  const { results } = readBudgetResults(read(SITIV_RESULTS));
  return allocationAsReport(allocationReport(results));
}

/** `finloc allocate … --check data/examples/sitiv-2023-declared.csv`, with one figure made wrong when asked. */
export function allocationChecksExample(declaredText = read(SITIV_DECLARED)): Report {
  const { results, figures } = readBudgetResults(read(SITIV_RESULTS));
  return checksReport(checkDeclared(allocationReport(results), figures, readDeclaredFigures(declaredText)));
}

export const RAR_EXAMPLE = 'data/examples/rar-example.csv';

function commitments() {
  const t = ok(parseTable(read(RAR_EXAMPLE), commitmentSchema), RAR_EXAMPLE);
  return ok(commitmentsFromRows(t.rows, t.columnOf), RAR_EXAMPLE).commitments;
}

/** `finloc rar data/examples/rar-example.csv`. */
export function rarExample(): Report {
  return commitmentTotalsReport(commitments());
}

/** `finloc rar … --declared AMOUNT --direction expenditure`. */
export function rarDeclaredExample(declared: string): Report {
  return declaredRarReport(dec(declared), selectCommitments(commitments(), { direction: 'expenditure' }));
}

export const PORTFOLIO_LOANS = 'data/examples/guarantees-portfolio-loans.csv';
export const PORTFOLIO_GUARANTEES = 'data/examples/guarantees-portfolio.csv';

/** The guaranteed lines of `finloc guarantee LOANS GUARANTEES` (the same engine as amortize). */
export function guaranteedLines(loans = PORTFOLIO_LOANS, guarantees = PORTFOLIO_GUARANTEES) {
  const schedules = new Map(amortizeFile(loans).map((s) => [s.line.lineId, s]));
  const t = ok(parseTable(read(guarantees), guaranteeSchema), guarantees);
  const g = ok(guaranteesFromRows(t.rows, (id) => schedules.has(id), t.columnOf), guarantees);
  return guaranteePortfolio(g.guarantees, (id) => schedules.get(id)!);
}

export const guaranteeReports = {
  principal: (): Report => principalReport(guaranteedLines().map(checkPrincipal)),
  schedule: (): Report => guaranteedScheduleReport(guaranteedLines('data/examples/cdc-180000.csv', 'data/examples/guarantees-180000.csv')),
  statement: (year = 2027): Report => statementReport(yearlyStatement(guaranteedLines(), year), year),
  exposure: (): Report => exposureReport(exposure(guaranteedLines())),
  /** `--report ratios --year 2027 --guarantor "Commune de Gannat" --new-line CLUB-2027 --ratio-inputs data/examples/guarantee-ratio-inputs.csv`. */
  ratios: (): Report => {
    const chosen = selectGuarantor(guaranteedLines(), 'Commune de Gannat', true);
    if ('problem' in chosen) throw new Error(chosen.problem);
    const inputs = ratioInputsOf(chosen.lines, 2027, readRatioInputs(read('data/examples/guarantee-ratio-inputs.csv')), 'CLUB-2027');
    if (!('inputs' in inputs)) throw new Error(JSON.stringify(inputs));
    return ratiosReport(prudentialRatios(chosen.lines, inputs.inputs));
  },
};

export const INVOICES = 'data/examples/invoices.csv';

/** `finloc late-interest procurement data/examples/invoices.csv` (national calendar, bundled rates). */
export function procurementExample(text = read(INVOICES)): Report {
  const ecb = bundledEcbRates();
  const t = ok(parseTable(text, invoiceSchema), INVOICES);
  const r = ok(invoicesInterest(t.rows, ecb, { calendar: workingCalendar('national'), legalRate: bundledLegalInterestRates() }), INVOICES);
  return procurementAsReport(r.results, ecb);
}

export const UNPAID = 'data/examples/unpaid.csv';

/** `finloc late-interest loan data/examples/unpaid.csv`. */
export function loanArrearsExample(): Report {
  const livretA = bundledLivretA();
  const t = ok(parseTable(read(UNPAID), unpaidSchema), UNPAID);
  const grouped = ok(arrearsFromRows({ source: UNPAID, rows: t.rows }), UNPAID);
  const r = ok(arrearsInterest(grouped.arrears, livretA), UNPAID);
  return arrearsAsReport(r.results, livretA);
}

export const GANNAT_GRANTS = 'data/examples/gannat-2026-subsidies.csv';

/** The grants of a GRANTS.csv text. */
export function grantsOf(text: string): Grant[] {
  const t = ok(parseTable(text, grantSchema), 'grants');
  return t.rows.map(({ line, row }) => {
    const g = grantFromRow(row, line, t.columnOf);
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    return g.grant;
  });
}

/** `finloc subsidies data/examples/gannat-2026-subsidies.csv --envelope operating=70000 --envelope exceptional=50000 --declared-total operating=68161` (deliberation 26/72). */
export function subsidiesExample(text = read(GANNAT_GRANTS)): Report {
  const r = subsidyReport(grantsOf(text), {
    envelopes: [{ name: 'operating', amount: dec(70000) }, { name: 'exceptional', amount: dec(50000) }],
    declared: [{ name: 'operating', amount: dec(68161) }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return subsidiesAsReport(r.report);
}

/** Every command's report, by a name for the files and the tests. */
export function everyReport(): Record<string, Report> {
  return {
    allocate: allocationExample(),
    'allocate-check': allocationChecksExample(),
    rar: rarExample(),
    'guarantee-principal': guaranteeReports.principal(),
    'guarantee-schedule': guaranteeReports.schedule(),
    'guarantee-statement': guaranteeReports.statement(),
    'guarantee-exposure': guaranteeReports.exposure(),
    'guarantee-ratios': guaranteeReports.ratios(),
    'late-interest-procurement': procurementExample(),
    'late-interest-loan': loanArrearsExample(),
    subsidies: subsidiesExample(),
  };
}

/** The charts each report's page draws, by report (test/report/html and test/browser hold the pages to them). */
export const REPORT_CHARTS: Record<string, string[]> = {
  allocate: ['results'],
  'allocate-check': [],
  rar: ['rar'],
  'guarantee-principal': ['principal'],
  'guarantee-schedule': ['guaranteed_capital'],
  'guarantee-statement': ['statement'],
  'guarantee-exposure': ['exposure_capital', 'exposure_annuity'],
  'guarantee-ratios': ['ratios'],
  'late-interest-procurement': ['semesters'],
  'late-interest-loan': ['semesters'],
  subsidies: ['envelopes', 'kinds'],
};
