import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { runFinloc, tempDir } from '../helpers/cli.js';

/**
 * The shipped command (scripts/bundle.mjs): a launcher, dist/bin/finloc.js,
 * runs one CommonJS bundle with V8's code cache; the charts' libraries and
 * the worker thread are bundles of their own. Each test runs the built
 * files and compares with the same run in process, from the sources.
 */
const ROOT = resolve('.');
const BIN = join(ROOT, 'dist/bin/finloc.js');
const CDC = join(ROOT, 'data/examples/cdc-180000.csv');
const bin = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });

describe('the shipped command', () => {
  // In a process of its own: the launcher sets a V8 flag, and V8 takes a cache only under the flags it was made with.
  test("V8 takes the build's code cache for the bundle, compiled as the launcher compiles it", () => {
    const check = `
      require('node:v8').setFlagsFromString('--verify-snapshot-checksum');
      const { readFileSync } = require('node:fs');
      const bundle = ${JSON.stringify(join(ROOT, 'dist/bin/finloc.cjs'))};
      const script = new (require('node:vm').Script)(readFileSync(bundle, 'latin1'), { filename: bundle, cachedData: readFileSync(bundle + '.cache') });
      process.stdout.write(String(script.cachedDataRejected));`;
    const run = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('false');
  });

  test('a damaged code cache is rejected, and the run goes on from the source', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dist'));
    cpSync(join(ROOT, 'dist/bin'), join(dir, 'dist/bin'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(ROOT, 'data'), join(dir, 'data'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const cache = join(dir, 'dist/bin/finloc.cjs.cache');
    const bytes = readFileSync(cache);
    // Past the header (version, flags, length: checked without the flag), in the compiled functions: 4 bytes in 4 KiB.
    for (let at = 1 << 12; at + 4 < bytes.length; at += 1 << 12) bytes.fill(0xff, at, at + 4);
    writeFileSync(cache, bytes);
    const run = spawnSync(process.execPath, [join(dir, 'dist/bin/finloc.js'), 'amortize', CDC, '--format', 'csv-fr'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(bin(['amortize', CDC, '--format', 'csv-fr']).stdout);
  });

  // An ES module as the first file makes Node load its ES module loader, 12 to 20 ms of every run (scripts/bundle.mjs).
  test("the launcher is CommonJS: Node's ES module loader is not loaded", () => {
    const dir = tempDir();
    const probe = join(dir, 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => process.stderr.write(process.moduleLoadList.filter((m) => m.includes('internal/modules/esm/')).join('\\n')));");
    const run = spawnSync(process.execPath, ['--require', probe, BIN, '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    // Node loads these few of the loader's modules for any program; running an ES module takes its module jobs.
    expect(run.stderr).not.toContain('esm/module_job');
    expect(run.stderr).not.toContain('esm/translators');
  });

  test('writes the csv-fr table of the CDC contract as the sources do', async () => {
    const run = bin(['amortize', CDC, '--format', 'csv-fr']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe((await runFinloc(['amortize', CDC, '--format', 'csv-fr'])).stdout);
  });

  // The bundles are written in ASCII, other characters as \uXXXX (comments, regular expressions, templates), and read
  // as Latin-1 by the launcher: the euro sign of a cell, the French of the titles must come out as from the sources.
  test('the bundles are ASCII, and a csv-fr export read through them gives the sources\' figures', async () => {
    for (const file of ['finloc.cjs', 'worker.cjs']) expect(/[^\x00-\x7f]/.test(readFileSync(join(ROOT, 'dist/bin', file), 'latin1'))).toBe(false);
    const dir = tempDir();
    const loans = join(dir, 'prêts.csv');
    const [header, line] = readFileSync(CDC, 'utf8').trimEnd().split('\n');
    writeFileSync(loans, '\ufeff' + header!.replace(/,/g, ';') + '\r\n' + line!.replace(/,/g, ';').replace('569627.00', '569 627,00 €').replace(';2.3;', ';2,3 %;').replace(';0.6;', ';0,6;') + '\r\n');
    const run = bin(['amortize', loans, '--format', 'csv-fr']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('755354,37');
    expect(run.stdout).toBe((await runFinloc(['amortize', loans, '--format', 'csv-fr'])).stdout);
    const bad = bin(['amortize', loans.replace('prêts', 'absent')]);
    expect(bad.stderr).toBe((await runFinloc(['amortize', loans.replace('prêts', 'absent')])).stderr);
  });

  // vega and vega-lite, bundled apart with vega-canvas's top-level await replaced (scripts/vega-canvas.cjs).
  test('writes the html report, its chart drawn, as the sources do', async () => {
    const run = bin(['amortize', CDC, '--format', 'html']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<svg');
    expect(run.stdout).toBe((await runFinloc(['amortize', CDC, '--format', 'html'])).stdout);
  });

  // exceljs, required from node_modules where the sources import() it.
  test('writes the xlsx workbook with the same cells as the sources', async () => {
    const dir = tempDir();
    expect(bin(['amortize', CDC, '-o', join(dir, 'bundle.xlsx')]).status).toBe(0);
    expect((await runFinloc(['amortize', CDC, '-o', join(dir, 'sources.xlsx')])).code).toBe(0);
    const cells = async (file: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(dir, file));
      return book.worksheets.map((sheet) => sheet.getSheetValues().map((row) => JSON.stringify(row)));
    };
    const bundled = await cells('bundle.xlsx');
    expect(bundled[0]!.length).toBeGreaterThan(25);
    expect(bundled).toEqual(await cells('sources.xlsx'));
  });

  // dist/bin/worker.js, the same launcher, runs worker.cjs.
  test('amortises in worker threads the same bytes as in one', () => {
    const dir = tempDir();
    const loans = join(dir, 'loans.csv');
    const line = readFileSync(CDC, 'utf8').trimEnd().split('\n');
    const many = [line[0], ...Array.from({ length: 300 }, (_, i) => line[1]!.replace(/^\d+/, String(1000 + i)))].join('\n') + '\n';
    writeFileSync(loans, many);
    const threads = bin(['amortize', loans, '--threads', '2']);
    const single = bin(['amortize', loans, '--threads', '0']);
    expect(threads.status).toBe(0);
    expect(threads.stdout.split('\n').length).toBe(300 * 25 + 2);
    expect(threads.stdout).toBe(single.stdout);
  });
});
