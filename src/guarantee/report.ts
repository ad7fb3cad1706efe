import { scheduleRowCells } from '../loan/render.js';
import { type Decimal, sum } from '../money/decimal.js';
import { formatFrench, formatMachine } from '../money/format.js';
import { cellText } from '../report/cells.js';
import { DIFFERS, HOLDS } from '../report/check.js';
import { type Cell, type Column, type ColumnKind, type Report, type Row, type Table, type Word, alert, column, report, word } from '../report/model.js';
import type { PrincipalCheck } from './principal.js';
import type { PrudentialRatios } from './ratios.js';
import type { ExposureYear, GuarantorStatement } from './statement.js';
import type { GuaranteedLine, GuaranteedRow } from './types.js';
import type { YearFigures } from './yearly.js';

/**
 * The guarantee reports (principal, schedule, statement, exposure, ratios)
 * as reports of src/report: one table each, with the titles of the CDC
 * tables and of the « état des emprunts garantis » in csv-fr.
 */

const GUARANTOR = column('guarantor', 'Garant', 'text');
const LINE_ID = column('line_id', 'N° de la Ligne du Prêt', 'identifier');
const BORROWER = column('borrower', 'Emprunteur', 'text');
const SHARE = column('share_pct', 'Quotité garantie (en %)', 'number');

// ——— principal ———

const PRINCIPAL_COLUMNS: Column[] = [
  GUARANTOR,
  LINE_ID,
  BORROWER,
  column('deliberation', 'Délibération', 'identifier'),
  column('line_principal', 'Montant de la Ligne du Prêt (en €)', 'amount'),
  SHARE,
  column('guaranteed_principal', 'Montant garanti en principal (en €)', 'amount', 'CGCT L2252-1'),
  column('stated_principal', 'Montant de la délibération (en €)', 'amount'),
  column('difference', 'Écart (en €)', 'amount'),
  column('status', 'Statut', 'text'),
  column('note', 'Observation', 'text'),
];

const NOT_STATED = word('not_stated', 'non indiqué');

/** Where the largest remainder moved a part off the half-up one, the note says so. */
function largestRemainderNote(c: PrincipalCheck): Word | undefined {
  if (c.halfUp.equals(c.computed)) return undefined;
  return word(
    `half-up ${formatMachine(c.halfUp)}; largest remainder so that the shares add up to the line`,
    `arrondi ${formatFrench(c.halfUp)} ; plus fort reste pour que les parts fassent le total de la ligne`,
  );
}

/**
 * The guaranteed principal of every guarantee beside the one its
 * deliberation states; every stated principal is a check (`guarantor/line_id`,
 * difference = stated − computed).
 */
export function principalReport(checks: readonly PrincipalCheck[]): Report {
  const rows = checks.map((c) => {
    const g = c.guaranteed.guarantee;
    return {
      guarantor: g.guarantor,
      line_id: g.lineId,
      borrower: g.borrower,
      deliberation: g.deliberation,
      line_principal: c.guaranteed.schedule.line.principal,
      share_pct: g.sharePct,
      guaranteed_principal: c.computed,
      stated_principal: c.check?.declared,
      difference: c.check?.difference,
      status: c.check === undefined ? NOT_STATED : c.check.holds ? HOLDS : DIFFERS,
      note: largestRemainderNote(c),
    };
  });
  const checked = checks.flatMap((c) => (c.check ? [c.check] : []));
  return report('principal', [{ key: 'principal', title: 'Montant garanti en principal', columns: PRINCIPAL_COLUMNS, rows }], { checks: checked });
}

// ——— guaranteed schedule ———

const SCHEDULE_COLUMNS: Column[] = [
  GUARANTOR,
  LINE_ID,
  SHARE,
  column('number', "N° d'échéance", 'count'),
  column('due_date', "Date d'échéance", 'date'),
  column('payment', 'Echéance garantie (en €)', 'amount'),
  column('amortisation', 'Amortissement garanti (en €)', 'amount'),
  column('interest', 'Intérêts garantis (en €)', 'amount'),
  column('deferred_interest', 'Intérêts à différer garantis (en €)', 'amount'),
  column('capital_after', 'Capital garanti dû après remboursement (en €)', 'amount'),
  column('deferred_stock', "Stock d'intérêts différés garanti (en €)", 'amount'),
];

