import { describe, expect, test } from 'vitest';
import { eventLoopTurns } from '../../cli/event-loop.js';

/** Busy for `ms` milliseconds, as a scan or a batch is. */
const busy = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

describe('eventLoopTurns: a long stretch of work lets timers (and signals) through', () => {
  test('a timer due during 300 ms of work runs before the work ends', async () => {
    const turn = eventLoopTurns(100);
    let ranAfterMs: number | undefined;
    const start = Date.now();
    setTimeout(() => (ranAfterMs = Date.now() - start), 0);
    while (Date.now() - start < 300) {
      busy(5);
      await turn();
    }
    // Awaiting promises alone (microtasks), the timer would only run after the loop.
    expect(ranAfterMs).toBeDefined();
    expect(ranAfterMs!).toBeLessThan(300);
  });

  test('between turns it gives nothing to wait for', () => {
    const turn = eventLoopTurns(100);
    expect(turn()).toBeUndefined();
    busy(120);
    expect(turn()).toBeInstanceOf(Promise);
  });
});
