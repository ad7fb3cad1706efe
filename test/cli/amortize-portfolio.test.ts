import { describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runFinloc, tempDir, writeFile } from '../helpers/cli.js';
import { runCli } from '../../cli/main.js';
import { OrderedPool } from '../../cli/amortize/pool.js';
import { loanLineArb } from '../helpers/loan-arbitraries.js';
import { loansCsv } from '../helpers/portfolio-csv.js';
import { amortize } from '../../src/loan/schedule.js';
import { renderSchedules } from '../../src/loan/render.js';
import { bundledLivretA } from '../helpers/loan-arbitraries.js';

// 1 200 random lines (unique ids), every profile and mode, on the bundled Livret A history.
const lines = fc.sample(loanLineArb({ maxPeriods: 40 }), { seed: 7, numRuns: 1200 }).map((l, i) => ({ ...l, lineId: `L${i + 1}` }));
const history = bundledLivretA();

describe('finloc amortize on a portfolio', () => {
  const dir = tempDir();
  const file = writeFile(dir, 'portfolio.csv', loansCsv(lines));

  test.each(['csv', 'csv-fr', 'json'])('%s: streamed, with 0 and 2 worker threads, to standard output and to a file, the same bytes as the Decimal core rendered whole', async (format) => {
    const expected = renderSchedules(lines.map((l) => amortize(l, { index: history })), format as 'csv');
    const single = await runFinloc(['amortize', file, '--format', format, '--threads', '0']);
    const parallel = await runFinloc(['amortize', file, '--format', format, '--threads', '2']);
    // To a file, in one thread: each batch's buffer goes back to the run once written, for a later batch.
    const out = join(dir, `one-thread.${format}`);
    const toFile = await runFinloc(['amortize', file, '--format', format, '--threads', '0', '-o', out]);
    expect(toFile.code).toBe(0);
    expect(readFileSync(out, 'utf8') === expected).toBe(true);
    expect(single.code).toBe(0);
    expect(parallel.code).toBe(0);
    expect(single.stdout === expected).toBe(true);
    expect(parallel.stdout === expected).toBe(true);
    expect(parallel.stderr).toMatch(/finloc: 1200 lines, \d+ rows in [\d.]+ s/);
  }, 300_000);

  test('an error deep in the file is reported with its line number, and no output file is written', async () => {
    const text = loansCsv(lines).split('\n');
    text[1001] = text[1001]!.replace(/^L1001,[^,]+,/, 'L1001,12x4,'); // file line 1002
    const bad = writeFile(dir, 'bad.csv', text.join('\n'));
    const out = join(dir, 'out.csv');
    const r = await runFinloc(['amortize', bad, '--threads', '2', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finloc: ${bad}:1002:2 (principal): expected an amount such as 569 627,00 or 569627.00, got "12x4"\n`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('out.csv'))).toEqual([]);

    const errors = join(dir, 'errors.txt');
    const skipped = await runFinloc(['amortize', bad, '--threads', '2', '-o', out, '--skip-invalid', '--errors', errors]);
    expect(skipped.code).toBe(0);
    expect(readFileSync(errors, 'utf8')).toBe(`${bad}:1002:2 (principal): expected an amount such as 569 627,00 or 569627.00, got "12x4"\n`);
    const written = readFileSync(out, 'utf8');
    expect(written).not.toContain('\nL1001,');
    expect(written).toContain('\nL1002,1,');
  }, 300_000);

  test('progress shows on a terminal only', async () => {
    const tty = await runFinloc(['amortize', file, '-o', join(dir, 'p.csv')], { tty: true });
    const pipe = await runFinloc(['amortize', file, '-o', join(dir, 'q.csv')], { tty: false });
    expect(pipe.stderr).not.toContain('\r');
    expect(tty.stderr).toMatch(/finloc: 1200 lines, \d+ rows in/);
  }, 300_000);
});

describe('finloc amortize to standard output: each batch’s buffer serves again once written', () => {
  test('through a stream that reads its chunks later (a pipe), one thread: the same bytes, and fewer buffers than batches', async () => {
    // Five times the lines (distinct ids): several slices of 64 KiB, so several batches.
    const book = [0, 1, 2, 3, 4].flatMap((k) => lines.map((l) => ({ ...l, lineId: `${l.lineId}-${k}` })));
    const file = writeFile(tempDir(), 'portfolio.csv', loansCsv(book));
    // What a standard output that copies each chunk at once receives (the test helper's).
    const expected = (await runFinloc(['amortize', file, '--threads', '0'])).stdout;
    let text = '';
    const buffers = new Set<ArrayBufferLike>();
    let batches = 0;
    // The reader takes each chunk only when the next one comes, then calls back (a pipe's reader, one chunk
    // behind): a buffer given back before its callback would be overwritten by the next batch before it is read.
    let unread: { chunk: string | Uint8Array; done?: (error?: Error | null) => void } | undefined;
    const read = () => {
      if (unread === undefined) return;
      const { chunk, done } = unread;
      unread = undefined;
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      done?.();
    };
    const stdout = {
      write(chunk: string | Uint8Array, done?: (error?: Error | null) => void) {
        if (typeof chunk !== 'string' && chunk.length > 10_000) {
          batches++;
          buffers.add(chunk.buffer);
        }
        read();
        unread = { chunk, done };
        return true;
      },
    };
    const code = await runCli(['amortize', file, '--threads', '0'], { stdout, stderr: { write: () => true }, stderrIsTty: false, cwd: process.cwd() });
    expect(code).toBe(0);
    read();
    expect(text === expected).toBe(true);
    expect(batches).toBeGreaterThan(3);
    // Each batch's buffer is back once read, for the batch after next: two buffers serve them all.
    expect(buffers.size).toBeLessThanOrEqual(2);
  }, 300_000);
});

describe('finloc amortize --format json: batches sized for the output buffer', () => {
  test('each batch’s JSON fits the 4 MB buffer a batch writes into (slices of 64 KiB gave 9 to 10 MB, buffers doubled)', async () => {
    const book = [0, 1, 2, 3, 4].flatMap((k) => lines.map((l) => ({ ...l, lineId: `${l.lineId}-${k}` })));
    const file = writeFile(tempDir(), 'portfolio.csv', loansCsv(book));
    const buffers: number[] = [];
    let text = '';
    const stdout = {
      write(chunk: string | Uint8Array, done?: (error?: Error | null) => void) {
        if (typeof chunk !== 'string') buffers.push(chunk.buffer.byteLength);
        text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        done?.();
        return true;
      },
    };
    const code = await runCli(['amortize', file, '--threads', '0', '--format', 'json'], { stdout, stderr: { write: () => true }, stderrIsTty: false, cwd: process.cwd() });
    expect(code).toBe(0);
    expect((JSON.parse(text) as { lines: unknown[] }).lines).toHaveLength(book.length);
    expect(buffers.length).toBeGreaterThan(3);
    expect(Math.max(...buffers)).toBeLessThanOrEqual(4 << 20);
  }, 300_000);
});

describe('finloc amortize with worker threads: each batch’s buffer goes back to its worker once written', () => {
  test.each([
    ['standard output', [] as string[]],
    ['a workbook (its rows decoded into cells)', ['-o', 'book.xlsx']],
  ])('%s', async (_, output) => {
    const dir = tempDir();
    const book = [0, 1, 2, 3, 4].flatMap((k) => lines.map((l) => ({ ...l, lineId: `${l.lineId}-${k}` })));
    const file = writeFile(dir, 'portfolio.csv', loansCsv(book));
    const recycle = vi.spyOn(OrderedPool.prototype, 'recycle');
    let batches = 0;
    const stdout = {
      write(chunk: string | Uint8Array, done?: (error?: Error | null) => void) {
        if (typeof chunk !== 'string' && chunk.length > 10_000) batches++;
        setImmediate(() => done?.());
        return true;
      },
    };
    try {
      const code = await runCli(['amortize', file, '--threads', '2', ...output], { stdout, stderr: { write: () => true }, stderrIsTty: false, cwd: dir });
      await new Promise((resolve) => setImmediate(resolve));
      expect(code).toBe(0);
      // One batch a slice of 64 KiB: several, each one's buffer handed back (to standard output: as many as were written).
      expect(recycle.mock.calls.length).toBeGreaterThan(3);
      if (output.length === 0) expect(recycle.mock.calls.length).toBe(batches);
    } finally {
      recycle.mockRestore();
    }
  }, 300_000);
});
