/**
 * A long stretch of work on the main thread lets the event loop turn (a
 * timer: an immediate is not enough for a signal) every `everyMs`
 * milliseconds, so that Ctrl-C or SIGTERM are handled (the temporary output
 * file removed) within that time rather than at the end of the stretch.
 * Between turns, a call costs a clock reading.
 *
 * @example
 * const turn = eventLoopTurns();
 * for (const chunk of chunks) { scan(chunk); await turn(); }
 */
export function eventLoopTurns(everyMs = 100): () => Promise<void> | undefined {
  let last = Date.now();
  return () => {
    if (Date.now() - last <= everyMs) return undefined;
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        last = Date.now();
        resolve();
      }, 0),
    );
  };
}
