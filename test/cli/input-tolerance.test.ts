import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';

/**
 * Input as spreadsheets really export it (issue 10, part 4): extra columns,
 * trailing `;;;`, blank lines, « Total » footers, Windows-1252 and UTF-16
 * exports, and the files that are not text or not tables at all. Each test
 * in its own temporary folder.
 */
const LOANS = readFileSync('data/examples/cdc-180000.csv', 'utf8');
const GRANTS = readFileSync('data/examples/gannat-2026-subsidies.csv', 'utf8');
const RESULTS = readFileSync('data/examples/sitiv-2023-results.csv', 'utf8');
const DECLARED = readFileSync('data/examples/sitiv-2023-declared.csv', 'utf8');

const lines = (text: string) => text.trimEnd().split('\n');
/** The notes of a run's stderr. */
const notesOf = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('finloc: note: ') && !l.includes('known until'));

/** A CSV text as Excel writes it: `;`, a column « Commentaire » first and one at the end, three untitled columns, CRLF. */
function asExport(csv: string, sep: ',' | ';'): string {
  const [header, ...rows] = lines(csv);
  const out = [`Commentaire;${header!.split(sep).join(';')};Couleur;;;`];
  for (const r of rows) out.push(`à vérifier;${r.split(sep).join(';')};bleu;;;`);
  return out.join('\r\n') + '\r\n';
}