/**
 * Every guarantor's part of every due date. csv-fr closes each guarantee
 * with a « Total » row of its payments, amortisation and interest, as the
 * CDC table does; csv and json give the due dates only.
 */
export function guaranteedScheduleReport(lines: readonly GuaranteedLine[]): Report {
  const rows: Row[] = [];
  const french: Row[] = [];
  for (const l of lines) {
    const head = { guarantor: l.guarantee.guarantor, line_id: l.guarantee.lineId, share_pct: l.guarantee.sharePct };
    const own = l.rows.map((r) => ({ ...head, ...scheduleRowCells(r) }));
    const total = (pick: (r: GuaranteedRow) => Decimal) => sum(l.rows.map(pick));
    rows.push(...own);
    french.push(...own, {
      ...head,
      number: 'Total',
      payment: total((r) => r.payment),
      amortisation: total((r) => r.amortisation),
      interest: total((r) => r.interest),
      deferred_interest: total((r) => r.deferredInterest),
    });
  }
  const table = { key: 'schedule', title: 'Tableau d’amortissement garanti', columns: SCHEDULE_COLUMNS };
  return report('schedule', [{ ...table, rows, french: { ...table, rows: french } }]);
}

// ——— yearly statement and exposure ———

const figureColumns = (prefix: string, frSuffix: string): Column[] => [
  column(`${prefix}capital_start`, `Capital restant dû au 1er janvier${frSuffix} (en €)`, 'amount'),
  column(`${prefix}annuity`, `Annuité${frSuffix} (en €)`, 'amount'),
  column(`${prefix}amortisation`, `Amortissement${frSuffix} (en €)`, 'amount'),
  column(`${prefix}interest`, `Intérêts${frSuffix} (en €)`, 'amount'),
  column(`${prefix}deferred_interest`, `Intérêts différés${frSuffix} (en €)`, 'amount'),
  column(`${prefix}capital_end`, `Capital restant dû au 31 décembre${frSuffix} (en €)`, 'amount'),
];

const figureCells = (prefix: string, f: YearFigures): Row => ({
  [`${prefix}capital_start`]: f.capitalStart,
  [`${prefix}annuity`]: f.annuity,
  [`${prefix}amortisation`]: f.amortisation,
  [`${prefix}interest`]: f.interest,
  [`${prefix}deferred_interest`]: f.deferredInterest,
  [`${prefix}capital_end`]: f.capitalEnd,
});

const STATEMENT_COLUMNS: Column[] = [
  GUARANTOR,
  LINE_ID,
  BORROWER,
  SHARE,
  column('exempt', 'Hors ratios (L2252-2)', 'text', 'CGCT L2252-2'),
  ...figureColumns('', ' de la ligne'),
  ...figureColumns('guaranteed_', ' garanti(e)'),
];

/** The « état des emprunts garantis » of the year (CGCT L2313-1): one row per guarantee, a « Total » row per guarantor. */
export function statementReport(statements: readonly GuarantorStatement[], year: number): Report {
  const rows: Row[] = [];
  for (const s of statements) {
    for (const e of s.entries) {
      const g = e.guaranteed.guarantee;
      rows.push({ guarantor: g.guarantor, line_id: g.lineId, borrower: g.borrower, share_pct: g.sharePct, exempt: g.exempt, ...figureCells('', e.line), ...figureCells('guaranteed_', e.part) });
    }
    rows.push({ guarantor: s.guarantor, line_id: 'Total', ...figureCells('', s.linesTotal), ...figureCells('guaranteed_', s.total) });
  }
  return report('statement', [{ key: 'statement', title: 'État des emprunts garantis', columns: STATEMENT_COLUMNS, rows }], { facts: { year } });
}

const EXPOSURE_COLUMNS: Column[] = [GUARANTOR, column('year', 'Exercice', 'count'), column('lines', 'Nombre de lignes', 'count'), ...figureColumns('guaranteed_', ' garanti(e)')];

