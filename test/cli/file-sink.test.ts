import { closeSync, existsSync, openSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';

// The file sink's writes go to libuv's thread pool at their offsets; a test can
// make the system's write short (fewer bytes than asked, as a signal or a pipe
// may) or fail (a full disk) through this switch.
const fault = vi.hoisted(() => ({ shortBy: 0, failAfterBytes: Infinity, failed: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  let handed = 0;
  const write = (fd: number, buf: Uint8Array, offset: number, length: number, position: number, cb: (e: NodeJS.ErrnoException | null, n: number) => void) => {
    handed += length;
    if (handed > fault.failAfterBytes) {
      fault.failed++;
      const e: NodeJS.ErrnoException = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return setImmediate(() => cb(e, 0));
    }
    // A short write: the system took only part of the bytes; the sink must send the rest at the right offset.
    const take = length > fault.shortBy + 1 ? length - fault.shortBy : length;
    return fs.write(fd, buf, offset, take, position, cb);
  };
  return { ...fs, default: { ...fs, write }, write };
});

const { InputRegistry, OutputFailure, fileSink } = await import('../../cli/output.js');

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  Object.assign(fault, { shortBy: 0, failAfterBytes: Infinity, failed: 0 });
});

function folder(): string {
  dir = mkdtempSync(join(tmpdir(), 'finloc-sink-'));
  return dir;
}

/** The descriptors this process holds on files of `folder` (a descriptor left open would hold a removed file's space). */
function openIn(folder: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(folder);
    } catch {
      return false;
    }
  }).length;
}

const chunk = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => ({ text: s })),
  fc.uint8Array({ maxLength: 3000 }).map((b) => ({ bytes: b })),
);

describe('fileSink: writes handed to the system as the run goes on, the file complete at commit', () => {
  test('any sequence of text and byte chunks, some of them written short, gives their bytes in order; each `written` once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chunk, { maxLength: 60 }), fc.integer({ min: 0, max: 7 }), async (chunks, shortBy) => {
        const d = folder();
        fault.shortBy = shortBy;
        const target = join(d, 'out.csv');
        const sink = fileSink('-o', 'out.csv', target, new InputRegistry());
        const calls = new Array<number>(chunks.length).fill(0);
        const expected: Buffer[] = [];
        // When `written` is called, the temporary file already holds the chunk at its offset (a worker may then reuse its buffer).
        const temporary = () => join(d, readdirSync(d).find((n) => n.endsWith('.tmp'))!);
        let held = true;
        let offset = 0;
        for (const [i, c] of chunks.entries()) {
          const data = 'text' in c ? c.text : c.bytes;
          const bytes = Buffer.from(data);
          const at = offset;
          offset += bytes.length;
          expected.push(bytes);
          await sink.write(data, () => {
            calls[i]!++;
            held &&= readFileSync(temporary()).subarray(at, at + bytes.length).equals(bytes);
          });
        }
        await sink.commit();
        expect(readFileSync(target).equals(Buffer.concat(expected))).toBe(true);
        expect(calls.every((n) => n === 1)).toBe(true);
        expect(held).toBe(true);
        expect(readdirSync(d)).toEqual(['out.csv']);
        expect(openIn(d)).toBe(0);
        rmSync(d, { recursive: true, force: true });
      }),
      { numRuns: 60 },
    );
  });

  test('more than the bytes allowed in flight: write asks to wait, and the whole output is there at commit', async () => {
    const d = folder();
    const target = join(d, 'big.csv');
    const sink = fileSink('-o', 'big.csv', target, new InputRegistry());
    const piece = new Uint8Array(1 << 20).map((_, i) => i % 251);
    let waited = 0;
    for (let i = 0; i < 40; i++) {
      const w = sink.write(piece.slice());
      if (w instanceof Promise) waited++;
      await w;
    }
    await sink.commit();
    const bytes = readFileSync(target);
    expect(bytes.length).toBe(40 << 20);
    expect(bytes.subarray(39 << 20).equals(Buffer.from(piece))).toBe(true);
    // 16 MB in flight at most: at least one of the forty 1 MB writes had to wait.
    expect(waited).toBeGreaterThan(0);
  });

  test('a full disk: the next write or the commit fails with the reason in words; no file left, the descriptor closed', async () => {
    const d = folder();
    const target = join(d, 'out.csv');
    writeFileSync(target, 'the previous output\n');
    fault.failAfterBytes = 5000;
    const sink = fileSink('-o', 'out.csv', target, new InputRegistry());
    const outcome = (async () => {
      for (let i = 0; i < 100; i++) await sink.write('x'.repeat(1000) + '\n');
      await sink.commit();
    })();
    await expect(outcome).rejects.toThrow(OutputFailure);
    await expect(outcome).rejects.toThrow('cannot write out.csv: no space left on the device');
    sink.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fault.failed).toBeGreaterThan(0);
    // The target keeps its previous content: the temporary file is gone, never renamed.
    expect(readdirSync(d)).toEqual(['out.csv']);
    expect(readFileSync(target, 'utf8')).toBe('the previous output\n');
    expect(openIn(d)).toBe(0);
  });

  test('aborted while writes are in flight: the temporary file is removed at once, its descriptor closed when they end', async () => {
    const d = folder();
    const target = join(d, 'out.csv');
    const sink = fileSink('-o', 'out.csv', target, new InputRegistry());
    const pieces = Array.from({ length: 15 }, () => new Uint8Array(1 << 20).fill(120));
    let written = 0;
    for (const piece of pieces) void sink.write(piece, () => written++);
    sink.abort();
    // A file opened right after may get the number of a descriptor closed too early: the writes still queued would land in it.
    const other = join(d, 'other.csv');
    const otherFd = openSync(other, 'w');
    try {
      expect(readdirSync(d)).toEqual(['other.csv']);
      expect(() => sink.write('late')).toThrow(OutputFailure);
      await vi.waitFor(() => expect(written).toBe(pieces.length));
      await vi.waitFor(() => expect(openIn(d)).toBe(1));
      expect(readFileSync(other).length).toBe(0);
      expect(existsSync(target)).toBe(false);
    } finally {
      closeSync(otherFd);
    }
  });
});
