import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';
import { type TestCell, writeWorkbook, workbookBytes } from '../helpers/workbook.js';
import { sliceFile } from '../../cli/amortize/read-slices.js';

/**
 * xlsx inputs (issue 15, item 2): every command reads a workbook's sheet as
 * it reads the CSV file a spreadsheet would export from it. Each test builds
 * its workbook with exceljs, with French titles, accents, a column the
 * command does not know and a « Total » row, and compares the output with
 * the run on the equivalent CSV file, written out by hand beside it.
 */

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const lines = (text: string) => text.trimEnd().split('\n');
/** The notes of a run's stderr (without the index projection note, the same for both). */
const notesOf = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('finloc: note: ') && !l.includes('known until'));

/** Runs the command on the CSV files and on the workbooks; the same status and the same stdout. */
async function sameAsCsv(dir: string, csvArgs: readonly string[], xlsxArgs: readonly string[]) {
  const csv = await runFinloc(csvArgs, { cwd: dir });
  const xlsx = await runFinloc(xlsxArgs, { cwd: dir });
  expect(csv.stderr).not.toMatch(/finloc: (?!note|warning|alert|does not hold|\d+ line|.*checked figure)/);
  expect(xlsx.code).toBe(csv.code);
  expect(xlsx.stdout).toBe(csv.stdout);
  expect(xlsx.stdout.length).toBeGreaterThan(0);
  return { csv, xlsx };
}

// ---------------------------------------------------------------------------
// amortize and guarantee: CDC contract n° 180000, line 5676228
// ---------------------------------------------------------------------------

const CDC_CSV = readFileSync('data/examples/cdc-180000.csv', 'utf8');

/** data/examples/cdc-180000.csv's line as a sheet: the CDC's French titles, typed cells (a number id, a date, numbers), a comment, a blank row, a Total. */
const LOANS_SHEET: (readonly TestCell[] | undefined)[] = [
  [
    'N° de la Ligne du Prêt', 'Montant de la Ligne du Prêt', 'Date de première échéance', 'Nombre d\'échéances', 'Périodicité', 'Indice',
    'Marge fixe sur index', 'Taux d\'intérêt', 'Modalité de révision', 'Taux de progressivité', 'Plancher progressivité', 'Profil',
    'Mode calcul intérêts', 'Base de calcul', 'Préfinancement', 'Commentaire',
  ],
  [5676228, { value: 569627, numFmt: '#,##0.00' }, day('2026-10-29'), 25, 'annuelle', 'livret_a', 0.6, 2.3, 'DL', 0, 0, 'payment_priority', 'equivalent', '30/360', 0, 'contrat n° 180000 — ÉVOLÉA'],
  undefined,
  ['Total', { formula: 'B2', result: 569627 }],
];

