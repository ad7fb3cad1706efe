import type { Decimal } from '../money/decimal.js';
import { formatMachine } from '../money/format.js';
import type { IsoDate } from '../calendar/date.js';
import { csvDocument } from '../csv/write.js';
import { type OutputFormat, amountText, dateText, numberText, separatorOf } from '../output/format.js';
import type { PrincipalCheck } from './principal.js';
import type { GuarantorStatement, ExposureYear } from './statement.js';
import type { PrudentialRatios } from './ratios.js';
import type { GuaranteedLine } from './types.js';
import type { YearFigures } from './yearly.js';

/** A cell before formatting: what it is decides how each format writes it. */
type Cell =
  | { readonly kind: 'amount'; readonly value: Decimal }
  | { readonly kind: 'number'; readonly value: Decimal }
  | { readonly kind: 'date'; readonly value: IsoDate }
  | { readonly kind: 'text'; readonly value: string; readonly fr?: string }
  | { readonly kind: 'empty' };

const amount = (value: Decimal): Cell => ({ kind: 'amount', value });
const pct = (value: Decimal): Cell => ({ kind: 'number', value });
const text = (value: string | undefined, fr?: string): Cell => (value === undefined ? { kind: 'empty' } : { kind: 'text', value, ...(fr !== undefined ? { fr } : {}) });
const int = (value: number): Cell => ({ kind: 'text', value: String(value) });
const date = (value: IsoDate): Cell => ({ kind: 'date', value });
const empty: Cell = { kind: 'empty' };
const optionalAmount = (value: Decimal | undefined): Cell => (value === undefined ? empty : amount(value));

/** A column: machine key (csv header and json key) and French title (csv-fr). */
interface Column {
  readonly key: string;
  readonly fr: string;
}

interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

function cellText(c: Cell, format: OutputFormat): string {
  switch (c.kind) {
    case 'amount':
      return c.value.decimalPlaces() > 2 ? exactAmount(c.value, format) : amountText(c.value, format);
    case 'number':
      return numberText(c.value, format);
    case 'date':
      return dateText(c.value, format);
    case 'text':
      return format === 'csv-fr' && c.fr !== undefined ? c.fr : c.value;
    case 'empty':
      return '';
  }
}

function cellJson(c: Cell): string | null {
  switch (c.kind) {
    case 'amount':
      return exactAmount(c.value, 'json');
    case 'number':
      return c.value.toFixed();
    case 'empty':
      return null;
    default:
      return cellText(c, 'json');
  }
}

/**
 * An amount with its cents, or with every decimal it has: a limit such as
 * 50 % of 1 000 000,01 is 500 000,005 and is compared unrounded, so it is
 * shown unrounded (no rule rounds it).
 */
function exactAmount(value: Decimal, format: OutputFormat): string {
  const text = formatMachine(value, Math.max(2, value.decimalPlaces()));
  return format === 'csv-fr' ? text.replace('.', ',') : text;
}

/** A table in one of the three formats; json is `{ report, ...meta, rows: [{key: value}] }`. */
function renderTable(report: string, table: Table, format: OutputFormat, meta: Record<string, unknown> = {}): string {
  if (format === 'json') {
    const rows = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.key, cellJson(r[i]!)])));
    return JSON.stringify({ report, ...meta, rows }, null, 2) + '\n';
  }
  const header = table.columns.map((c) => (format === 'csv-fr' ? c.fr : c.key));
  return csvDocument(header, table.rows.map((r) => r.map((c) => cellText(c, format))), separatorOf(format));
}

// ——— principal ———

const PRINCIPAL_COLUMNS: Column[] = [
  { key: 'guarantor', fr: 'Garant' },
  { key: 'line_id', fr: 'N° de la Ligne du Prêt' },
  { key: 'borrower', fr: 'Emprunteur' },
  { key: 'deliberation', fr: 'Délibération' },
  { key: 'line_principal', fr: 'Montant de la Ligne du Prêt (en €)' },
  { key: 'share_pct', fr: 'Quotité garantie (en %)' },
  { key: 'guaranteed_principal', fr: 'Montant garanti en principal (en €)' },
  { key: 'stated_principal', fr: 'Montant de la délibération (en €)' },
  { key: 'difference', fr: 'Écart (en €)' },
  { key: 'status', fr: 'Statut' },
  { key: 'note', fr: 'Observation' },
];

