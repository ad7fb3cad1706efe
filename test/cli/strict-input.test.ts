import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

/**
 * Issue 11, items 1, 2 and 6: each case of its « Why » that used to give a
 * wrong figure (exit 0) or a stack trace now fails with exit 2 and one line.
 */
let dir: string;
beforeAll(() => {
  dir = tempDir();
});

const LOANS_HEADER = 'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision,prefinancing_months';
const loans = (name: string, ...lines: string[]) => writeFile(dir, name, [LOANS_HEADER, ...lines].join('\n') + '\n');
const THREE_DECIMALS = 'expected an amount in euros and cents (at most two decimals)';
const LONE = 'expected an amount in euros and cents (at most two decimals; a lone , or . is the decimal separator: for a thousand or more write 1234 or 1 234)';
const GROUPS = 'expected an amount such as 569 627,00 or 569627.00 (digits grouped by three with a space, or with . before a decimal comma, or , before a decimal point)';
const DATES = 'expected a date between 01/01/1900 and 31/12/2199';

/** Exit 2, exactly one line on stderr, nothing on stdout. */
function refused(r: { code: number; stdout: string; stderr: string }, line: string): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(line + '\n');
  expect(r.stdout).toBe('');
}

describe('amounts with more than two decimals', () => {
  test.each(['csv', 'csv-fr', 'json'])('amortize, principal 569627.001 (%s)', async (format) => {
    const f = loans('p3.csv', 'A,569627.001,2026-10-29,25,annual,none,,2.3,none,0');
    refused(await runFinloc(['amortize', f, '--format', format]), `finloc: ${f}:2:2 (principal): ${THREE_DECIMALS}, got "569627.001"`);
  });
  test('amortize, principal 12.345: three decimals, or twelve thousand? refused', async () => {
    const f = loans('p12.csv', 'A,12.345,2026-10-29,25,annual,none,,2.3,none,0');
    refused(await runFinloc(['amortize', f, '--format', 'json']), `finloc: ${f}:2:2 (principal): ${LONE}, got "12.345"`);
  });
  test('guarantee, a stated principal of 341 776,205', async () => {
    const g = writeFile(dir, 'g3.csv', 'line_id;garant;quotité;montant garanti\n5676228;Commune de Gannat;60;341 776,205\n');
    refused(await runFinloc(['guarantee', 'data/examples/cdc-180000.csv', g]), `finloc: ${g}:2:4 (stated_principal): ${THREE_DECIMALS}, got "341 776,205"`);
  });
  test('late-interest procurement, an invoice of 10 000,005', async () => {
    const f = writeFile(dir, 'inv3.csv', 'invoice_id;amount_ttc;received_date;paid_date\nF-1;10 000,005;02/01/2025;03/03/2025\n');
    refused(await runFinloc(['late-interest', 'procurement', f]), `finloc: ${f}:2:2 (amount_ttc): ${THREE_DECIMALS}, got "10 000,005"`);
  });
  test('late-interest loan, an amount due of 30 214,175', async () => {
    const f = writeFile(dir, 'unpaid3.csv', 'line_id;due_date;amount_due;paid_date\nEX-1;29/10/2024;30 214,175;15/01/2026\n');
    refused(await runFinloc(['late-interest', 'loan', f]), `finloc: ${f}:2:3 (amount_due): ${THREE_DECIMALS}, got "30 214,175"`);
  });
  test('subsidies, two grants of 100,005 (their total and beneficiaries would disagree)', async () => {
    const f = writeFile(dir, 'grants3.csv', 'beneficiary;envelope;amount\nClub A;operating;100,005\nClub B;operating;100,005\n');
    const r = await runFinloc(['subsidies', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: ${f}:2:3 (amount): ${LONE}, got "100,005"\nfinloc: ${f}:3:3 (amount): ${LONE}, got "100,005"\n`);
  });
  test('rar --declared 350000.001: exit 2, as the README promises, not 1', async () => {
    const r = await runFinloc(['rar', 'data/examples/rar-example.csv', '--declared', '350000.001']);
    refused(r, `finloc: --declared: ${THREE_DECIMALS}, got "350000.001"`);
  });
  test('subsidies --envelope operating=70000.001', async () => {
    const r = await runFinloc(['subsidies', 'data/examples/gannat-2026-subsidies.csv', '--envelope', 'operating=70000.001']);
    refused(r, `finloc: --envelope: ${THREE_DECIMALS} after operating=, got "70000.001" (--envelope)`);
  });
});

describe('digit grouping is never guessed', () => {
  test('1.2.3,4 in a cell', async () => {
    const f = writeFile(dir, 'g123.csv', 'line_id;principal;first_due_date;periods;rate_pct\nA;1.2.3,4;29/10/2026;20;2,3\n');
    refused(await runFinloc(['amortize', f]), `finloc: ${f}:2:2 (principal): ${GROUPS}, got "1.2.3,4"`);
  });
  test('1.2.3,4 as --revenue, --to-1068, --declared-total', async () => {
    const revenue = await runFinloc([
      'guarantee', 'data/examples/guarantees-portfolio-loans.csv', 'data/examples/guarantees-portfolio.csv',
      '--report', 'ratios', '--year', '2027', '--guarantor', 'Commune de Gannat', '--revenue', '1.2.3,4',
    ]);
    refused(revenue, `finloc: --revenue: ${GROUPS}, got "1.2.3,4"`);
    const to1068 = await runFinloc(['allocate', 'data/examples/sitiv-2023-results.csv', '--to-1068', '1.2.3,4']);
    refused(to1068, `finloc: --to-1068: ${GROUPS}, got "1.2.3,4"`);
    const declared = await runFinloc(['subsidies', 'data/examples/gannat-2026-subsidies.csv', '--declared-total', 'operating=68.161']);
    expect(declared.code).toBe(2);
    expect(declared.stderr.split('\n')).toHaveLength(2);
  });
  test('1,234 in a file of decimal commas is 1,234 €: three decimals, refused', async () => {
    const f = writeFile(dir, 'comma.csv', 'line_id;principal;first_due_date;periods;rate_pct\nA;1,234;29/10/2026;20;2,3\n');
    refused(await runFinloc(['amortize', f]), `finloc: ${f}:2:2 (principal): ${LONE}, got "1,234"`);
  });
  test('1.200 in a ; file is not read as 1,20 €', async () => {
    const f = writeFile(dir, 'point.csv', 'beneficiary;envelope;amount\nClub A;operating;1.200\n');
    refused(await runFinloc(['subsidies', f]), `finloc: ${f}:2:3 (amount): ${LONE}, got "1.200"`);
  });
  test('grouped as spreadsheets write it, the figures are those of the plain amount', async () => {
    const plain = loans('plain.csv', 'A,1234567.89,2026-10-29,20,annual,none,,2.3,none,0');
    const grouped = writeFile(dir, 'grouped.csv', 'line_id;principal;first_due_date;periods;rate_pct\nA;1.234.567,89;29/10/2026;20;2,3\n');
    const spaced = writeFile(dir, 'spaced.csv', 'line_id;principal;first_due_date;periods;rate_pct\nA;1\u202f234\u202f567,89 €;29/10/2026;20;2,3\n');
    const expected = (await runFinloc(['amortize', plain])).stdout;
    expect(expected).toContain('A,20,');
    expect((await runFinloc(['amortize', grouped])).stdout).toBe(expected);
    expect((await runFinloc(['amortize', spaced])).stdout).toBe(expected);
  });
});

describe('dates from 1900-01-01 to 2199-12-31, and the limits of a loan line', () => {
  test.each(['csv', 'csv-fr', 'json'])('a first due date in 9999 (%s)', async (format) => {
    const f = loans('d9.csv', 'A,1000,9999-10-29,25,annual,none,,2.3,none,0');
    refused(await runFinloc(['amortize', f, '--format', format]), `finloc: ${f}:2:3 (first_due_date): ${DATES}, got "9999-10-29"`);
  });
  test('guarantee, a loan line due in 9999', async () => {
    const f = loans('gd9.csv', '5676228,569627.00,29/10/9999,25,annual,none,,2.3,none,0');
    refused(await runFinloc(['guarantee', f, 'data/examples/guarantees-180000.csv']), `finloc: ${f}:2:3 (first_due_date): ${DATES}, got "29/10/9999"`);
  });
  test('10 000 annual periods from 2026', async () => {
    const f = loans('p10k.csv', 'A,1000,2026-10-29,10000,annual,none,,2.3,none,0');
    refused(await runFinloc(['amortize', f, '--format', 'json']), `finloc: ${f}:2:4 (periods): expected at most 1 200 due dates, got "10000"`);
  });
  test('a loan longer than 100 years', async () => {
    const f = loans('p200.csv', 'A,1000,2026-10-29,200,annual,none,,2.3,none,0');
    refused(await runFinloc(['amortize', f]), `finloc: ${f}:2:4 (periods): a loan of 200 years (200 annual due dates); the limit is 100 years`);
  });
  test.each([0, 2])('a last due date past 2199, computed from first_due_date + periods, in the streaming path (%i worker threads)', async (threads) => {
    const f = loans(`p2199-${threads}.csv`, 'A,1000,2026-10-29,20,annual,none,,2.3,none,0', 'B,1000,2150-10-29,60,annual,none,,2.3,none,0');
    const out = join(dir, `out-${threads}.csv`);
    const r = await runFinloc(['amortize', f, '--threads', String(threads), '-o', out]);
    refused(r, `finloc: ${f}:3:4 (periods): the last due date would fall in 10/2209, after 31/12/2199, the last date finloc computes`);
    expect(existsSync(out)).toBe(false);
  });
  test('prefinancing_months=100000', async () => {
    const f = loans('pf.csv', 'A,1000,2026-10-29,20,annual,none,,2.3,none,100000');
    refused(await runFinloc(['amortize', f, '--format', 'json']), `finloc: ${f}:2:10 (prefinancing_months): expected a prefinancing of at most 120 months, got "100000"`);
  });
  test('late-interest loan --as-of 9999-12-31: no RangeError, no stack trace', async () => {
    const r = await runFinloc(['late-interest', 'loan', 'data/examples/unpaid.csv', '--as-of', '9999-12-31']);
    refused(r, `finloc: --as-of: ${DATES}, got "9999-12-31"`);
  });
  test('late-interest procurement, a payment date in 9999 and a suspension of 100 000 days', async () => {
    const f = writeFile(dir, 'inv9.csv', 'invoice_id;amount_ttc;received_date;paid_date;suspension_days\nF-1;100,00;02/01/2025;03/03/9999;0\nF-2;100,00;02/01/2025;03/03/2025;100000\n');
    const r = await runFinloc(['late-interest', 'procurement', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `finloc: ${f}:2:4 (paid_date): ${DATES}, got "03/03/9999"\n` + `finloc: ${f}:3:5 (suspension_days): expected a suspension of at most 365 days, got "100000"\n`,
    );
  });
});

test('late-interest procurement, a payment deadline computed past 2199', async () => {
  const f = writeFile(dir, 'inv2199.csv', 'invoice_id;amount_ttc;received_date;paid_date;payment_days;suspension_days\nF-1;100,00;15/12/2199;31/12/2199;30;0\n');
  refused(await runFinloc(['late-interest', 'procurement', f]), `finloc: ${f}:2:3 (received_date): the payment deadline would be 14/01/2200, after 31/12/2199, the last date finloc computes`);
});

describe('a line_id given twice is refused by every command reading loan lines, both lines named', () => {
  const dup = () => loans('dup.csv', 'A,1000,2026-10-29,20,annual,none,,2.3,none,0', 'B,1000,2026-10-29,20,annual,none,,2.3,none,0', 'A,2000,2026-10-29,20,annual,none,,2.3,none,0');
  test.each(['csv', 'json'])('amortize (%s)', async (format) => {
    const f = dup();
    refused(await runFinloc(['amortize', f, '--format', format]), `finloc: ${f}:4:1 (line_id): line_id "A" already given on line 2`);
  });
  test('amortize --skip-invalid: a duplicate is never skipped (which of the two tables would be the line?)', async () => {
    const f = dup();
    const out = join(dir, 'dup-out.csv');
    refused(await runFinloc(['amortize', f, '--skip-invalid', '-o', out]), `finloc: ${f}:4:1 (line_id): line_id "A" already given on line 2`);
    expect(existsSync(out)).toBe(false);
  });
  test('amortize across batches of worker threads', async () => {
    const lines = Array.from({ length: 6000 }, (_, i) => `L${i + 1},1000.00,2030-01-15,1,annual,none,,2.0,none,0`);
    lines.push('L17,1000.00,2030-01-15,1,annual,none,,2.0,none,0');
    const f = loans('dup-big.csv', ...lines);
    const out = join(dir, 'dup-big-out.csv');
    refused(await runFinloc(['amortize', f, '--threads', '2', '-o', out]), `finloc: ${f}:6002:1 (line_id): line_id "L17" already given on line 18`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
  test('numbers in order (held as runs) and text, repeated across batches of worker threads: each named, in line order', async () => {
    // Lines 2 to 6 001: identifiers 5000001 to 5006000 in order; then 5000017 (first on line 18), T-9 (line 6 003, given
    // first on line 6 002), and 5006000 again (first on line 6 001).
    const lines = Array.from({ length: 6000 }, (_, i) => `${5_000_001 + i},1000.00,2030-01-15,1,annual,none,,2.0,none,0`);
    lines.push('T-9,1000.00,2030-01-15,1,annual,none,,2.0,none,0', 'T-9,1000.00,2030-01-15,1,annual,none,,2.0,none,0');
    lines.push('5000017,1000.00,2030-01-15,1,annual,none,,2.0,none,0', '5006000,1000.00,2030-01-15,1,annual,none,,2.0,none,0');
    const f = loans('dup-runs.csv', ...lines);
    for (const threads of ['0', '2']) {
      const r = await runFinloc(['amortize', f, '--threads', threads, '-o', join(dir, 'dup-runs-out.csv')]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([
        `finloc: ${f}:6003:1 (line_id): line_id "T-9" already given on line 6002`,
        `finloc: ${f}:6004:1 (line_id): line_id "5000017" already given on line 18`,
        `finloc: ${f}:6005:1 (line_id): line_id "5006000" already given on line 6001`,
      ]);
    }
  }, 60_000);
  test('guarantee', async () => {
    const f = loans('gdup.csv', '5676228,569627.00,2026-10-29,25,annual,none,,2.3,none,0', '5676228,569627.00,2026-10-29,25,annual,none,,2.3,none,0');
    refused(await runFinloc(['guarantee', f, 'data/examples/guarantees-180000.csv']), `finloc: ${f}:3:1 (line_id): line_id "5676228" already given on line 2`);
  });
});
