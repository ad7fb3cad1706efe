import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDecimal } from '../../src/money/parse.js';
import { parseDate } from '../../src/calendar/date.js';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';
import { CDC_180000_TABLE } from '../loan/fixtures/cdc-180000-table.js';

const LOANS = 'data/examples/cdc-180000.csv';
const GUARANTEES = 'data/examples/guarantees-180000.csv';
const PORTFOLIO_LOANS = 'data/examples/guarantees-portfolio-loans.csv';
const PORTFOLIO = 'data/examples/guarantees-portfolio.csv';
const RATIO_INPUTS = 'data/examples/guarantee-ratio-inputs.csv';
const LOANS_HEADER = 'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision';
const CDC_LINE = '5676228,569627.00,2026-10-29,25,annual,livret_a,0.6,2.3,DL';
const golden = CDC_180000_TABLE.split('\n').map((l) => {
  const [n, date, , ...amounts] = l.split('\t');
  return { number: n!, dueDate: parseDate(date!)!, amounts: amounts.map((a) => parseDecimal(a)!) };
});

describe('finloc guarantee on CDC 180000 and its article 16', () => {
  test('the example holds the two guarantors of article 16', async () => {
    const text = readFileSync(GUARANTEES, 'utf8');
    expect(text).toContain('5676228,DEPARTEMENT DE L ALLIER,40,');
    expect(text).toContain('5676228,COMMUNE DE GANNAT,60,EVOLEA,26/71 du 05/06/2026,341776.20,logement_social');
  });

  test('principal (default report): 341 776,20 € for Gannat, as deliberation 26/71 states, and 227 850,80 € for the Allier', async () => {
    const { code, stdout } = await runFinloc(['guarantee', LOANS, GUARANTEES]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual([
      'guarantor,line_id,borrower,deliberation,line_principal,share_pct,guaranteed_principal,stated_principal,difference,status,note',
      'DEPARTEMENT DE L ALLIER,5676228,EVOLEA,,569627.00,40,227850.80,,,not_stated,',
      'COMMUNE DE GANNAT,5676228,EVOLEA,26/71 du 05/06/2026,569627.00,60,341776.20,341776.20,0.00,ok,',
    ]);
  });

  test('principal in csv-fr', async () => {
    const { code, stdout } = await runFinloc(['guarantee', LOANS, GUARANTEES, '--format', 'csv-fr']);
    expect(code).toBe(0);
    expect(stdout).toContain('COMMUNE DE GANNAT;5676228;EVOLEA;26/71 du 05/06/2026;569627,00;60;341776,20;341776,20;0,00;conforme;');
  });

  test('a stated principal that differs: status 1, declared, recomputed and difference printed', async () => {
    const dir = tempDir();
    const g = writeFile(dir, 'g.csv', 'line_id;garant;quotité;somme en principal\n5676228;Commune de Gannat;60 %;341 776,02 €\n');
    const { code, stdout, stderr } = await runFinloc(['guarantee', LOANS, g]);
    expect(code).toBe(1);
    expect(stdout).toContain('Commune de Gannat,5676228,,,569627.00,60,341776.20,341776.02,-0.18,differs,');
    // difference = declared − recomputed = stated − computed: 341 776,02 − 341 776,20 = −0,18.
    expect(stderr).toBe(
      'finloc: does not hold: Commune de Gannat/5676228: declared 341 776,02, recomputed 341 776,20, difference -0,18 (declared − recomputed)\n' +
        `finloc: ${g}: 1 of 1 checked figure(s) do not hold: Commune de Gannat/5676228\n`,
    );
    const json = await runFinloc(['guarantee', LOANS, g, '--format', 'json']);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.all_hold).toBe(false);
    expect(doc.checks).toEqual([{ item: 'Commune de Gannat/5676228', declared: '341776.02', recomputed: '341776.20', difference: '-0.18', verdict: 'differs', note: null }]);
    expect(doc.tables.principal[0]).toMatchObject({ guaranteed_principal: '341776.20', stated_principal: '341776.02', difference: '-0.18', status: 'differs' });
    expect(json.stderr).toBe(stderr);
  });

  test('a stated principal rounded half-up where the largest remainder moved a cent: the check says so', async () => {
    const dir = tempDir();
    const loans = writeFile(dir, 'loans.csv', `${LOANS_HEADER}\n5676228,10000.01,2026-10-29,25,annual,livret_a,0.6,2.3,DL\n`);
    const g = writeFile(dir, 'g.csv', 'line_id,guarantor,share_pct,stated_principal\n5676228,A,50,5000.01\n5676228,B,50,5000.01\n');
    const { code, stdout, stderr } = await runFinloc(['guarantee', loans, g]);
    // 50 % × 10 000,01 = 5 000,005: half-up 5 000,01 twice is 10 000,02, a cent too many; B's part moves back to 5 000,00.
    // B: declared 5 000,01 − recomputed 5 000,00 = +0,01.
    expect(code).toBe(1);
    expect(stdout).toContain('B,5676228,,,10000.01,50,5000.00,5000.01,0.01,differs,half-up 5000.01; largest remainder so that the shares add up to the line\n');
    expect(stderr.split('\n')[0]).toBe(
      'finloc: does not hold: B/5676228: declared 5 000,01, recomputed 5 000,00, difference 0,01 (declared − recomputed); ' +
        'the principal × the share rounded half-up; the largest remainder moved a cent so that the shares add up to the line',
    );
  });

  test('schedule: the rows of both guarantors add up to the contract\'s table, row by row', async () => {
    const { code, stdout } = await runFinloc(['guarantee', LOANS, GUARANTEES, '--report', 'schedule']);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toBe('guarantor,line_id,share_pct,number,due_date,payment,amortisation,interest,deferred_interest,capital_after,deferred_stock');
    expect(rows).toHaveLength(50);
    const allier = rows.slice(0, 25).map((r) => r.split(','));
    const gannat = rows.slice(25).map((r) => r.split(','));
    golden.forEach((g, i) => {
      expect([allier[i]![3], allier[i]![4], gannat[i]![3], gannat[i]![4]]).toEqual([g.number, g.dueDate, g.number, g.dueDate]);
      const sums = [5, 6, 7, 8, 9, 10].map((c) => parseDecimal(allier[i]![c]!)!.plus(parseDecimal(gannat[i]![c]!)!).toFixed(2));
      expect(sums).toEqual(g.amounts.map((a) => a.toFixed(2)));
    });
  });

  test('schedule in csv-fr closes each guarantor with a Total row: Gannat amortises 341 776,20', async () => {
    const { stdout } = await runFinloc(['guarantee', LOANS, GUARANTEES, '--report', 'schedule', '--format', 'csv-fr', '--guarantor', 'commune de gannat']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toContain("Garant;N° de la Ligne du Prêt;Quotité garantie (en %);N° d'échéance;Date d'échéance;Echéance garantie (en €)");
    expect(lines[1]).toBe('COMMUNE DE GANNAT;5676228;60;1;29/10/2026;18128,50;10267,65;7860,85;0,00;331508,55;0,00');
    // Payments split row by row: 24 × 18 128,50 (60 % × 30 214,17 = 18 128,502) + 18 128,57 (60 % × 30 214,29 = 18 128,574) = 453 212,57;
    // amortisation 341 776,20; interest 453 212,57 − 341 776,20 = 111 436,37.
    expect(lines[26]).toBe('COMMUNE DE GANNAT;5676228;60;Total;;453212,57;341776,20;111436,37;0,00;;');
  });

  test('json: amounts as strings', async () => {
    const { code, stdout } = await runFinloc(['guarantee', LOANS, GUARANTEES, '--report', 'schedule', '--format', 'json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.report).toBe('schedule');
    expect(doc.tables.schedule).toHaveLength(50);
    expect(doc.tables.schedule[25]).toEqual({
      guarantor: 'COMMUNE DE GANNAT', line_id: '5676228', share_pct: '60', number: 1, due_date: '2026-10-29',
      payment: '18128.50', amortisation: '10267.65', interest: '7860.85', deferred_interest: '0.00', capital_after: '331508.55', deferred_stock: '0.00',
    });
  });

  test('--year gives the yearly statement (2027: due date 2), with a Total per guarantor', async () => {
    const { code, stdout } = await runFinloc(['guarantee', LOANS, GUARANTEES, '--year', '2027']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'guarantor,line_id,borrower,share_pct,exempt,capital_start,annuity,amortisation,interest,deferred_interest,capital_end,' +
        'guaranteed_capital_start,guaranteed_annuity,guaranteed_amortisation,guaranteed_interest,guaranteed_deferred_interest,guaranteed_capital_end',
    );
    expect(lines[3]).toBe('COMMUNE DE GANNAT,5676228,EVOLEA,60,logement_social,552514.25,30214.17,17506.34,12707.83,0.00,535007.91,331508.55,18128.50,10503.80,7624.70,0.00,321004.75');
    expect(lines[4]).toBe('COMMUNE DE GANNAT,Total,,,,552514.25,30214.17,17506.34,12707.83,0.00,535007.91,331508.55,18128.50,10503.80,7624.70,0.00,321004.75');
    const json = JSON.parse((await runFinloc(['guarantee', LOANS, GUARANTEES, '--year', '2027', '--format', 'json'])).stdout);
    expect(json.year).toBe(2027);
    expect(json.tables.statement[2].guaranteed_capital_end).toBe('321004.75');
  });

  test('exposure: one row per guarantor and year, 2025 to 2050', async () => {
    const { code, stdout } = await runFinloc(['guarantee', LOANS, GUARANTEES, '--report', 'exposure', '--format', 'csv-fr']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 2 * 26);
    expect(lines).toContain('COMMUNE DE GANNAT;2027;1;331508,55;18128,50;10503,80;7624,70;0,00;321004,75');
  });

  test('ratios of the exempt CDC line: left out (L2252-2) and listed with its reason', async () => {
    const { code, stdout } = await runFinloc(['guarantee', LOANS, GUARANTEES, '--report', 'ratios', '--year', '2027', '--guarantor', 'COMMUNE DE GANNAT', '--revenue', '8 000 000,00', '--own-debt-annuity', '900000', '--provisions', '0']);
    expect(code).toBe(0);
    expect(stdout).toContain('ceiling,L2252-1 al. 2,COMMUNE DE GANNAT,guaranteed_annuities_due,0.00\n');
    expect(stdout).toContain('ceiling,D1511-32,COMMUNE DE GANNAT,limit,4000000.00\n');
    expect(stdout).toContain('exempt,L2252-2,5676228,reason,logement_social\n');
  });
});

describe('finloc guarantee on the portfolio example', () => {
  const base = ['guarantee', PORTFOLIO_LOANS, PORTFOLIO];

  test('French headers, decimal commas and « € » are read; every stated principal holds', async () => {
    const { code, stdout } = await runFinloc(base);
    expect(code).toBe(0);
    expect(stdout).toContain("Département de l'Allier,SEM-AMG-07,SEM Gannat Aménagement,,800000.00,30,240000.00,240000.00,0.00,ok,");
  });

  test('ratios of the Commune de Gannat in 2027 with the inputs file, CLUB-2027 the new loan: every term shown', async () => {
    const { code, stdout } = await runFinloc([...base, '--report', 'ratios', '--year', '2027', '--guarantor', 'Commune de Gannat', '--new-line', 'CLUB-2027', '--ratio-inputs', RATIO_INPUTS, '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    // 2027 guaranteed annuities (exempt 5676228 left out): ASSO 50 % × 10 124,84 = 5 062,42; SEM 50 % × 65 747,71 = 32 873,855 → 32 873,87
    // (split row by row); CLUB-2027: 60 000 at 3,4 % over 10 years = 7 178,165 → 7 178,17 a year, 50 % = 3 589,085 → 3 589,09.
    expect(r).toMatchObject({ report: 'ratios', guarantor: 'Commune de Gannat', year: 2027, new_line_id: 'CLUB-2027', holds: true });
    expect(r.tables.ceiling[0]).toMatchObject({
      guaranteed_annuities_due: '37936.29', new_loan_first_annuity: '3589.09', own_debt_net_annuity: '1234567.89', provisions: '25000.00',
      total: '1251093.27', real_operating_revenue: '9412345.67', limit_pct: '50', limit: '4706172.835', margin: '3455079.565', holds: true,
    });
    expect(r.tables.borrowers.map((b: { borrower: string; limit: string }) => [b.borrower, b.limit])).toEqual([
      ['Association Les Amis du Malcourlet', '349660.4945'], ['SEM Gannat Aménagement', '349660.4945'], ['Club sportif gannatois', '349660.4945'],
    ]);
    expect(r.tables.shares.find((s: { line_id: string }) => s.line_id === 'SEM-AMG-07')).toMatchObject({ local_authorities_share_pct: '80', development_operation: true, limit_pct: '80', holds: true });
    expect(r.tables.exempt).toEqual([{ line_id: '5676228', borrower: 'EVOLEA', reason: 'logement_social' }]);
    // The csv's rows are the same terms, each with its article.
    expect(r.tables.ratios).toContainEqual({ ratio: 'ceiling', article: 'D1511-32', subject: 'Commune de Gannat', term: 'limit', value: '4706172.835' });
    expect(r.tables.ratios).toContainEqual({ ratio: 'exempt', article: 'L2252-2', subject: '5676228', term: 'reason', value: 'logement_social' });
  });

  test('an exceeded ratio: status 1 and the verdict row says so', async () => {
    const { code, stdout, stderr } = await runFinloc([...base, '--report', 'ratios', '--year', '2027', '--guarantor', 'Commune de Gannat', '--ratio-inputs', RATIO_INPUTS, '--revenue', '2400000', '--format', 'csv-fr']);
    // No --new-line: CLUB-2027 counts by what falls due in 2027 (nothing). 50 % × 2 400 000 = 1 200 000 < 37 936,29 + 1 234 567,89 − 25 000 = 1 247 504,18.
    expect(code).toBe(1);
    expect(stdout).toContain('plafonnement;D1511-32;Commune de Gannat;verdict;dépassé');
    expect(stderr).toMatch(/^finloc: alert: \(CGCT L2252-1\) the prudential ratios of Commune de Gannat for 2027 are exceeded: the ceiling \(D1511-32\)/);
  });

  test('the ratio inputs file is read like the budget item files: an item given twice or unknown is located, status 2', async () => {
    const dir = tempDir();
    const inputs = writeFile(dir, 'inputs.csv', 'poste;montant\nrrf;9 412 345,67\nrecettes réelles de fonctionnement;1\ncouleur;3\n');
    const r = await runFinloc([...base, '--report', 'ratios', '--year', '2027', '--guarantor', 'Commune de Gannat', '--ratio-inputs', inputs]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      `finloc: ${inputs}:3:1 (item): item "real_operating_revenue" given twice (already on line 2)`,
      `finloc: ${inputs}:4:1 (item): unknown item "couleur"; expected one of real_operating_revenue, own_debt_net_annuity, guarantee_provisions`,
      '',
    ]);
  });

  test('-o may not name --ratio-inputs or --index-file: status 2, the input unchanged', async () => {
    const dir = tempDir();
    const inputs = writeFile(dir, 'inputs.csv', 'item,amount\nrrf,9412345.67\n');
    const r = await runFinloc([...base, '--report', 'ratios', '--year', '2027', '--guarantor', 'Commune de Gannat', '--ratio-inputs', inputs, '-o', inputs]);
    expect(r.code).toBe(2);
    expect(readFileSync(inputs, 'utf8')).toBe('item,amount\nrrf,9412345.67\n');
    const index = writeFile(dir, 'livret-a.csv', readFileSync('data/livret-a.csv', 'utf8'));
    expect((await runFinloc([...base, '--index-file', index, '-o', index])).code).toBe(2);
    expect(readFileSync(index, 'utf8')).toBe(readFileSync('data/livret-a.csv', 'utf8'));
  });

  test('ratios need one guarantor, a year and the three inputs', async () => {
    expect((await runFinloc([...base, '--report', 'ratios', '--year', '2027', '--ratio-inputs', RATIO_INPUTS])).stderr).toContain("--guarantor: the ratios are one guarantor's: name one of");
    expect((await runFinloc([...base, '--report', 'ratios', '--guarantor', 'Commune de Gannat'])).stderr).toContain('--report ratios needs --year');
    const r = await runFinloc([...base, '--report', 'ratios', '--year', '2027', '--guarantor', 'Commune de Gannat', '--revenue', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('own_debt_net_annuity (--own-debt-annuity), guarantee_provisions (--provisions)');
  });
});

describe('bad input: located messages, status 2, no output file', () => {
  const run = async (guarantees: string, globalOptions: string[] = []) => {
    const dir = tempDir();
    const loans = writeFile(dir, 'loans.csv', `${LOANS_HEADER}\n${CDC_LINE}\n`);
    const g = writeFile(dir, 'g.csv', guarantees);
    const out = join(dir, 'out.csv');
    const r = await runFinloc([...globalOptions, 'guarantee', loans, g, '-o', out]);
    expect(existsSync(out)).toBe(false);
    return { ...r, g };
  };

  test('shares outside ]0 %, 100 %]', async () => {
    const { code, stderr, g } = await run('line_id,guarantor,share_pct\n5676228,A,0\n5676228,B,120\n');
    expect(code).toBe(2);
    expect(stderr).toContain(`${g}:2:3 (share_pct): expected a share above 0 % and at most 100 %, got 0 %`);
    expect(stderr).toContain(`${g}:3:3 (share_pct): expected a share above 0 % and at most 100 %, got 120 %`);
  });

  test('shares of one line adding up to more than 100 %', async () => {
    const { code, stderr, g } = await run('line_id,guarantor,share_pct\n5676228,A,60\n5676228,B,40,5\n'.replace(',40,5', ',40.5'));
    expect(code).toBe(2);
    expect(stderr).toContain(`${g}:3:3 (share_pct): the shares of line 5676228 add up to 100.5 %, more than 100 % (lines 2, 3)`);
  });

  test('a guarantee naming an unknown line', async () => {
    const { code, stderr, g } = await run('guarantor;share_pct;line_id\nA;50;5676229\n');
    expect(code).toBe(2);
    expect(stderr).toContain(`${g}:2:3 (line_id): unknown loan line "5676229": it is not in the loans file`);
  });

  test('a duplicate guarantor on a line (names compared without case or accents)', async () => {
    const { code, stderr, g } = await run('line_id,guarantor,share_pct\n5676228,Département de l\'Allier,40\n5676228,DEPARTEMENT DE L ALLIER,10\n');
    expect(code).toBe(2);
    expect(stderr).toContain(`${g}:3:2 (guarantor): "DEPARTEMENT DE L ALLIER" already guarantees line 5676228 on line 2`);
  });

  test('a bad cell, and an unknown column with --strict-columns (without, it is ignored with a note)', async () => {
    expect((await run('line_id,guarantor,share_pct\n5676228,A,soixante\n')).stderr).toContain(':2:3 (share_pct): expected a rate in percent');
    expect((await run('line_id,guarantor,share_pct,couleur\n5676228,A,60,bleu\n', ['--strict-columns'])).stderr).toContain('unknown column "couleur"');
  });
});

describe('a portfolio of hundreds of guaranteed lines in one call', () => {
  test('600 lines, two guarantors each: every principal, and the statement totals', async () => {
    const dir = tempDir();
    let loans = `${LOANS_HEADER},profile\n`;
    let guarantees = 'line_id,guarantor,share_pct,borrower,exempt\n';
    for (let i = 0; i < 600; i++) {
      // Principals 10 000,01 € and up by 1 234,57 € steps; 60 % / 40 % (Gannat / Allier) on even lines, 50 % alone on odd ones.
      const principal = (1000001 + i * 123457) / 100;
      const id = `P${String(i).padStart(4, '0')}`;
      loans += `${id},${principal.toFixed(2)},${2020 + (i % 15)}-0${1 + (i % 9)}-15,${10 + (i % 21)},${i % 3 === 0 ? 'quarterly' : 'annual'},${i % 2 === 0 ? 'livret_a,0.6' : 'none,'},${(1 + (i % 7) * 0.25).toFixed(2)},${i % 2 === 0 ? 'DL' : 'none'},${i % 4 === 1 ? 'amortisation_priority' : 'payment_priority'}\n`;
      guarantees += i % 2 === 0 ? `${id},Commune de Gannat,60,Bailleur ${i % 11},logement_social\n${id},Département de l'Allier,40,Bailleur ${i % 11},logement_social\n` : `${id},Commune de Gannat,50,Association ${i % 13},\n`;
    }
    const l = writeFile(dir, 'loans.csv', loans);
    const g = writeFile(dir, 'g.csv', guarantees);
    const principal = await runFinloc(['guarantee', l, g]);
    expect(principal.code).toBe(0);
    const rows = principal.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(1 + 900);
    // Line P0000: 10 000,01 × 60 % = 6 000,006 → 6 000,01 and × 40 % = 4 000,004 → 4 000,00: they add up to 10 000,01.
    expect(rows[1]).toContain('P0000,Bailleur 0,,10000.01,60,6000.01,');
    expect(rows[2]).toContain('P0000,Bailleur 0,,10000.01,40,4000.00,');
    // P0001: 50 % of 11 234,58 = 5 617,29.
    expect(rows[3]).toContain('P0001,Association 1,,11234.58,50,5617.29,');
    const statement = await runFinloc(['guarantee', l, g, '--year', '2030', '--format', 'json']);
    expect(statement.code).toBe(0);
    const doc = JSON.parse(statement.stdout);
    const totals = doc.tables.statement.filter((r: { line_id: string }) => r.line_id === 'Total');
    expect(totals).toHaveLength(2);
    for (const t of totals) {
      const start = parseDecimal(t.guaranteed_capital_start)!;
      expect(start.minus(parseDecimal(t.guaranteed_amortisation)!).toFixed(2)).toBe(t.guaranteed_capital_end);
    }
    const ratios = await runFinloc(['guarantee', l, g, '--report', 'ratios', '--year', '2030', '--guarantor', 'commune de gannat', '--revenue', '50000000', '--own-debt-annuity', '2000000', '--provisions', '0', '--format', 'json']);
    const r = JSON.parse(ratios.stdout);
    expect(r.tables.exempt).toHaveLength(300);
    expect(r.tables.borrowers).toHaveLength(13);
  });
});
