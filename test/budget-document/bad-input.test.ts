import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

const LOT = readFileSync('test/fixtures/ca/ca-2021-lotissement-21560046100085.xml');
const lot = LOT.toString('latin1');
/** The lotissement CA with one edit, as ISO-8859-1 bytes, in a fresh folder. */
function edited(replace: (text: string) => string): { dir: string; file: string } {
  const dir = tempDir();
  return { dir, file: writeFile(dir, 'doc.xml', Buffer.from(replace(lot), 'latin1')) };
}
/** The line of the file a substring first appears on. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('finloc ca: bad input, one line per problem naming file and line, status 2, nothing written', () => {
  test('wrong root element', async () => {
    const { dir, file } = edited((t) => t.replace(/DocumentBudgetaire/g, 'DocumentComptable'));
    const out = join(dir, 'out.csv');
    const r = await runFinloc(['ca', file, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: ${file}:2: root element <DocumentComptable>: expected <DocumentBudgetaire> (a TotEM / Actes budgétaires budget document)\n`);
    expect(readdirSync(dir)).toEqual(['doc.xml']);
  });
  test('wrong namespace', async () => {
    const { file } = edited((t) => t.replace('http://www.minefi.gouv.fr/cp/demat/docbudgetaire', 'http://example.org/other'));
    const r = await runFinloc(['ca', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: ${file}:2: <DocumentBudgetaire> in namespace "http://example.org/other": expected xmlns="http://www.minefi.gouv.fr/cp/demat/docbudgetaire"\n`);
  });
  test('truncated file: the line where it stops', async () => {
    const cut = lot.slice(0, lot.indexOf('<Nature V="1641"/>'));
    const { file } = edited(() => cut);
    const r = await runFinloc(['ca', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').length).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^finloc: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${cut.split('\n').length}: not well-formed XML: `));
  });
  test('a MtReal with three decimals, and one with text: each named with its line', async () => {
    const { file } = edited((t) => t.replace('<MtReal V="13900.00"/>', '<MtReal V="13900.001"/>').replace('<MtReal V="6737.93"/>', '<MtReal V="6 737,93 EUR"/>'));
    const text = readFileSync(file).toString('latin1');
    const r = await runFinloc(['ca', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `finloc: ${file}:${lineOf(text, '13900.001')}: <MtReal V="13900.001">: expected an amount in euros and cents (digits, a point, at most two decimals)\n` +
        `finloc: ${file}:${lineOf(text, '6 737,93')}: <MtReal V="6 737,93 EUR">: expected an amount in euros and cents (digits, a point, at most two decimals)\n`,
    );
  });
  test('a CodRD other than D or R', async () => {
    const { file } = edited((t) => t.replace('<CodRD V="R"/>', '<CodRD V="X"/>'));
    const text = readFileSync(file).toString('latin1');
    const r = await runFinloc(['ca', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: ${file}:${lineOf(text, '<CodRD V="X"/>')}: <CodRD V="X">: expected D (expenditure) or R (receipt)\n`);
  });
  test('missing mandatory elements: Exer and Nature', async () => {
    const { file } = edited((t) => t.replace(/<Exer V="2021"\/>/, '').replace('<Nature V="608"/>', ''));
    const text = readFileSync(file).toString('latin1');
    const r = await runFinloc(['ca', file]);
    expect(r.code).toBe(2);
    // The LigneBudget that lost its Nature opens two lines above its ContNat 043 (the Nature's line is left blank).
    expect(r.stderr).toBe(
      `finloc: ${file}:${lineOf(text, '<BlocBudget>')}: <BlocBudget> without <Exer V="…"/>\n` + `finloc: ${file}:${lineOf(text, '<ContNat V="043"/>') - 2}: <LigneBudget> without <Nature V="…"/>: expected the account of the line\n`,
    );
  });
  test('usage: --export with another format, --previous with --next (status 2, one line)', async () => {
    const { file } = edited((t) => t);
    const a = await runFinloc(['ca', file, '--export', 'results', '--format', 'json']);
    expect([a.code, a.stderr]).toEqual([2, 'finloc: --export writes the CSV file another command reads: give it without --format json\n']);
    const b = await runFinloc(['ca', file, '--previous', file, '--next', file]);
    expect([b.code, b.stderr]).toEqual([2, 'finloc: --previous and --next: give one of them\n']);
    const c = await runFinloc(['ca', file, '--report', 'cash']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('expected one of results, debt, subsidies, balance, got "cash"');
  });
  test('an invalid UTF-8 byte in a file declared UTF-8: its line', async () => {
    const { file } = edited((t) => t.replace('encoding="ISO-8859-1"', 'encoding="UTF-8"').replace('LOTISSEMENT LE BOCENO', 'LOTISSEMENT LE BOCÉNO'));
    const text = readFileSync(file).toString('latin1');
    const r = await runFinloc(['ca', file]);
    expect(r.code).toBe(2);
    // The first Latin-1 accent of the file (« e.gf évolution », line 6) is its first invalid UTF-8 byte.
    const firstAccent = text.search(/[\u0080-\u00ff]/);
    expect(text.slice(0, firstAccent).split('\n').length).toBe(6);
    expect(r.stderr).toMatch(new RegExp(`:6: invalid UTF-8 byte`));
  });
  test('not XML at all, and a missing file', async () => {
    const dir = tempDir();
    const r = await runFinloc(['ca', writeFile(dir, 'x.xml', 'item,amount\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('    at ');
    const m = await runFinloc(['ca', join(dir, 'none.xml')]);
    expect([m.code, m.stderr]).toEqual([2, `finloc: ${join(dir, 'none.xml')}: no such file\n`]);
  });
});