export function renderPrincipal(checks: readonly PrincipalCheck[], format: OutputFormat): string {
  const rows = checks.map((c) => {
    const g = c.guaranteed.guarantee;
    const status = c.stated === undefined ? text('not_stated', 'non indiqué') : c.holds ? text('ok', 'conforme') : text('differs', 'écart');
    const note = c.halfUp.equals(c.computed)
      ? empty
      : text(
          `half-up ${formatMachine(c.halfUp)}; largest remainder so that the shares add up to the line`,
          `arrondi ${amountText(c.halfUp, 'csv-fr')} ; plus fort reste pour que les parts fassent le total de la ligne`,
        );
    return [
      text(g.guarantor), text(g.lineId), text(g.borrower), text(g.deliberation),
      amount(c.guaranteed.schedule.line.principal), pct(g.sharePct), amount(c.computed),
      optionalAmount(c.stated), optionalAmount(c.difference), status, note,
    ];
  });
  return renderTable('principal', { columns: PRINCIPAL_COLUMNS, rows }, format);
}

// ——— guaranteed schedule ———

const SCHEDULE_COLUMNS: Column[] = [
  { key: 'guarantor', fr: 'Garant' },
  { key: 'line_id', fr: 'N° de la Ligne du Prêt' },
  { key: 'share_pct', fr: 'Quotité garantie (en %)' },
  { key: 'number', fr: "N° d'échéance" },
  { key: 'due_date', fr: "Date d'échéance" },
  { key: 'payment', fr: 'Echéance garantie (en €)' },
  { key: 'amortisation', fr: 'Amortissement garanti (en €)' },
  { key: 'interest', fr: 'Intérêts garantis (en €)' },
  { key: 'deferred_interest', fr: 'Intérêts à différer garantis (en €)' },
  { key: 'capital_after', fr: 'Capital garanti dû après remboursement (en €)' },
  { key: 'deferred_stock', fr: "Stock d'intérêts différés garanti (en €)" },
];

/** Every guarantor's part of every due date; csv-fr closes each guarantor-line with a « Total » row, as the CDC table. */
export function renderSchedule(lines: readonly GuaranteedLine[], format: OutputFormat): string {
  const rows: Cell[][] = [];
  for (const l of lines) {
    const head = [text(l.guarantee.guarantor), text(l.guarantee.lineId), pct(l.guarantee.sharePct)];
    for (const r of l.rows) {
      rows.push([...head, int(r.number), date(r.dueDate), amount(r.payment), amount(r.amortisation), amount(r.interest), amount(r.deferredInterest), amount(r.capitalAfter), amount(r.deferredStock)]);
    }
    if (format === 'csv-fr') {
      const total = (pick: (r: (typeof l.rows)[number]) => Decimal) => amount(l.rows.reduce((s, r) => s.plus(pick(r)), l.capitalBefore.minus(l.capitalBefore)));
      rows.push([...head, text('Total'), empty, total((r) => r.payment), total((r) => r.amortisation), total((r) => r.interest), total((r) => r.deferredInterest), empty, empty]);
    }
  }
  return renderTable('schedule', { columns: SCHEDULE_COLUMNS, rows }, format);
}

// ——— yearly statement ———

const FIGURE_COLUMNS = (prefix: string, frSuffix: string): Column[] => [
  { key: `${prefix}capital_start`, fr: `Capital restant dû au 1er janvier${frSuffix} (en €)` },
  { key: `${prefix}annuity`, fr: `Annuité${frSuffix} (en €)` },
  { key: `${prefix}amortisation`, fr: `Amortissement${frSuffix} (en €)` },
  { key: `${prefix}interest`, fr: `Intérêts${frSuffix} (en €)` },
  { key: `${prefix}deferred_interest`, fr: `Intérêts différés${frSuffix} (en €)` },
  { key: `${prefix}capital_end`, fr: `Capital restant dû au 31 décembre${frSuffix} (en €)` },
];

const figureCells = (f: YearFigures): Cell[] => [amount(f.capitalStart), amount(f.annuity), amount(f.amortisation), amount(f.interest), amount(f.deferredInterest), amount(f.capitalEnd)];

