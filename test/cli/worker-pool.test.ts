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
