import { describe, expect, test } from 'vitest';
import { startPool } from '../../cli/amortize/pool.js';
import type { WorkerInit } from '../../cli/amortize/context.js';
import { tempDir, writeFile } from '../helpers/cli.js';

// Worker scripts that fail as a worker of a real run might (out of memory, a crash): the pool must refuse every batch
// waiting and every batch sent after, with one message, so that the run ends with it instead of a stack trace or a hang.
const scripts = {
  throws: "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom'); });\n",
  exits: "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
};

describe('OrderedPool: a worker that stops fails the run, once', () => {
  test.each([
    ['throws', /^a worker thread stopped: boom$/],
    ['exits', /^a worker thread stopped \(exit code 3\)$/],
  ] as const)('a worker that %s', async (kind, message) => {
    const script = writeFile(tempDir(), `${kind}.mjs`, scripts[kind]);
    const pool = await startPool(script, 1, {} as WorkerInit);
    try {
      const first = pool.submit(new Uint8Array(8), 2);
      const second = pool.submit(new Uint8Array(8), 3);
      await expect(first).rejects.toThrow(message);
      await expect(second).rejects.toThrow(message);
      await expect(pool.submit(new Uint8Array(8), 4)).rejects.toThrow(message);
    } finally {
      await pool.close();
    }
  });
});

// A worker that answers after `firstLine` milliseconds, naming itself in `lines` (its thread id).
const answering =
  "import { parentPort, threadId } from 'node:worker_threads';\n" +
  "parentPort.on('message', (m) => { if (m.kind === 'slice') setTimeout(() => parentPort.postMessage({ seq: m.seq, result: { bytes: new Uint8Array(0), lines: threadId } }), m.firstLine); });\n";

describe('OrderedPool: a batch goes to the worker with the fewest batches in hand', () => {
  test('behind a long batch, the next ones go to the other worker', async () => {
    const pool = await startPool(writeFile(tempDir(), 'answering.mjs', answering), 2, {} as WorkerInit);
    try {
      const long = pool.submit(new Uint8Array(8), 400);
      const first = await pool.submit(new Uint8Array(8), 0);
      // The first worker still holds the long batch: in turn, the third batch would wait behind it.
      const rest = await Promise.all([pool.submit(new Uint8Array(8), 0), pool.submit(new Uint8Array(8), 0)]);
      const longer = await long;
      expect(first.lines).not.toBe(longer.lines);
      expect(rest.map((r) => r.lines)).toEqual([first.lines, first.lines]);
    } finally {
      await pool.close();
    }
  });

  test('equals take turns', async () => {
    const pool = await startPool(writeFile(tempDir(), 'answering.mjs', answering), 2, {} as WorkerInit);
    try {
      const results = await Promise.all([0, 1, 2, 3].map(() => pool.submit(new Uint8Array(8), 50)));
      const ids = results.map((r) => r.lines);
      expect(new Set(ids).size).toBe(2);
      expect(ids[0]).not.toBe(ids[1]);
    } finally {
      await pool.close();
    }
  });
});
