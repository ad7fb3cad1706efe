import type { Command } from 'commander';
import { readFileSync, readdirSync } from 'node:fs';
import { InputError, withFile } from '../../src/errors.js';
import { readBudgetDocument } from '../../src/budget-document/read.js';
import { type ChartOfAccounts, chartFromCsv, chooseChart } from '../../src/budget-document/sections.js';
import { documentResultsReport, resultsCsv } from '../../src/budget-document/results.js';
import { checkPair, repriseChecks } from '../../src/budget-document/reprises.js';
import { LOANS_UNFILLED, debtReport, guaranteesCsv, loansCsv } from '../../src/budget-document/debt.js';
import { grantsCsv, subsidiesReport } from '../../src/budget-document/subsidies.js';
import { balanceReport } from '../../src/budget-document/balance.js';
import type { BudgetDocument } from '../../src/budget-document/types.js';
import { checksTable } from '../../src/report/check.js';
import { type Note, note } from '../../src/report/model.js';
import { type CliIo, bundledDataPath, readInputBytes } from '../io.js';
import { formatParser } from '../options.js';
import { UsageError, defineCommand, type Outcome } from '../skeleton.js';

const REPORTS = ['results', 'debt', 'subsidies', 'balance'] as const;
const EXPORTS = ['results', 'loans', 'guarantees', 'subsidies'] as const;
type CaReport = (typeof REPORTS)[number];
type CaExport = (typeof EXPORTS)[number];

export interface CaCliOptions {
  previous?: string;
  next?: string;
  report?: CaReport;
  export?: CaExport;
}

/** Reads a DocumentBudgetaire file as bytes (the reader decides the encoding from its declaration); problems name the file. */
export function loadDocument(io: CliIo, path: string): BudgetDocument {
  const bytes = readInputBytes(io, path);
  try {
    return readBudgetDocument(bytes);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(withFile(e.problems, path));
    throw e;
  }
}

/** The bundled chart of accounts for the document's nomenclature and year (data/charts-of-accounts/), and a note saying which. */
export function loadChart(doc: BudgetDocument): { chart?: ChartOfAccounts; notes: Note[] } {
  const folder = bundledDataPath('charts-of-accounts');
  const available = readdirSync(folder).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4));
  const chosen = chooseChart(available, doc.identity);
  if (chosen === undefined) {
    return { notes: [note(`no bundled chart of accounts for ${doc.identity.nomenclature}: a line without its own section takes the account class rule`)] };
  }
  const chart = chartFromCsv(chosen.name, readFileSync(`${folder}/${chosen.name}.csv`, 'utf8'));
  return { chart, notes: chosen.exact ? [] : [note(`chart of accounts ${chosen.name} used for ${doc.identity.year} (the nearest year bundled)`)] };
}

function identityNote(doc: BudgetDocument, file: string): Note {
  const i = doc.identity;
  return note(`${file}: ${i.kind} ${i.year} (NatDec ${i.natDec}), ${i.authority ? i.authority + ', ' : ''}${i.budget} (SIRET ${i.siret}), ${i.nomenclature}, ${doc.encoding}`);
}

/**
 * `finloc ca DOCUMENT.xml`: reads a DocumentBudgetaire (TotEM / Actes
 * budgétaires) and checks its figures: the results and their allocation,
 * the reprises across years, the debt and subsidies annexes, the balance
 * of a voted document; or exports the CSV files other commands read.
 */