describe('columns a command does not know', () => {
  test('amortize (streamed): ignored with one note; the same table as the clean file', async () => {
    const dir = tempDir();
    const clean = await runFinloc(['amortize', writeFile(dir, 'clean.csv', LOANS)]);
    writeFile(dir, 'loans.csv', asExport(LOANS, ','));
    const r = await runFinloc(['amortize', 'loans.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(clean.stdout);
    expect(notesOf(r.stderr)).toEqual([`finloc: note: loans.csv:1: unknown column(s) ignored: "Commentaire" (column 1), "Couleur" (column 17)`]);
  });

  test('subsidies (read whole): ignored with one note; the same report as the clean file', async () => {
    const dir = tempDir();
    const clean = await runFinloc(['subsidies', writeFile(dir, 'clean.csv', GRANTS)]);
    writeFile(dir, 'grants.csv', asExport(GRANTS, ';'));
    const r = await runFinloc(['subsidies', 'grants.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(clean.stdout);
    expect(notesOf(r.stderr)).toEqual(['finloc: note: grants.csv:1: unknown column(s) ignored: "Commentaire" (column 1), "Couleur" (column 14)']);
  });

  test('--strict-columns refuses them, as before; --quiet prints no note', async () => {
    const dir = tempDir();
    writeFile(dir, 'loans.csv', asExport(LOANS, ','));
    const strict = await runFinloc(['--strict-columns', 'amortize', 'loans.csv'], { cwd: dir });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(lines(strict.stderr)[0]).toMatch(/^finloc: loans\.csv:1:1 \(Commentaire\): unknown column "Commentaire"; expected one of line_id, /);
    writeFile(dir, 'grants.csv', asExport(GRANTS, ';'));
    const strictWhole = await runFinloc(['--strict-columns', 'subsidies', 'grants.csv'], { cwd: dir });
    expect(strictWhole.code).toBe(2);
    expect(strictWhole.stderr).toContain('finloc: grants.csv:1:14 (Couleur): unknown column "Couleur"');
    const quiet = await runFinloc(['--quiet', 'amortize', 'loans.csv'], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('note:');
  });
});

describe('blank lines and total lines', () => {
  test('amortize: `;;;;` lines skipped silently, a « Total » footer skipped with a note naming its line', async () => {
    const dir = tempDir();
    const [header, line] = lines(LOANS);
    const other = line!.replace('5676228', '5676229');
    const text = `${header}\n,,,,,,\n${line}\n   \n,,,\n${other}\n,,,,,,,,,,,,,,\nTotal,1139254.00,,,,,,,,,,,,,\nTOTAL GÉNÉRAL\n`;
    const twoLines = await runFinloc(['amortize', writeFile(dir, 'clean.csv', `${header}\n${line}\n${other}\n`)]);
    writeFile(dir, 'loans.csv', text);
    const r = await runFinloc(['amortize', 'loans.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(twoLines.stdout);
    expect(notesOf(r.stderr)).toEqual(['finloc: note: loans.csv:8: total line skipped: "Total"', 'finloc: note: loans.csv:9: total line skipped: "TOTAL GÉNÉRAL"']);
  });

  test('subsidies: a « Sous-total » and a « Total » are never counted as grants', async () => {
    const dir = tempDir();
    const clean = await runFinloc(['subsidies', writeFile(dir, 'clean.csv', GRANTS)]);
    const [header, ...rows] = lines(GRANTS);
    // at the end, where they are in an export: the report names the source line of each grant
    const text = [header, ...rows, ';;;;;;;;;;;', 'Sous-total;operating;;3920;no;;;;;;;', '  ;  ;', 'Total;;;99999;;;;;;;;'].join('\n') + '\n';
    writeFile(dir, 'grants.csv', text);
    const r = await runFinloc(['subsidies', 'grants.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(clean.stdout);
    expect(notesOf(r.stderr)).toEqual([
      `finloc: note: grants.csv:${rows.length + 3}: total line skipped: "Sous-total"`,
      `finloc: note: grants.csv:${rows.length + 5}: total line skipped: "Total"`,
    ]);
  });

  test('allocate --check: an item named like a total (« Total dépenses », total_expenditure) is read; « Total général » is skipped', async () => {
    const dir = tempDir();
    const clean = await runFinloc(['allocate', writeFile(dir, 'r.csv', RESULTS), '--check', writeFile(dir, 'clean.csv', DECLARED)]);
    const declared = DECLARED.replace('total_expenditure;', 'Total dépenses;') + ';\nTotal général;2 317 006,44\n';
    writeFile(dir, 'declared.csv', declared);
    const r = await runFinloc(['allocate', 'r.csv', '--check', 'declared.csv'], { cwd: dir });
    expect(r.code).toBe(clean.code);
    expect(r.stdout).toBe(clean.stdout);
    expect(notesOf(r.stderr)).toEqual([`finloc: note: declared.csv:${lines(declared).length}: total line skipped: "Total général"`]);
  });
});

describe('encodings', () => {
  test('Windows-1252 whose first accented letter comes after 64 KB, and UTF-16 « Texte Unicode »: the same output as UTF-8', async () => {
    const dir = tempDir();
    const [header, line] = lines(LOANS);
    const many = [header, ...Array.from({ length: 1500 }, (_, i) => line!.replace('5676228', String(1000000 + i)))].join('\n') + '\n';
    expect(many.length).toBeGreaterThan(1 << 17);
    const late = many + `${line!.replace('5676228', 'Crédit-à-l’habitat')}\n`;
    const utf8 = await runFinloc(['amortize', writeFile(dir, 'utf8.csv', late)]);
    expect(utf8.code).toBe(0);
    const cp1252 = await runFinloc(['amortize', writeFile(dir, 'cp1252.csv', Buffer.from(late.replace(/’/g, '\x92'), 'latin1'))]);
    expect(cp1252.code).toBe(0);
    expect(cp1252.stdout).toBe(utf8.stdout);
    const tsv = (t: string) => t.replace(/,/g, '\t').replace(/\n/g, '\r\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv(late), 'utf16le')]);
    const u16 = await runFinloc(['amortize', writeFile(dir, 'unicode.txt', utf16)]);
    expect(u16.code).toBe(0);
    expect(u16.stdout).toBe(utf8.stdout);
    // read whole (subsidies): UTF-16 and Windows-1252 too
    const clean = await runFinloc(['subsidies', writeFile(dir, 'grants.csv', GRANTS)]);
    const grants16 = await runFinloc(['subsidies', writeFile(dir, 'grants16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GRANTS.replace(/;/g, '\t'), 'utf16le')]))]);
    expect(grants16.code).toBe(0);
    expect(grants16.stdout).toBe(clean.stdout);
  });

  test('one stray Latin-1 « é » in a UTF-8 file: refused at its line and column, in both readers', async () => {
    const dir = tempDir();
    const [header, line] = lines(LOANS);
    const bytes = Buffer.concat([Buffer.from(`${header}\n${line!.replace('5676228', 'Prêt-1')}\n`, 'utf8'), Buffer.from('Pr'), Buffer.from([0xea]), Buffer.from(`t-2${line!.slice(7)}\n`)]);
    writeFile(dir, 'loans.csv', bytes);
    const r = await runFinloc(['amortize', 'loans.csv'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'finloc: loans.csv:3:3: not valid UTF-8: byte 0xEA; save the file as UTF-8 or Windows-1252\n' });
    const grants = Buffer.concat([Buffer.from(GRANTS.replace('AEP', 'Amicale laïque'), 'utf8'), Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(';operating;;10;no;;;;;;;\n')]);
    writeFile(dir, 'grants.csv', grants);
    const w = await runFinloc(['subsidies', 'grants.csv'], { cwd: dir });
    expect(w.code).toBe(2);
    expect(w.stdout).toBe('');
    expect(w.stderr).toBe(`finloc: grants.csv:${lines(GRANTS).length + 1}:4: not valid UTF-8: byte 0xE9; save the file as UTF-8 or Windows-1252\n`);
  });

  test('the bytes Windows-1252 leaves undefined, NUL and control characters: refused, located', async () => {
    const dir = tempDir();
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      writeFile(dir, 'g.csv', Buffer.concat([Buffer.from('beneficiary;envelope;amount\nCaf\xe9;operating;1\nA', 'latin1'), Buffer.from([b]), Buffer.from(';operating;2\n')]));
      const r = await runFinloc(['subsidies', 'g.csv'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`finloc: g.csv:3:2: byte 0x${b.toString(16).toUpperCase()} is neither UTF-8 nor Windows-1252 text; save the file as UTF-8 or Windows-1252\n`);
      const s = await runFinloc(['amortize', 'g.csv'], { cwd: dir });
      expect(s.stderr).toBe(r.stderr);
    }
    writeFile(dir, 'nul.csv', Buffer.from(LOANS.replace('livret_a', 'livret\x00a')));
    const nul = await runFinloc(['amortize', 'nul.csv'], { cwd: dir });
    expect(nul.code).toBe(2);
    expect(nul.stderr).toBe('finloc: nul.csv:2:46: a NUL byte: not a text file (or UTF-16 without its byte-order mark)\n');
    writeFile(dir, 'esc.csv', GRANTS.replace('AEP', 'AEP\x1b'));
    const esc = await runFinloc(['subsidies', 'esc.csv'], { cwd: dir });
    expect(esc.stderr).toBe('finloc: esc.csv:2:4: control character U+001B where text was expected\n');
  });
});

describe('files that are not tables', () => {
  test('a 50 MB line with no line break is refused in under 5 s with a short message (20 s guard: the machine is noisy)', async () => {
    const dir = tempDir();
    writeFile(dir, 'big.csv', Buffer.alloc(50 << 20, 'line_id,'));
    const t0 = Date.now();
    const r = await runFinloc(['amortize', 'big.csv'], { cwd: dir });
    expect(Date.now() - t0).toBeLessThan(20000);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('finloc: big.csv:1: a line of more than 1 048 576 characters: not a CSV table\n');
    const whole = await runFinloc(['subsidies', 'big.csv'], { cwd: dir });
    expect(Date.now() - t0).toBeLessThan(40000);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toBe(r.stderr);
  }, 60000);

  test('a message quotes at most 80 characters of a cell', async () => {
    const dir = tempDir();
    const [header, line] = lines(LOANS);
    writeFile(dir, 'loans.csv', `${header}\n${line!.replace('569627.00', 'x'.repeat(100000))}\n`);
    const r = await runFinloc(['amortize', 'loans.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: loans.csv:2:2 (principal): expected an amount such as 569 627,00 or 569627.00, got "${'x'.repeat(79)}…"\n`);
    writeFile(dir, 'g.csv', `beneficiary;envelope;amount\n${'A'.repeat(100000)};operating;douze\n`);
    const g = await runFinloc(['subsidies', 'g.csv'], { cwd: dir });
    expect(g.code).toBe(2);
    expect(g.stderr.length).toBeLessThan(300);
  });
});