const STATEMENT_COLUMNS: Column[] = [
  { key: 'guarantor', fr: 'Garant' },
  { key: 'line_id', fr: 'N° de la Ligne du Prêt' },
  { key: 'borrower', fr: 'Emprunteur' },
  { key: 'share_pct', fr: 'Quotité garantie (en %)' },
  { key: 'exempt', fr: 'Hors ratios (L2252-2)' },
  ...FIGURE_COLUMNS('', ' de la ligne'),
  ...FIGURE_COLUMNS('guaranteed_', ' garanti(e)'),
];

/** The « état des emprunts garantis » of the year: one row per guarantee, a « Total » row per guarantor. */
export function renderStatement(statements: readonly GuarantorStatement[], year: number, format: OutputFormat): string {
  const rows: Cell[][] = [];
  for (const s of statements) {
    for (const e of s.entries) {
      const g = e.guaranteed.guarantee;
      rows.push([text(g.guarantor), text(g.lineId), text(g.borrower), pct(g.sharePct), text(g.exempt), ...figureCells(e.line), ...figureCells(e.part)]);
    }
    rows.push([text(s.guarantor), text('Total'), empty, empty, empty, ...figureCells(s.linesTotal), ...figureCells(s.total)]);
  }
  return renderTable('statement', { columns: STATEMENT_COLUMNS, rows }, format, { year });
}

// ——— exposure ———

const EXPOSURE_COLUMNS: Column[] = [
  { key: 'guarantor', fr: 'Garant' },
  { key: 'year', fr: 'Exercice' },
  { key: 'lines', fr: 'Nombre de lignes' },
  ...FIGURE_COLUMNS('guaranteed_', ' garanti(e)'),
];

export function renderExposure(years: readonly ExposureYear[], format: OutputFormat): string {
  const rows = years.map((y) => [text(y.guarantor), int(y.year), int(y.lines), ...figureCells(y.figures)]);
  return renderTable('exposure', { columns: EXPOSURE_COLUMNS, rows }, format);
}

// ——— prudential ratios ———

const RATIO_COLUMNS: Column[] = [
  { key: 'ratio', fr: 'Ratio' },
  { key: 'article', fr: 'Article' },
  { key: 'subject', fr: 'Objet' },
  { key: 'term', fr: 'Terme' },
  { key: 'value', fr: 'Valeur' },
];

const verdict = (holds: boolean): Cell => (holds ? text('holds', 'respecté') : text('exceeded', 'dépassé'));

/**
 * Every term of every ratio, one per row (ratio, article, subject, term,
 * value), then the verdict; the exempt lines with their reason. json gives
 * the same as a structured object.
 */
