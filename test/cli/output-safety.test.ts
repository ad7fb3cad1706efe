import { describe, expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { runFinloc, tempDir } from '../helpers/cli.js';

/**
 * What `-o` and `--errors` may never do (issue 10): overwrite an input,
 * replace anything but a regular file, crash, leave a temporary file behind.
 * Each test works in its own temporary folder.
 */
const ROOT = resolve('.');
const BIN = join(ROOT, 'dist/bin/finloc.js');
const example = (name: string) => join(ROOT, 'data/examples', name);

/** Copies example files into a fresh folder; returns the folder and the copies' paths. */
function folderWith(...names: string[]): { dir: string; paths: string[] } {
  const dir = tempDir();
  return { dir, paths: names.map((n) => (copyFileSync(n.startsWith('/') ? n : example(n), join(dir, n.split('/').pop()!)), join(dir, n.split('/').pop()!))) };
}

describe('-o naming an input is refused, whatever the spelling, and the input is unchanged', () => {
  const cases: [string, string[], (paths: string[]) => string[], number][] = [
    ['allocate RESULTS -o RESULTS', ['sitiv-2023-results.csv'], ([r]) => ['allocate', r!], 0],
    ['allocate --check DECLARED -o DECLARED', ['sitiv-2023-results.csv', 'sitiv-2023-declared.csv'], ([r, d]) => ['allocate', r!, '--check', d!], 1],
    ['amortize LOANS -o LOANS', ['cdc-180000.csv'], ([l]) => ['amortize', l!], 0],
    ['amortize --index-file FILE -o FILE', ['cdc-180000.csv', join(ROOT, 'data/livret-a.csv')], ([l, i]) => ['amortize', l!, '--index-file', i!], 1],
    ['rar COMMITMENTS -o COMMITMENTS', ['rar-example.csv'], ([c]) => ['rar', c!], 0],
    ['guarantee LOANS GUARANTEES -o GUARANTEES', ['cdc-180000.csv', 'guarantees-180000.csv'], ([l, g]) => ['guarantee', l!, g!], 1],
    ['subsidies GRANTS -o GRANTS', ['gannat-2026-subsidies.csv'], ([g]) => ['subsidies', g!], 0],
    ['late-interest procurement INVOICES -o INVOICES', ['invoices.csv'], ([i]) => ['late-interest', 'procurement', i!], 0],
    ['late-interest loan UNPAID -o UNPAID', ['unpaid.csv'], ([u]) => ['late-interest', 'loan', u!], 0],
  ];
  test.each(cases)('%s', async (_name, files, args, target) => {
    const { dir, paths } = folderWith(...files);
    const before = paths.map((p) => readFileSync(p));
    const victim = paths[target]!;
    // The same file three ways: as given, through "..", and through a hard link.
    const link = join(dir, 'hard-link.csv');
    linkSync(victim, link);
    mkdirSync(join(dir, 'sub'));
    for (const spelling of [victim, join(dir, 'sub', '..', victim.split('/').pop()!), link]) {
      const r = await runFinloc([...args(paths), '-o', spelling]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^finloc: -o .*: is the input file .*; the output would overwrite it\. Give another file name\n$/);
      expect(r.stdout).toBe('');
    }
    expect(paths.map((p) => readFileSync(p))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual([...paths.map((p) => p.split('/').pop()!), 'hard-link.csv', 'sub'].sort());
  });
});

describe('-o naming anything but a regular file or a new file in a writable folder is refused', () => {
  const LOANS = example('cdc-180000.csv');

  test.each([
    ['a folder', (dir: string) => dir, /is a folder; expected a regular file or a new file name/],
    ['a missing folder', (dir: string) => join(dir, 'nodir', 'x.csv'), /the folder .*nodir does not exist/],
    ['an empty name', () => '', /-o '': expected a file name/],
    ['a file inside a file', (dir: string) => (writeFileSync(join(dir, 'f'), ''), join(dir, 'f', 'x.csv')), /is not a folder/],
  ])('%s: exit 2, one line, no stack', async (_name, target, message) => {
    const dir = tempDir();
    const r = await runFinloc(['amortize', LOANS, '-o', target(dir)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stdout).toBe('');
  });

  test('a named pipe (FIFO): refused, still a FIFO afterwards', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await runFinloc(['amortize', LOANS, '-o', fifo]);
    expect([r.code, r.stderr]).toEqual([2, `finloc: -o ${fifo}: is a named pipe; expected a regular file or a new file name\n`]);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  test('a device node (a copy of /dev/null made with mknod in a temporary folder, as root): refused, still a device', async () => {
    const dir = tempDir();
    const node = join(dir, 'null');
    const made = spawnSync('mknod', [node, 'c', '1', '3']);
    if (made.status !== 0) {
      // Not root: mknod is refused, and the FIFO test above covers special files.
      expect(process.getuid?.()).not.toBe(0);
      return;
    }
    const r = await runFinloc(['amortize', LOANS, '-o', node]);
    expect([r.code, r.stderr]).toEqual([2, `finloc: -o ${node}: is a device; expected a regular file or a new file name\n`]);
    expect(lstatSync(node).isCharacterDevice()).toBe(true);
  });

  test('a read-only folder: refused with one line, nothing created', async () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    // As root, permissions do not stop writing: the immutable attribute does.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) expect(spawnSync('chattr', ['+i', locked]).status).toBe(0);
    try {
      const r = await runFinloc(['amortize', LOANS, '-o', join(locked, 'x.csv')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^finloc: -o .*locked\/x\.csv: cannot (write in the folder|create a file in) .*locked.*\n$/);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      if (asRoot) spawnSync('chattr', ['-i', locked]);
    }
  });

  test('--errors and -o naming the same file: refused before anything is written', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    const r = await runFinloc(['amortize', LOANS, '--skip-invalid', '--errors', out, '-o', out]);
    expect([r.code, r.stderr]).toEqual([2, `finloc: --errors ${out}: -o already writes to that file; give two different files\n`]);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('an existing regular file is replaced only when the run succeeds', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'old');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'line_id,principal\nx,abc\n');
    expect((await runFinloc(['amortize', bad, '-o', out])).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect((await runFinloc(['amortize', LOANS, '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^line_id,number,due_date/);
    expect(readdirSync(dir).sort()).toEqual(['bad.csv', 'out.csv']);
  });
});

/** A portfolio that runs for a while and is read in many slices: fixed-rate monthly lines of `periods` months. */
function bigPortfolio(dir: string, lines: number, periods = 360): string {
  let text = 'line_id,principal,first_due_date,periods,periodicity,rate_pct\n';
  for (let i = 0; i < lines; i++) text += `L${i},${100000 + i}.00,2027-01-15,${periods},monthly,3.5\n`;
  const path = join(dir, 'big.csv');
  writeFileSync(path, text);
  return path;
}

describe('the process: signals, closed pipes, full disks (the built command, dist/bin/finloc.js)', () => {
  test('--version and -V print the version of package.json', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    for (const flag of ['--version', '-V']) {
      const r = spawnSync(process.execPath, [BIN, flag], { encoding: 'utf8' });
      expect([r.status, r.stdout]).toEqual([0, version + '\n']);
    }
  });

  test.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s in the middle of a large run leaves no file behind', async (signal) => {
    const dir = tempDir();
    const input = bigPortfolio(dir, 40_000, 36);
    const child = spawn(process.execPath, [BIN, 'amortize', input, '-o', join(dir, 'out.csv'), '--threads', '0'], { stdio: 'ignore' });
    // Wait until the temporary file holds some tables (the run is under way), then interrupt.
    const temporary = () => readdirSync(dir).find((n) => n.endsWith('.tmp'));
    const written = () => (temporary() ? statSync(join(dir, temporary()!)).size : 0);
    const started = Date.now();
    while (written() < 100_000 && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 5));
    expect(written()).toBeGreaterThanOrEqual(100_000);
    child.kill(signal);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(128 + constants.signals[signal]);
    expect(readdirSync(dir)).toEqual(['big.csv']);
  }, 60_000);

  test('| head -1: the run ends quietly (status 141, as the shell\'s own tools), no stack trace', () => {
    const dir = tempDir();
    const input = bigPortfolio(dir, 2000);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" amortize "${input}" 2>"${dir}/err" | head -1; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout).toBe('line_id,number,due_date,rate_pct,payment,amortisation,interest,deferred_interest,capital_after,deferred_stock\n141\n');
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('');
  }, 60_000);

  test('a full disk (/dev/full): one line, status 74, no stack trace', () => {
    if (!existsSync('/dev/full') || !statSync('/dev/full').isCharacterDevice()) {
      expect(process.platform).not.toBe('linux');
      return;
    }
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" amortize "${example('cdc-180000.csv')}" >/dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(74);
    expect(r.stderr).toMatch(/^finloc: cannot write to standard output: .*ENOSPC.*\n$/);
  });
});