/** Each guarantor's exposure year by year. */
export function exposureReport(years: readonly ExposureYear[]): Report {
  const rows = years.map((y) => ({ guarantor: y.guarantor, year: y.year, lines: y.lines, ...figureCells('guaranteed_', y.figures) }));
  return report('exposure', [{ key: 'exposure', title: 'Exposition du garant', columns: EXPOSURE_COLUMNS, rows }]);
}

// ——— prudential ratios ———

/*
 * Each ratio is one table whose columns are its terms: key, French term,
 * kind and article. The json gives those tables; csv and csv-fr give every
 * term of every row as one line `ratio, article, subject, term, value`.
 */

const AL2 = 'L2252-1 al. 2';
const AL3 = 'L2252-1 al. 3';
const AL4 = 'L2252-1 al. 4';
const ANNUITIES = (rule: string) => column('guaranteed_annuities_due', "annuités garanties à échoir dans l'exercice", 'amount', rule);
const NEW_LOAN = (rule: string) => column('new_loan_first_annuity', 'première annuité entière du nouveau concours garanti', 'amount', rule);
const LIMIT_PCT = (rule: string) => column('limit_pct', 'pourcentage limite', 'number', rule);
const VERDICT = (rule: string) => column('holds', 'verdict', 'flag', rule);

const CEILING_COLUMNS: Column[] = [
  column('guarantor', 'garant', 'text'),
  column('year', 'exercice', 'count', AL2),
  ANNUITIES(AL2),
  NEW_LOAN(AL2),
  column('own_debt_net_annuity', 'annuité nette de la dette propre', 'amount', 'D1511-30'),
  column('provisions', 'provisions spécifiques pour garanties', 'amount', 'D1511-33'),
  column('provisions_coefficient', 'coefficient des provisions', 'number', 'D1511-33'),
  column('total', 'total', 'amount', AL2),
  column('real_operating_revenue', 'recettes réelles de fonctionnement', 'amount', 'D1511-31'),
  LIMIT_PCT('D1511-32'),
  column('limit', 'plafond', 'amount', 'D1511-32'),
  column('margin', 'marge', 'amount', 'D1511-32'),
  VERDICT('D1511-32'),
];

const BORROWER_COLUMNS: Column[] = [
  column('borrower', 'emprunteur', 'text'),
  column('line_ids', 'lignes', 'identifier', AL3),
  ANNUITIES(AL3),
  NEW_LOAN(AL3),
  column('total', 'total', 'amount', AL3),
  column('may_be_guaranteed', "montant total susceptible d'être garanti", 'amount', AL3),
  LIMIT_PCT('D1511-34'),
  column('limit', 'plafond', 'amount', 'D1511-34'),
  VERDICT('D1511-34'),
];

const SHARE_COLUMNS: Column[] = [
  column('line_id', 'ligne', 'identifier'),
  column('borrower', 'emprunteur', 'text', AL4),
  column('local_authorities_share_pct', 'quotité cumulée des collectivités', 'number', AL4),
  column('development_operation', "opération d'aménagement", 'flag', 'D1511-35'),
  LIMIT_PCT('D1511-35'),
  VERDICT('D1511-35'),
];

const EXEMPT_COLUMNS: Column[] = [column('line_id', 'ligne', 'identifier'), column('borrower', 'emprunteur', 'text'), column('reason', 'motif', 'text', 'L2252-2')];

const RATIO_COLUMNS: Column[] = [
  column('ratio', 'Ratio', 'text'),
  column('article', 'Article', 'text'),
  column('subject', 'Objet', 'text'),
  column('term', 'Terme', 'text'),
  column('value', 'Valeur', 'text'),
];

const verdictWord = (holds: boolean): Word => (holds ? word('holds', 'respecté') : word('exceeded', 'dépassé'));
/** A cell written as its column's kind would write it, for the value column that mixes kinds. */
const asWord = (cell: Cell, kind: ColumnKind): Word => word(cellText(cell, kind, 'machine'), cellText(cell, kind, 'french'));

/** The csv name of a term whose json key says more (`holds` is the verdict). */
const TERM_KEY: Readonly<Record<string, string>> = { holds: 'verdict', line_ids: 'lines' };