export function renderRatios(r: PrudentialRatios, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(ratiosJson(r), null, 2) + '\n';
  const rows: Cell[][] = [];
  const add = (ratio: [string, string], article: string, subject: Cell, term: [string, string], value: Cell) =>
    rows.push([text(ratio[0], ratio[1]), text(article), subject, text(term[0], term[1]), value]);
  const c = r.ceiling;
  const A: [string, string] = ['ceiling', 'plafonnement'];
  const whole = text(r.inputs.guarantor);
  add(A, 'L2252-1 al. 2', whole, ['year', 'exercice'], int(r.inputs.year));
  add(A, 'L2252-1 al. 2', whole, ['guaranteed_annuities_due', 'annuités garanties à échoir dans l\'exercice'], amount(c.guaranteedAnnuities));
  add(A, 'L2252-1 al. 2', whole, ['new_loan_first_annuity', 'première annuité entière du nouveau concours garanti'], amount(c.newLoanFirstAnnuity));
  add(A, 'D1511-30', whole, ['own_debt_net_annuity', 'annuité nette de la dette propre'], amount(c.ownDebtNetAnnuity));
  add(A, 'D1511-33', whole, ['provisions', 'provisions spécifiques pour garanties'], amount(c.provisions));
  add(A, 'D1511-33', whole, ['provisions_coefficient', 'coefficient des provisions'], pct(c.provisionsCoefficient));
  add(A, 'L2252-1 al. 2', whole, ['total', 'total'], amount(c.total));
  add(A, 'D1511-31', whole, ['real_operating_revenue', 'recettes réelles de fonctionnement'], amount(c.realOperatingRevenue));
  add(A, 'D1511-32', whole, ['limit_pct', 'pourcentage limite'], pct(c.limitPct));
  add(A, 'D1511-32', whole, ['limit', 'plafond'], amount(c.limit));
  add(A, 'D1511-32', whole, ['margin', 'marge'], amount(c.margin));
  add(A, 'D1511-32', whole, ['verdict', 'verdict'], verdict(c.holds));
  const B: [string, string] = ['borrower', 'division des risques'];
  for (const b of r.borrowers) {
    const who = text(b.borrower);
    add(B, 'L2252-1 al. 3', who, ['lines', 'lignes'], text(b.lineIds.join(' ')));
    add(B, 'L2252-1 al. 3', who, ['guaranteed_annuities_due', 'annuités garanties à échoir dans l\'exercice'], amount(b.annuities));
    add(B, 'L2252-1 al. 3', who, ['new_loan_first_annuity', 'première annuité entière du nouveau concours garanti'], amount(b.newLoanFirstAnnuity));
    add(B, 'L2252-1 al. 3', who, ['total', 'total'], amount(b.total));
    add(B, 'L2252-1 al. 3', who, ['may_be_guaranteed', 'montant total susceptible d\'être garanti'], amount(b.mayBeGuaranteed));
    add(B, 'D1511-34', who, ['limit_pct', 'pourcentage limite'], pct(b.limitPct));
    add(B, 'D1511-34', who, ['limit', 'plafond'], amount(b.limit));
    add(B, 'D1511-34', who, ['verdict', 'verdict'], verdict(b.holds));
  }
  const C: [string, string] = ['share', 'partage des risques'];
  for (const s of r.shares) {
    const line = text(s.lineId);
    add(C, 'L2252-1 al. 4', line, ['borrower', 'emprunteur'], text(s.borrower));
    add(C, 'L2252-1 al. 4', line, ['local_authorities_share_pct', 'quotité cumulée des collectivités'], pct(s.sharePct));
    add(C, 'D1511-35', line, ['development_operation', 'opération d\'aménagement'], s.developmentOperation ? text('yes', 'oui') : text('no', 'non'));
    add(C, 'D1511-35', line, ['limit_pct', 'pourcentage limite'], pct(s.limitPct));
    add(C, 'D1511-35', line, ['verdict', 'verdict'], verdict(s.holds));
  }
  for (const e of r.exempt) add(['exempt', 'hors ratios'], 'L2252-2', text(e.lineId), ['reason', 'motif'], text(e.reason));
  add(['all', 'ensemble'], 'L2252-1', whole, ['verdict', 'verdict'], verdict(r.holds));
  return renderTable('ratios', { columns: RATIO_COLUMNS, rows }, format);
}

function ratiosJson(r: PrudentialRatios): unknown {
  const m = (v: Decimal) => exactAmount(v, 'json');
  const c = r.ceiling;
  return {
    report: 'ratios',
    guarantor: r.inputs.guarantor,
    year: r.inputs.year,
    new_line_id: r.inputs.newLineId ?? null,
    holds: r.holds,
    ceiling: {
      articles: 'L2252-1 al. 2, D1511-30 to D1511-33',
      guaranteed_annuities_due: m(c.guaranteedAnnuities),
      new_loan_first_annuity: m(c.newLoanFirstAnnuity),
      own_debt_net_annuity: m(c.ownDebtNetAnnuity),
      provisions: m(c.provisions),
      provisions_coefficient: c.provisionsCoefficient.toFixed(),
      total: m(c.total),
      real_operating_revenue: m(c.realOperatingRevenue),
      limit_pct: c.limitPct.toFixed(),
      limit: m(c.limit),
      margin: m(c.margin),
      holds: c.holds,
    },
    borrowers: r.borrowers.map((b) => ({
      articles: 'L2252-1 al. 3, D1511-34',
      borrower: b.borrower,
      line_ids: b.lineIds,
      guaranteed_annuities_due: m(b.annuities),
      new_loan_first_annuity: m(b.newLoanFirstAnnuity),
      total: m(b.total),
      may_be_guaranteed: m(b.mayBeGuaranteed),
      limit_pct: b.limitPct.toFixed(),
      limit: m(b.limit),
      holds: b.holds,
    })),
    shares: r.shares.map((s) => ({
      articles: 'L2252-1 al. 4, D1511-35',
      line_id: s.lineId,
      borrower: s.borrower,
      local_authorities_share_pct: s.sharePct.toFixed(),
      development_operation: s.developmentOperation,
      limit_pct: s.limitPct.toFixed(),
      holds: s.holds,
    })),
    exempt: r.exempt.map((e) => ({ article: 'L2252-2', line_id: e.lineId, borrower: e.borrower, reason: e.reason })),
  };
}
