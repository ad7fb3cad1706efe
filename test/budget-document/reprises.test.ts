import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';
import { CA_MAIN as MAIN, CA_LOT as LOT, BP_LOT as BP, type JsonCheck } from '../helpers/ca-fixtures.js';


const checksOf = (stdout: string) => (JSON.parse(stdout) as { checks: JsonCheck[] }).checks;

describe('reprises across years (CGCT R2311-11, R2311-12): the lotissement CA 2021 → BP 2022', () => {
  test('--next: 001 = 2 148 068,48 = A2; 1068 (none) + 002 32 703,59 = A3; no financing need: every check holds, status 0', async () => {
    const r = await runFinloc(['ca', LOT, '--next', BP, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(checksOf(r.stdout).map((c) => [c.item, c.declared, c.recomputed, c.difference, c.verdict])).toEqual([
      ['reprise 001 = cumulated investment result (A2)', '2148068.48', '2148068.48', '0.00', 'ok'],
      ['reprise 1068 + 002 = cumulated operating result (A3)', '32703.59', '32703.59', '0.00', 'ok'],
      ['1068 covers the financing need', '0.00', '0.00', '0.00', 'ok'],
    ]);
    expect(checksOf(r.stdout)[0]!.note).toContain('BP 2022, MtPrev');
  });
  test('--previous on the BP gives the same checks', async () => {
    const a = await runFinloc(['ca', BP, '--previous', LOT, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(checksOf(a.stdout).map((c) => c.difference)).toEqual(['0.00', '0.00', '0.00']);
  });
  test('a cent moved in the BP\'s 002 makes the A3 check fail by that cent, status 1', async () => {
    const dir = tempDir();
    const bp = readFileSync(BP, 'latin1').replace('<MtPrev V="32703.59"/>', '<MtPrev V="32703.60"/>');
    const r = await runFinloc(['ca', LOT, '--next', writeFile(dir, 'bp.xml', Buffer.from(bp, 'latin1')), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(checksOf(r.stdout)[1]).toMatchObject({ declared: '32703.60', recomputed: '32703.59', difference: '0.01', verdict: 'differs' });
  });
  test('a financing need the BP leaves uncovered: a failed check with the amount missing', async () => {
    // RAR of 2 200 000,00 on the 3555 expenditure line: A2 + B2 = 2 148 068,48 − 2 200 000,00 = −51 931,52, a need of 51 931,52;
    // the minimum to 1068 is min(A3 32 703,59, 51 931,52) = 32 703,59; the BP puts nothing in 1068: 32 703,59 missing.
    const dir = tempDir();
    const ca = readFileSync(LOT, 'latin1').replace(/(<Nature V="3555"\/>(?:(?!<\/LigneBudget>)[\s\S])*?<CodRD V="D"\/>)/, '$1<MtRAR3112 V="2200000.00"/>');
    expect(ca).toContain('2200000.00');
    const r = await runFinloc(['ca', writeFile(dir, 'ca.xml', Buffer.from(ca, 'latin1')), '--next', BP, '--format', 'json']);
    expect(r.code).toBe(1);
    const c = checksOf(r.stdout)[2]!;
    expect([c.declared, c.recomputed, c.difference, c.verdict]).toEqual(['0.00', '32703.59', '-32703.59', 'differs']);
    expect(c.note).toContain('32703.59 missing');
    expect(r.stderr).toContain('finloc: does not hold: 1068 covers the financing need: declared 0,00, recomputed 32 703,59, difference -32 703,59');
  });
  test('documents of different budgets are refused (main budget CA with the lotissement BP), status 2', async () => {
    const r = await runFinloc(['ca', MAIN, '--next', BP]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: not the same budget: SIRET 21560046100010 (${MAIN}) and 21560046100085 (${BP})\n`);
  });
  test('non-consecutive years are refused (a CA 2021 followed by a document of 2021)', async () => {
    const r = await runFinloc(['ca', LOT, '--next', LOT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: not consecutive years: 2021 (${LOT}) and 2021 (${LOT}); expected 2022\n`);
  });
});

describe('section of each line (item 2): CaracSup, else the chart of accounts, else the class rule', () => {
  test('the lotissement CA without any CaracSup: every section from the chart M14_COM_500_3500-2021, the same results', async () => {
    const dir = tempDir();
    const bare = readFileSync(LOT, 'latin1').replace(/\s*<CaracSup V="[IF]" Code="Section"\/>/g, '');
    const a = await runFinloc(['ca', writeFile(dir, 'ca.xml', Buffer.from(bare, 'latin1')), '--format', 'json']);
    const b = await runFinloc(['ca', LOT, '--format', 'json']);
    const tables = (s: string) => JSON.parse(s) as { tables: { allocation: unknown; sources: { from_chart: number; from_caracsup: number }[] } };
    expect(tables(a.stdout).tables.allocation).toEqual(tables(b.stdout).tables.allocation);
    expect(tables(a.stdout).tables.sources.map((s) => [s.from_caracsup, s.from_chart])).toEqual([
      [0, 2],
      [0, 3],
      [0, 9],
      [0, 6],
    ]);
    expect(a.stderr).toContain('20 line(s) by the chart of accounts M14_COM_500_3500-2021');
  });
  test('an account the chart does not have takes the class rule (7, operating), and the note says so', async () => {
    const dir = tempDir();
    const doc = readFileSync(LOT, 'latin1').replace('<Nature V="7588"/>', '<Nature V="7999"/>').replace(/(<Nature V="7999"\/>[\s\S]*?)\s*<CaracSup V="F" Code="Section"\/>/, '$1');
    const r = await runFinloc(['ca', writeFile(dir, 'ca.xml', Buffer.from(doc, 'latin1')), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('19 line(s) by the CaracSup Code="Section" of the line; 1 line(s) by the account class rule');
    const ops = (JSON.parse(r.stdout) as { tables: { sources: { from_class_rule: number }[] } }).tables.sources;
    expect(ops.map((s) => s.from_class_rule)).toEqual([0, 0, 0, 1]);
  });
});
