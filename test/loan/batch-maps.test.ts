import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./fixtures/batch-maps-survive.mjs', import.meta.url));

describe('batches one after another (src/loan/portfolio.ts)', () => {
  // Speed, not figures: a full garbage collection between two batches threw away the optimised row loop when the
  // batch's reader and writer had died with it (`node --trace-deopt`: « weak objects »), 2 runs in 3 on the small book.
  test('a full garbage collection between two batches keeps the row loop optimised', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--allow-natives-syntax', '--no-concurrent-recompilation', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ rows: 40 * 25, problems: 0, before: true, after: true });
  });
});