export function registerCa(program: Command, io: CliIo, setStatus: (code: number) => void): void {
  defineCommand<CaCliOptions>(program, io, setStatus, {
    name: 'ca',
    description: 'audit a budget document from its XML (DocumentBudgetaire: CA, BP, BS, DM): results, reprises, debt, subsidies, balance',
    files: [{ name: 'DOCUMENT.xml', description: 'a DocumentBudgetaire file (ISO-8859-1 or UTF-8)' }],
    inputOptions: ['previous', 'next'],
    options: (c) =>
      c
        .option('--report <REPORT>', `${REPORTS.join(', ')} (default: results for a CA, balance for a BP, BS or DM)`, formatParser(REPORTS))
        .option('--export <WHAT>', `write a CSV file another command reads: ${EXPORTS.join(', ')}`, formatParser(EXPORTS))
        .option('--previous <DOC.xml>', "last year's CA of the same budget: check the reprises in this document")
        .option('--next <DOC.xml>', "the next year's BP, BS or CA of the same budget: check the reprises of this CA's results"),
    run: (ctx, [file], opts): Outcome => {
      const doc = loadDocument(ctx.io, file!);
      const { chart, notes: chartNotes } = loadChart(doc);
      const notes = [identityNote(doc, file!), ...chartNotes];
      const isAccount = doc.identity.kind === 'CA' || doc.identity.kind === 'CFU';
      if (opts.previous !== undefined && opts.next !== undefined) throw new UsageError('--previous and --next: give one of them');
      if (opts.export !== undefined) {
        if (opts.report !== undefined || opts.previous !== undefined || opts.next !== undefined) throw new UsageError('--export writes a file of its own: give it without --report, --previous or --next');
        if (ctx.format !== 'csv') throw new UsageError(`--export writes the CSV file another command reads: give it without --format ${ctx.format}`);
        switch (opts.export) {
          case 'results':
            if (!isAccount) throw new UsageError(`--export results: ${file} is a ${doc.identity.kind}; the results come from a CA (NatDec 09) or CFU`);
            return { text: resultsCsv(documentResultsReport(doc, chart).results), notes };
          case 'loans':
            return { text: loansCsv(doc, 'own'), notes: [...notes, note(`--export loans: columns ${LOANS_UNFILLED.join(', ')} are not in the debt annex and are left empty; rate_pct is the initial rate (Txinit)`)] };
          case 'guarantees':
            return { text: guaranteesCsv(doc), notes: [...notes, note('--export guarantees: the annex gives no share: 100 % is written for the authority; the loans themselves (LOANS.csv) need terms the annex does not give')] };
          case 'subsidies':
            return { text: grantsCsv(doc), notes };
        }
      }
      const kind = opts.report ?? (isAccount || opts.previous !== undefined ? 'results' : 'balance');
      if ((opts.previous !== undefined || opts.next !== undefined) && kind !== 'results') throw new UsageError('--previous and --next check the reprises of the results: give them with --report results');
      let report;
      switch (kind) {
        case 'results': {
          if (!isAccount && opts.previous === undefined) throw new UsageError(`--report results: ${file} is a ${doc.identity.kind}; the results come from a CA (NatDec 09) or CFU (check a BP's reprises with --previous CA.xml)`);
          if (opts.previous !== undefined) {
            const previous = loadDocument(ctx.io, opts.previous);
            checkPair(previous, doc, { earlier: opts.previous, later: file! });
            const earlier = documentResultsReport(previous, loadChart(previous).chart);
            const checks = repriseChecks(earlier.computed, doc, file!);
            const base = isAccount ? documentResultsReport(doc, chart).report : undefined;
            report = base
              ? { ...base, tables: [...base.tables, checksTable(checks, 'reprises', 'Reprise des résultats')], checks, notes: [...notes, ...base.notes] }
              : { name: 'ca_reprises', tables: [checksTable(checks, 'reprises', 'Reprise des résultats')], checks, notes };
            break;
          }
          const r = documentResultsReport(doc, chart);
          if (opts.next !== undefined) {
            const next = loadDocument(ctx.io, opts.next);
            checkPair(doc, next, { earlier: file!, later: opts.next });
            const checks = repriseChecks(r.computed, next, opts.next);
            report = { ...r.report, tables: [...r.report.tables, checksTable(checks, 'reprises', 'Reprise des résultats')], checks, notes: [...notes, ...r.report.notes] };
          } else report = { ...r.report, notes: [...notes, ...r.report.notes] };
          break;
        }
        case 'debt':
          report = debtReport(doc);
          break;
        case 'subsidies':
          report = subsidiesReport(doc);
          break;
        case 'balance':
          report = balanceReport(doc, chart);
          break;
      }
      return kind === 'results' ? { report } : { report: { ...report, notes: [...notes, ...report.notes] } };
    },
  });
}