/**
 * Every term of every row of a ratio's table, one line each: the columns
 * that come from an article (the subject and the other columns that only
 * say what the row is have none); `holds` is the verdict.
 */
function termRows(ratio: Word, table: Table, subject: string): Row[] {
  return table.rows.flatMap((row) =>
    table.columns
      .filter((c) => c.rule !== undefined)
      .map((c) => ({
        ratio,
        article: c.rule,
        subject: row[subject],
        term: word(TERM_KEY[c.key] ?? c.key, c.title),
        value: c.key === 'holds' ? verdictWord(row[c.key] === true) : asWord(row[c.key], c.kind),
      })),
  );
}

/** What the alert names when a ratio is exceeded. */
function exceeded(r: PrudentialRatios): string[] {
  return [
    ...(r.ceiling.holds ? [] : ['the ceiling (D1511-32)']),
    ...r.borrowers.filter((b) => !b.holds).map((b) => `the division of risks for ${b.borrower} (D1511-34)`),
    ...r.shares.filter((s) => !s.holds).map((s) => `the sharing of risks on line ${s.lineId} (D1511-35)`),
  ];
}

/**
 * The three prudential ratios of one guarantor for one year: a table per
 * ratio (and the exempt lines), every term with its article, the verdicts;
 * an alert when one is exceeded.
 */
export function ratiosReport(r: PrudentialRatios): Report {
  const c = r.ceiling;
  const { guarantor, year } = r.inputs;
  const table = (key: string, title: string, columns: Column[], rows: Row[]): Table => ({ key, title, columns, rows });
  const ceiling = table('ceiling', 'Plafonnement', CEILING_COLUMNS, [
    {
      guarantor, year, guaranteed_annuities_due: c.guaranteedAnnuities, new_loan_first_annuity: c.newLoanFirstAnnuity, own_debt_net_annuity: c.ownDebtNetAnnuity,
      provisions: c.provisions, provisions_coefficient: c.provisionsCoefficient, total: c.total, real_operating_revenue: c.realOperatingRevenue,
      limit_pct: c.limitPct, limit: c.limit, margin: c.margin, holds: c.holds,
    },
  ]);
  const borrowers = table('borrowers', 'Division des risques', BORROWER_COLUMNS, r.borrowers.map((b) => ({
    borrower: b.borrower, line_ids: b.lineIds.join(' '), guaranteed_annuities_due: b.annuities, new_loan_first_annuity: b.newLoanFirstAnnuity,
    total: b.total, may_be_guaranteed: b.mayBeGuaranteed, limit_pct: b.limitPct, limit: b.limit, holds: b.holds,
  })));
  const shares = table('shares', 'Partage des risques', SHARE_COLUMNS, r.shares.map((s) => ({
    line_id: s.lineId, borrower: s.borrower, local_authorities_share_pct: s.sharePct, development_operation: s.developmentOperation, limit_pct: s.limitPct, holds: s.holds,
  })));
  const exempt = table('exempt', 'Hors ratios', EXEMPT_COLUMNS, r.exempt.map((e) => ({ line_id: e.lineId, borrower: e.borrower, reason: e.reason })));
  const terms = table('ratios', 'Ratios prudentiels', RATIO_COLUMNS, [
    ...termRows(word('ceiling', 'plafonnement'), ceiling, 'guarantor'),
    ...termRows(word('borrower', 'division des risques'), borrowers, 'borrower'),
    ...termRows(word('share', 'partage des risques'), shares, 'line_id'),
    ...termRows(word('exempt', 'hors ratios'), exempt, 'line_id'),
    { ratio: word('all', 'ensemble'), article: 'L2252-1', subject: guarantor, term: word('verdict', 'verdict'), value: verdictWord(r.holds) },
  ]);
  const over = exceeded(r);
  return report('ratios', [terms, ceiling, borrowers, shares, exempt], {
    facts: { guarantor, year, ...(r.inputs.newLineId !== undefined ? { new_line_id: r.inputs.newLineId } : {}), holds: r.holds },
    notes: over.length > 0 ? [alert(`(CGCT L2252-1) the prudential ratios of ${guarantor} for ${year} are exceeded: ${over.join('; ')}`)] : [],
  });
}