describe('amortize', () => {
  test('the CDC line as a workbook: the same table as data/examples/cdc-180000.csv, in every format', async () => {
    const dir = tempDir();
    writeFile(dir, 'cdc.csv', CDC_CSV);
    await writeWorkbook(dir, 'loans.xlsx', [{ name: 'Feuil1', rows: LOANS_SHEET }]);
    for (const format of ['csv', 'csv-fr', 'json']) {
      const { xlsx } = await sameAsCsv(dir, ['amortize', 'cdc.csv', '--format', format], ['amortize', 'loans.xlsx', '--format', format]);
      expect(xlsx.code).toBe(0);
    }
    const r = await runFinloc(['amortize', 'loans.xlsx'], { cwd: dir });
    // The golden figures of the contract (README): first payment 30 214,17, last 30 214,29; the line id as its digits.
    expect(lines(r.stdout)[1]).toBe('5676228,1,2026-10-29,2.30,30214.17,17112.75,13101.42,0.00,552514.25,0.00');
    expect(lines(r.stdout)[25]).toMatch(/^5676228,25,2050-10-29,.*,30214\.29,/);
    expect(notesOf(r.stderr)).toEqual([
      'finloc: note: loans.xlsx:Feuil1!1:1: unknown column(s) ignored: "Commentaire" (column 16)',
      'finloc: note: loans.xlsx:Feuil1!4:4: total line skipped: "Total"',
    ]);
  });

  test('worker threads: the same bytes', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'loans.xlsx', [{ name: 'Feuil1', rows: LOANS_SHEET }]);
    const one = await runFinloc(['amortize', 'loans.xlsx', '--threads', '0'], { cwd: dir });
    const two = await runFinloc(['amortize', 'loans.xlsx', '--threads', '2'], { cwd: dir });
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  test('--index-file and --disbursements as workbooks', async () => {
    const dir = tempDir();
    writeFile(dir, 'cdc.csv', CDC_CSV);
    // The bundled Livret A history, as a sheet of dates and numbers.
    const history = lines(readFileSync('data/livret-a.csv', 'utf8')).slice(1).map((l) => l.split(','));
    writeFile(dir, 'livret.csv', `Date d'effet;Taux;Source\n${history.map(([d, r]) => `${d};${r!.replace('.', ',')};JO`).join('\n')}\n`);
    await writeWorkbook(dir, 'livret.xlsx', [{ name: 'Livret A', rows: [['Date d\'effet', 'Taux', 'Source'], ...history.map(([d, r]) => [day(d!), Number(r), 'JO'])] }]);
    writeFile(dir, 'versements.csv', 'Ligne;Date de versement;Montant;Observation\n5676228;15/01/2026;300 000,00;premier\n5676228;2026-06-30;269 627,00;solde\nTotal;;569 627,00;\n');
    await writeWorkbook(dir, 'versements.xlsx', [
      { name: 'Feuil1', rows: [['Ligne', 'Date de versement', 'Montant', 'Observation'], [5676228, day('2026-01-15'), 300000, 'premier'], [5676228, day('2026-06-30'), 269627, 'solde'], ['Total', undefined, 569627]] },
    ]);
    await writeWorkbook(dir, 'loans.xlsx', [{ name: 'Feuil1', rows: LOANS_SHEET }]);
    const { xlsx } = await sameAsCsv(
      dir,
      ['amortize', 'cdc.csv', '--index-file', 'livret.csv', '--disbursements', 'versements.csv'],
      ['amortize', 'loans.xlsx', '--index-file', 'livret.xlsx', '--disbursements', 'versements.xlsx'],
    );
    expect(xlsx.code).toBe(0);
    expect(notesOf(xlsx.stderr)).toContain('finloc: note: versements.xlsx:Feuil1!4:4: total line skipped: "Total"');
  });

  test('a bad cell deep in the sheet is named by its cell; with --skip-invalid, in the --errors file too', async () => {
    const dir = tempDir();
    const bad = [...LOANS_SHEET.slice(0, 2), [5676229, 569627.005, day('2026-10-29'), 25, 'annuelle', 'livret_a', 0.6, 2.3, 'DL']];
    await writeWorkbook(dir, 'loans.xlsx', [{ name: 'Prêts 2026', rows: bad }]);
    const r = await runFinloc(['amortize', 'loans.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toContain(
      'finloc: loans.xlsx:\'Prêts 2026\'!B3 (principal): expected an amount in euros and cents (at most two decimals), got "569627.005"',
    );
    const skip = await runFinloc(['amortize', 'loans.xlsx', '--skip-invalid', '--errors', 'errors.txt'], { cwd: dir });
    expect(skip.code).toBe(0);
    expect(readFileSync(`${dir}/errors.txt`, 'utf8')).toContain("loans.xlsx:'Prêts 2026'!B3 (principal): ");
  });
});

describe('guarantee', () => {
  const GUARANTEES_CSV = [
    'N° de la Ligne du Prêt;Garant;Quotité;Emprunteur;Délibération;Montant garanti;Exonération;Observations',
    "5676228;Département de l'Allier;40;ÉVOLÉA;;;logement_social;à vérifier",
    '5676228;Commune de Gannat;60,00;ÉVOLÉA;26/71 du 05/06/2026;341 776,20;logement_social;',
    'Total;;100;;;341 776,20;;',
  ].join('\n');
  const GUARANTEES_SHEET: TestCell[][] = [
    ['N° de la Ligne du Prêt', 'Garant', 'Quotité', 'Emprunteur', 'Délibération', 'Montant garanti', 'Exonération', 'Observations'],
    [5676228, "Département de l'Allier", 40, 'ÉVOLÉA', null, null, 'logement_social', 'à vérifier'],
    [5676228, 'Commune de Gannat', { value: 60, numFmt: '0.00' }, 'ÉVOLÉA', '26/71 du 05/06/2026', 341776.2, 'logement_social'],
    ['Total', null, { formula: 'C2+C3', result: 100 }, null, null, 341776.2],
  ];

  test('loans and guarantees as workbooks: the same reports as the CSV files', async () => {
    const dir = tempDir();
    writeFile(dir, 'cdc.csv', CDC_CSV);
    writeFile(dir, 'guarantees.csv', GUARANTEES_CSV);
    await writeWorkbook(dir, 'loans.xlsx', [{ name: 'Feuil1', rows: LOANS_SHEET }]);
    await writeWorkbook(dir, 'guarantees.xlsx', [{ name: 'Garanties', rows: GUARANTEES_SHEET }]);
    for (const extra of [[], ['--report', 'schedule', '--format', 'csv-fr'], ['--year', '2027', '--format', 'json']]) {
      const { xlsx } = await sameAsCsv(dir, ['guarantee', 'cdc.csv', 'guarantees.csv', ...extra], ['guarantee', 'loans.xlsx', 'guarantees.xlsx', ...extra]);
      expect(xlsx.code).toBe(0);
    }
    const r = await runFinloc(['guarantee', 'loans.xlsx', 'guarantees.xlsx'], { cwd: dir });
    // 60 % of 569 627,00 = 341 776,20 (the deliberation's figure), 40 % = 227 850,80.
    expect(r.stdout).toContain('341776.20');
    expect(r.stdout).toContain('227850.80');
    expect(notesOf(r.stderr)).toContain('finloc: note: guarantees.xlsx:Garanties!4:4: total line skipped: "Total"');
  });
});

// ---------------------------------------------------------------------------
// allocate and rar
// ---------------------------------------------------------------------------

describe('allocate', () => {
  /** The SITIV 2023 figures (data/examples/sitiv-2023-results.csv) with French item names, a comment column and a total. */
  const ITEMS: [string, number][] = [
    ["Dépenses d'investissement", 603801.97],
    ["Recettes d'investissement", 1177830.44],
    ['001', -742627.83],
    ['Dépenses de fonctionnement', 617275.47],
    ['Recettes de fonctionnement', 1139176],
    ['002', 358573.56],
    ['RAR dépenses investissement', 429656.45],
    ['RAR recettes investissement', 0],
    ['RAR dépenses fonctionnement', 0],
    ['RAR recettes fonctionnement', 0],
  ];
  const fr = (n: number) => n.toFixed(2).replace('.', ',');

  test('RESULTS and --check DECLARED as workbooks: the same allocation and checks as the CSV files', async () => {
    const dir = tempDir();
    writeFile(dir, 'results.csv', `Poste;Montant;Commentaire\n${ITEMS.map(([i, a]) => `${i};${fr(a)};compte administratif`).join('\n')}\nTotal général;1 234,00;\n`);
    await writeWorkbook(dir, 'results.xlsx', [
      {
        name: 'CA 2023',
        rows: [
          ['Poste', 'Montant', 'Commentaire'],
          ...ITEMS.map(([i, a]): TestCell[] => [i, a, 'compte administratif']),
          // A figure computed by the sheet: 1 139 176,00 as a float sum (1139175.9999999998) would read as 1139176.
          ['Total général', { formula: 'SUM(B2:B11)', result: 1234 }],
        ],
      },
    ]);
    const declared = lines(readFileSync('data/examples/sitiv-2023-declared.csv', 'utf8')).slice(1).map((l) => l.split(';'));
    writeFile(dir, 'declared.csv', `item;amount\n${declared.map(([i, a]) => `${i};${a}`).join('\n')}\n`);
    const number = (a: string) => Number(a.replace(/\s/g, '').replace(',', '.'));
    await writeWorkbook(dir, 'declared.xlsx', [{ name: 'Feuil1', rows: [['item', 'amount'], ...declared.map(([i, a]): TestCell[] => [i!, number(a!)])] }]);
    const { xlsx } = await sameAsCsv(dir, ['allocate', 'results.csv', '--check', 'declared.csv'], ['allocate', 'results.xlsx', '--check', 'declared.xlsx']);
    expect(xlsx.code).toBe(0);
    await sameAsCsv(dir, ['allocate', 'results.csv', '--format', 'csv-fr'], ['allocate', 'results.xlsx', '--format', 'csv-fr']);
    // The deliberation's allocation (README): 598 255,81 to 1068.
    const plain = await runFinloc(['allocate', 'results.xlsx'], { cwd: dir });
    expect(plain.stdout).toContain('to_1068,598255.81');
    expect(notesOf(plain.stderr)).toContain('finloc: note: results.xlsx:\'CA 2023\'!12:12: total line skipped: "Total général"');
  });

  test('a float sum in a cell reads as the spreadsheet shows it', async () => {
    const dir = tempDir();
    const rows = ITEMS.map(([i, a]): TestCell[] => [i, a]);
    // Figures computed by the sheet: 1 177 829,34 + 1,10 is 1177830.4400000002 in binary, 429 655,35 + 1,10 is 429656.44999999995.
    expect(1177829.34 + 1.1).toBe(1177830.4400000002);
    expect(429655.35 + 1.1).toBe(429656.44999999995);
    rows[1] = ["Recettes d'investissement", { formula: 'B20+B21', result: 1177829.34 + 1.1 }];
    rows[6] = ['RAR dépenses investissement', { formula: 'B22+B23', result: 429655.35 + 1.1 }];
    await writeWorkbook(dir, 'results.xlsx', [{ name: 'Feuil1', rows: [['Poste', 'Montant'], ...rows] }]);
    writeFile(dir, 'results.csv', `Poste;Montant\n${ITEMS.map(([i, a]) => `${i};${fr(a)}`).join('\n')}\n`);
    await sameAsCsv(dir, ['allocate', 'results.csv'], ['allocate', 'results.xlsx']);
  });
});

describe('rar', () => {
  const RAR_CSV = readFileSync('data/examples/rar-example.csv', 'utf8');
  const csvRows = lines(RAR_CSV).slice(1).map((l) => l.split(';'));
  const amount = (a: string) => Number(a.replace(/\s/g, '').replace(',', '.'));

  test('COMMITMENTS as a workbook: the same totals and balance checks as data/examples/rar-example.csv', async () => {
    const dir = tempDir();
    writeFile(dir, 'rar.csv', `${lines(RAR_CSV)[0]};Observations\n${csvRows.map((r) => r.join(';') + ';à suivre').join('\n')}\nTotal;;;;;;522 000,00;5 000,00;104 500,00;412 500,00;\n`);
    await writeWorkbook(dir, 'rar.xlsx', [
      {
        name: 'Feuil1',
        rows: [
          [...lines(RAR_CSV)[0]!.split(';'), 'Observations'],
          ...csvRows.map(([ref, section, sens, compte, tiers, libelle, ...amounts]): TestCell[] => [ref!, section!, sens!, Number(compte), tiers!, libelle!, ...amounts.map(amount), 'à suivre']),
          ['Total', null, null, null, null, null, 522000, 5000, 104500, 412500],
        ],
      },
    ]);
    for (const extra of [[], ['--format', 'json'], ['--declared', '325 000,00', '--section', 'investment', '--direction', 'expenditure']]) {
      await sameAsCsv(dir, ['rar', 'rar.csv', ...extra], ['rar', 'rar.xlsx', ...extra]);
    }
  });

  test('0,1 + 0,2 computed by the sheet (stored 0.30000000000000004) is 0,30', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'rar.xlsx', [
      {
        name: 'Feuil1',
        rows: [
          ['référence', 'section', 'sens', 'engagé', 'dégagé', 'mandaté'],
          ['2023-0001', 'investissement', 'dépense', { formula: '0.1+0.2', result: 0.1 + 0.2 }, 0, 0],
        ],
      },
    ]);
    const r = await runFinloc(['rar', 'rar.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    // engaged 0,30 − released 0 − mandated 0 = 0,30 carried over.
    expect(lines(r.stdout)).toEqual(['section,direction,lines,engaged,released,mandated,carried_over', 'investment,expenditure,1,0.30,0.00,0.00,0.30']);
  });
});

// ---------------------------------------------------------------------------
// late-interest
// ---------------------------------------------------------------------------

describe('late-interest procurement', () => {
  const INVOICES_CSV = [
    'N° facture;Montant TTC;Date de réception;Date de paiement;Délai de paiement;Jours de suspension;Service',
    'F-2025-001;10 000,00;02/01/2025;03/03/2025;30;0;Voirie',
    'F-2025-002;4 800,00;10/05/2025;15/07/2025;30;0;Écoles',
    'F-2025-003;25 320,50;03/03/2025;02/04/2025;30;0;Voirie',
    'F-2025-004;1 234,56;15/09/2025;20/11/2025;30;10;Bâtiments',
    'F-2025-005;87 000,00;20/10/2025;19/12/2025;50;0;Réseaux',
    'Total;128 355,06;;;;;',
  ].join('\n');
  const INVOICES_SHEET: TestCell[][] = [
    ['N° facture', 'Montant TTC', 'Date de réception', 'Date de paiement', 'Délai de paiement', 'Jours de suspension', 'Service'],
    ['F-2025-001', 10000, day('2025-01-02'), day('2025-03-03'), 30, 0, 'Voirie'],
    ['F-2025-002', 4800, day('2025-05-10'), day('2025-07-15'), 30, 0, 'Écoles'],
    ['F-2025-003', 25320.5, day('2025-03-03'), day('2025-04-02'), 30, 0, 'Voirie'],
    // Dates typed as text, as a CSV import leaves them: read by the same date parser.
    ['F-2025-004', { value: 1234.56, numFmt: '# ##0,00 €' }, '15/09/2025', '20/11/2025', 30, 10, 'Bâtiments'],
    ['F-2025-005', 87000, day('2025-10-20'), day('2025-12-19'), 50, 0, 'Réseaux'],
    ['Total', { formula: 'SUM(B2:B6)', result: 128355.06 }],
  ];

  test('INVOICES, --rates-file and --holidays FILE as workbooks: the same interest as the CSV files', async () => {
    const dir = tempDir();
    writeFile(dir, 'invoices.csv', INVOICES_CSV);
    await writeWorkbook(dir, 'invoices.xlsx', [{ name: 'Factures', rows: INVOICES_SHEET }]);
    const ecb = lines(readFileSync('data/bce-mro.csv', 'utf8')).slice(1).map((l) => l.split(','));
    writeFile(dir, 'bce.csv', `Date d'effet,Taux\n${ecb.map((r) => r.join(',')).join('\n')}\n`);
    await writeWorkbook(dir, 'bce.xlsx', [{ name: 'BCE', rows: [["Date d'effet", 'Taux'], ...ecb.map(([d, r]): TestCell[] => [day(d!), Number(r)])] }]);
    writeFile(dir, 'closed.csv', 'Jour;Libellé\n02/05/2025;pont du 1er mai\n');
    await writeWorkbook(dir, 'closed.xlsx', [{ name: 'Feuil1', rows: [['Jour', 'Libellé'], [day('2025-05-02'), 'pont du 1er mai']] }]);
    for (const format of ['csv', 'json']) {
      const { xlsx } = await sameAsCsv(
        dir,
        ['late-interest', 'procurement', 'invoices.csv', '--rates-file', 'bce.csv', '--holidays', 'closed.csv', '--holidays', 'alsace-moselle', '--format', format],
        ['late-interest', 'procurement', 'invoices.xlsx', '--rates-file', 'bce.xlsx', '--holidays', 'closed.xlsx', '--holidays', 'alsace-moselle', '--format', format],
      );
      expect(xlsx.code).toBe(0);
    }
    const r = await runFinloc(['late-interest', 'procurement', 'invoices.xlsx'], { cwd: dir });
    expect(notesOf(r.stderr).filter((n) => n.includes('invoices.xlsx'))).toEqual([
      'finloc: note: invoices.xlsx:Factures!1:1: unknown column(s) ignored: "Service" (column 7)',
      'finloc: note: invoices.xlsx:Factures!7:7: total line skipped: "Total"',
    ]);
  });

  test('12,345 in an amount cell is refused as the CSV reader refuses "12.345", the cell named', async () => {
    const dir = tempDir();
    writeFile(dir, 'x.csv', 'invoice_id;amount_ttc;paid_date\nF-1;12.345;2026-01-15\n');
    await writeWorkbook(dir, 'x.xlsx', [{ name: 'Feuil1', rows: [['invoice_id', 'amount_ttc', 'paid_date'], ['F-1', 12.345, day('2026-01-15')]] }]);
    const csv = await runFinloc(['late-interest', 'procurement', 'x.csv'], { cwd: dir });
    const xlsx = await runFinloc(['late-interest', 'procurement', 'x.xlsx'], { cwd: dir });
    expect(csv.code).toBe(2);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stdout).toBe('');
    expect(lines(csv.stderr)).toEqual([expect.stringMatching(/^finloc: x\.csv:2:2 \(amount_ttc\): expected an amount in euros and cents \(at most two decimals.*got "12\.345"$/)]);
    expect(lines(xlsx.stderr)).toEqual([csv.stderr.trimEnd().replace('x.csv:2:2', 'x.xlsx:Feuil1!B2')]);
  });
});

describe('late-interest loan', () => {
  const UNPAID_CSV = [
    "N° de la ligne du prêt;Date d'exigibilité;Montant dû;Date de paiement;Montant payé;Commentaire",
    'EX-1;29/10/2024;30 214,17;15/03/2025;10 000,00;relance',
    'EX-1;29/10/2024;30 214,17;15/01/2026;;',
    '5676228;01/06/2025;12 500,00;30/04/2026;;échéancier',
    'Total;;72 928,34;;10 000,00;',
  ].join('\n');
  const UNPAID_SHEET: TestCell[][] = [
    ["N° de la ligne du prêt", "Date d'exigibilité", 'Montant dû', 'Date de paiement', 'Montant payé', 'Commentaire'],
    ['EX-1', day('2024-10-29'), 30214.17, day('2025-03-15'), 10000, 'relance'],
    ['EX-1', day('2024-10-29'), 30214.17, day('2026-01-15')],
    [5676228, day('2025-06-01'), 12500, day('2026-04-30'), null, 'échéancier'],
    ['Total', null, { formula: 'SUM(C2:C4)', result: 72928.34 }, null, 10000],
  ];

  test('UNPAID, --payments and --index-file as workbooks: the same interest as the CSV files', async () => {
    const dir = tempDir();
    writeFile(dir, 'unpaid.csv', UNPAID_CSV);
    await writeWorkbook(dir, 'unpaid.xlsx', [{ name: 'Impayés', rows: UNPAID_SHEET }]);
    await sameAsCsv(dir, ['late-interest', 'loan', 'unpaid.csv'], ['late-interest', 'loan', 'unpaid.xlsx']);

    // The same arrears with the payments apart, and the Livret A history as a workbook.
    writeFile(dir, 'arrears.csv', "Ligne;Date d'échéance;Montant dû\nEX-1;29/10/2024;30 214,17\n5676228;01/06/2025;12 500,00\n");
    await writeWorkbook(dir, 'arrears.xlsx', [{ name: 'Feuil1', rows: [['Ligne', "Date d'échéance", 'Montant dû'], ['EX-1', day('2024-10-29'), 30214.17], [5676228, day('2025-06-01'), 12500]] }]);
    writeFile(dir, 'payments.csv', "Ligne;Date d'échéance;Date de paiement;Montant payé\nEX-1;29/10/2024;15/03/2025;10 000,00\nEX-1;29/10/2024;15/01/2026;\n5676228;01/06/2025;30/04/2026;\n");
    await writeWorkbook(dir, 'payments.xlsx', [
      {
        name: 'Feuil1',
        rows: [
          ['Ligne', "Date d'échéance", 'Date de paiement', 'Montant payé'],
          ['EX-1', day('2024-10-29'), day('2025-03-15'), 10000],
          ['EX-1', day('2024-10-29'), day('2026-01-15')],
          [5676228, day('2025-06-01'), day('2026-04-30')],
        ],
      },
    ]);
    const history = lines(readFileSync('data/livret-a.csv', 'utf8')).slice(1).map((l) => l.split(','));
    writeFile(dir, 'livret.csv', `effective_date,rate_pct\n${history.map((r) => r.join(',')).join('\n')}\n`);
    await writeWorkbook(dir, 'livret.xlsx', [{ name: 'Feuil1', rows: [['effective_date', 'rate_pct'], ...history.map(([d, r]): TestCell[] => [day(d!), Number(r)])] }]);
    const { csv } = await sameAsCsv(
      dir,
      ['late-interest', 'loan', 'arrears.csv', '--payments', 'payments.csv', '--index-file', 'livret.csv', '--format', 'csv-fr'],
      ['late-interest', 'loan', 'arrears.xlsx', '--payments', 'payments.xlsx', '--index-file', 'livret.xlsx', '--format', 'csv-fr'],
    );
    // The same arrears, one file or two.
    const oneFile = await runFinloc(['late-interest', 'loan', 'unpaid.csv', '--format', 'csv-fr'], { cwd: dir });
    expect(csv.stdout).toBe(oneFile.stdout);
  });
});

// ---------------------------------------------------------------------------
// subsidies
// ---------------------------------------------------------------------------

describe('subsidies', () => {
  const GRANTS_CSV = [
    'Bénéficiaire;Enveloppe;Nature de la subvention;Montant accordé;SIRET;Date de la délibération;N° délibération;Commentaire',
    'Amicale des sapeurs-pompiers;operating;arbitrated;1 000,00;78282932000079;05/06/2026;26/72;',
    "Association sportive d'Élite;operating;youth;2 420,00;31415926535892;05/06/2026;26/72;à vérifier",
    'Comité des fêtes;exceptional;event;1 500,50;;05/06/2026;26/72;',
    'Sous-total;;;4 920,50;;;;',
    'Total;;;4 920,50;;;;',
  ].join('\n');
  const GRANTS_SHEET: TestCell[][] = [
    ['Bénéficiaire', 'Enveloppe', 'Nature de la subvention', 'Montant accordé', 'SIRET', 'Date de la délibération', 'N° délibération', 'Commentaire'],
    // SIRETs stored as numbers, as Excel keeps a 14-digit number typed in a cell.
    ['Amicale des sapeurs-pompiers', 'operating', 'arbitrated', 1000, 78282932000079, day('2026-06-05'), '26/72'],
    ["Association sportive d'Élite", 'operating', 'youth', 2420, { value: 31415926535892, numFmt: '0' }, day('2026-06-05'), '26/72', 'à vérifier'],
    ['Comité des fêtes', 'exceptional', 'event', 1500.5, null, day('2026-06-05'), '26/72'],
    ['Sous-total', null, null, { formula: 'SUM(D2:D4)', result: 4920.5 }],
    ['Total', null, null, { formula: 'D5', result: 4920.5 }],
  ];

  test('GRANTS as a workbook: the same report and SCDL export as the CSV file; SIRETs as their digits', async () => {
    const dir = tempDir();
    writeFile(dir, 'grants.csv', GRANTS_CSV);
    await writeWorkbook(dir, 'grants.xlsx', [{ name: 'Subventions 2026', rows: GRANTS_SHEET }]);
    const envelopes = ['--envelope', 'operating=5000', '--envelope', 'exceptional=2000'];
    await sameAsCsv(dir, ['subsidies', 'grants.csv', ...envelopes], ['subsidies', 'grants.xlsx', ...envelopes]);
    const scdl = ['--format', 'scdl', '--attributor-name', 'Commune de Gannat', '--attributor-siret', '21030123400014'];
    const { xlsx } = await sameAsCsv(dir, ['subsidies', 'grants.csv', ...scdl], ['subsidies', 'grants.xlsx', ...scdl]);
    expect(xlsx.stdout).toContain('78282932000079');
    expect(xlsx.stdout).toContain('31415926535892');
    expect(xlsx.stdout).not.toMatch(/e\+13|78282932000079\.0/);
    const r = await runFinloc(['subsidies', 'grants.xlsx'], { cwd: dir });
    expect(notesOf(r.stderr)).toEqual([
      "finloc: note: grants.xlsx:'Subventions 2026'!1:1: unknown column(s) ignored: \"Commentaire\" (column 8)",
      "finloc: note: grants.xlsx:'Subventions 2026'!5:5: total line skipped: \"Sous-total\"",
      "finloc: note: grants.xlsx:'Subventions 2026'!6:6: total line skipped: \"Total\"",
    ]);
  });
});

// ---------------------------------------------------------------------------
// Sheets, identifiers, and files that are not readable workbooks
// ---------------------------------------------------------------------------

describe('sheets and workbooks', () => {
  const INVOICE_HEADER = ['invoice_id', 'amount_ttc', 'received_date', 'paid_date'];

  test('the first sheet by default; --sheet NAME another one (its case aside); an unknown sheet refused in one line naming the sheets', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'book.xlsx', [
      { name: 'Feuil1', rows: [INVOICE_HEADER, ['F-1', 1000, day('2025-01-02'), day('2025-03-03')]] },
      { name: 'Factures 2025', rows: [INVOICE_HEADER, ['F-2', 2000, day('2025-01-02'), day('2025-03-03')]] },
    ]);
    const first = await runFinloc(['late-interest', 'procurement', 'book.xlsx'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(lines(first.stdout)[1]).toMatch(/^F-1,/);
    const second = await runFinloc(['--sheet', 'Factures 2025', 'late-interest', 'procurement', 'book.xlsx'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(lines(second.stdout)[1]).toMatch(/^F-2,/);
    expect(lines(second.stdout).length).toBe(2);
    const afterCommand = await runFinloc(['late-interest', 'procurement', 'book.xlsx', '--sheet', 'factures 2025'], { cwd: dir });
    expect(afterCommand.stdout).toBe(second.stdout);
    const unknown = await runFinloc(['late-interest', 'procurement', 'book.xlsx', '--sheet', 'Feuil3'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('finloc: book.xlsx: no sheet "Feuil3" (--sheet); the workbook\'s sheets are "Feuil1", "Factures 2025"\n');
    const noWorkbook = await runFinloc(['amortize', 'data/examples/cdc-180000.csv', '--sheet', 'Feuil1']);
    expect(noWorkbook.code).toBe(2);
    expect(noWorkbook.stderr).toBe('finloc: --sheet Feuil1: no .xlsx input to read that sheet from\n');
  });

  test('a hidden first sheet is passed over; the first visible one is read', async () => {
    const dir = tempDir();
    const bytes = await workbookBytes([
      { name: 'Paramètres', rows: [['x']] },
      { name: 'Feuil2', rows: [INVOICE_HEADER, ['F-9', 900, day('2025-01-02'), day('2025-03-03')]] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    wb.getWorksheet('Paramètres')!.state = 'hidden';
    writeFile(dir, 'book.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await runFinloc(['late-interest', 'procurement', 'book.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[1]).toMatch(/^F-9,/);
  });

  test('an identifier stored as a number comes back as its digits: 5676228, never 5676228.0 or 5.676228e+6', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'loans.xlsx', [{ name: 'Feuil1', rows: LOANS_SHEET }]);
    const r = await runFinloc(['amortize', 'loans.xlsx', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).lines[0].line_id).toBe('5676228');
  });

  test('a date cell and the same date typed as text read alike', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'a.xlsx', [{ name: 'Feuil1', rows: [INVOICE_HEADER, ['F-1', 1000, day('2026-10-29'), day('2026-12-31')]] }]);
    await writeWorkbook(dir, 'b.xlsx', [{ name: 'Feuil1', rows: [INVOICE_HEADER, ['F-1', '1 000,00', '29/10/2026', '2026-12-31']] }]);
    const a = await runFinloc(['late-interest', 'procurement', 'a.xlsx'], { cwd: dir });
    const b = await runFinloc(['late-interest', 'procurement', 'b.xlsx'], { cwd: dir });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(lines(a.stdout)[1]).toContain('2026-10-29');
    // A date cell with a time of day is not cut to its day: refused, as the text "2026-12-31 14:30" would be.
    await writeWorkbook(dir, 'c.xlsx', [{ name: 'Feuil1', rows: [INVOICE_HEADER, ['F-1', 1000, day('2026-10-29'), new Date(Date.UTC(2026, 11, 31, 14, 30))]] }]);
    const c = await runFinloc(['late-interest', 'procurement', 'c.xlsx'], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.stderr).toBe('finloc: c.xlsx:Feuil1!D2 (paid_date): expected a date such as 2026-10-29 or 29/10/2026, got "2026-12-31 14:30"\n');
  });

  test("amortize's sliced reader reads a workbook it is handed directly (its first sheet), in slices of whole rows", async () => {
    const dir = tempDir();
    const rows = [LOANS_SHEET[0]!, ...Array.from({ length: 40 }, (_, k) => [5676228 + k, 569627, day('2026-10-29'), 25])];
    const path = await writeWorkbook(dir, 'loans.xlsx', [{ name: 'Feuil1', rows }]);
    const sliced = await sliceFile(path, 'loans.xlsx', 256);
    expect(sliced.header?.fields.slice(0, 2)).toEqual(['N° de la Ligne du Prêt', 'Montant de la Ligne du Prêt']);
    expect(sliced.separator).toBe(',');
    const texts: string[] = [];
    for await (const slice of sliced.slices) {
      const text = new TextDecoder().decode(slice.bytes);
      // Each slice starts on the row its first line is: row 2 holds line 5676228.
      expect(text.split('\n')[0]).toBe(`"${5676228 + slice.firstLine - 2}","569627","2026-10-29","25"`);
      texts.push(text);
    }
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join('').split('\n').filter((l) => l !== '').length).toBe(40);
  });

  test('a cell holding line breaks: the rows after it are still named by their row', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'x.xlsx', [
      { name: 'Feuil1', rows: [[...INVOICE_HEADER, 'Commentaire'], ['F-1', 1000, day('2025-01-02'), day('2025-03-03'), 'ligne 1\nligne 2\nligne 3'], ['F-2', 'mille', day('2025-01-02'), day('2025-03-03')]] },
    ]);
    const r = await runFinloc(['late-interest', 'procurement', 'x.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'finloc: note: x.xlsx:Feuil1!1:1: unknown column(s) ignored: "Commentaire" (column 5)',
      'finloc: x.xlsx:Feuil1!B3 (amount_ttc): expected an amount such as 569 627,00 or 569627.00, got "mille"',
    ]);
  });

  test('--strict-columns and a missing column: located by cell and row of the header', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'x.xlsx', [{ name: 'Feuil1', rows: [[null, 'invoice_id', 'montant', 'Service'], [null, 'F-1', 10, 'Voirie']] }]);
    const strict = await runFinloc(['--strict-columns', 'late-interest', 'procurement', 'x.xlsx'], { cwd: dir });
    expect(strict.code).toBe(2);
    expect(lines(strict.stderr)).toEqual([
      expect.stringMatching(/^finloc: x\.xlsx:Feuil1!D1 \(Service\): unknown column "Service"; expected one of invoice_id, /),
      'finloc: x.xlsx:Feuil1!1:1: missing column "paid_date"',
    ]);
  });

  test('a formula without its computed value is refused at its cell', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'x.xlsx', [{ name: 'Feuil1', rows: [INVOICE_HEADER, ['F-1', { formula: '500*2' }, day('2025-01-02'), day('2025-03-03')]] }]);
    const r = await runFinloc(['late-interest', 'procurement', 'x.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^finloc: x\.xlsx:Feuil1!B2: a formula without a computed value \(=500\*2\): /)]);
  });

  test('a workbook named otherwise is known by its first bytes (a zip archive); .XLSX in capitals too', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'loans.dat', [{ name: 'Feuil1', rows: LOANS_SHEET }]);
    await writeWorkbook(dir, 'LOANS.XLSX', [{ name: 'Feuil1', rows: LOANS_SHEET }]);
    const reference = await runFinloc(['amortize', 'data/examples/cdc-180000.csv']);
    for (const name of ['loans.dat', 'LOANS.XLSX']) {
      const r = await runFinloc(['amortize', name], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(reference.stdout);
    }
  });

  test('a corrupt workbook, a password-protected one, a CSV named .xlsx: one line each, status 2, nothing written', async () => {
    const dir = tempDir();
    const good = await workbookBytes([{ name: 'Feuil1', rows: LOANS_SHEET }]);
    writeFile(dir, 'cut.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    // What Excel writes for a workbook with a password: an OLE compound file (« EncryptedPackage »), not a zip.
    writeFile(dir, 'secret.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    writeFile(dir, 'text.xlsx', CDC_CSV);
    const expected: Record<string, RegExp> = {
      'cut.xlsx': /^finloc: cut\.xlsx: not a readable \.xlsx workbook \(.+\); save it again from the spreadsheet as \.xlsx, or export the sheet as CSV$/,
      'secret.xlsx': /^finloc: secret\.xlsx: a password-protected workbook, or an Excel 97-2003 \.xls one: finloc reads \.xlsx workbooks without a password, and CSV; /,
      'text.xlsx': /^finloc: text\.xlsx: not a readable \.xlsx workbook \(it is not a zip archive, as every \.xlsx file is\)/,
    };
    for (const [name, message] of Object.entries(expected)) {
      for (const args of [['amortize', name], ['guarantee', name, 'data/examples/guarantees-180000.csv'], ['amortize', 'data/examples/cdc-180000.csv', '--index-file', name]]) {
        const r = await runFinloc(args.map((a) => (a.startsWith('data/') ? `${process.cwd()}/${a}` : a)), { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(lines(r.stderr)).toEqual([expect.stringMatching(message)]);
      }
    }
    // An .xls (the same compound file) given as a CSV: the same line rather than « a NUL byte ».
    writeFile(dir, 'old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const xls = await runFinloc(['rar', 'old.xls'], { cwd: dir });
    expect(xls.code).toBe(2);
    expect(xls.stderr).toMatch(/^finloc: old\.xls: a password-protected workbook, or an Excel 97-2003 \.xls one/);
  });

  test('-o may not name a workbook the run reads', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'loans.xlsx', [{ name: 'Feuil1', rows: LOANS_SHEET }]);
    const r = await runFinloc(['amortize', 'loans.xlsx', '-o', 'loans.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    const bytes = readFileSync(`${dir}/loans.xlsx`);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
  });
});
