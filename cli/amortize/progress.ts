import type { CliIo } from '../io.js';

/** Progress of a long run on stderr, a line rewritten in place — only on a terminal, never in a pipe. */
export class Progress {
  private lastShown = 0;
  private readonly started = Date.now();
  constructor(private readonly io: CliIo) {}

  update(lines: number, rows: number): void {
    if (!this.io.stderrIsTty) return;
    const now = Date.now();
    if (now - this.lastShown < 200) return;
    this.lastShown = now;
    const seconds = (now - this.started) / 1000;
    this.io.stderr.write(`\rfinloc: ${lines} lines, ${rows} rows, ${Math.round(rows / Math.max(seconds, 0.001))} rows/s\x1b[K`);
  }

  /** Clears the progress line and prints the summary (lines, rows, time). */
  finish(lines: number, rows: number): void {
    if (this.io.stderrIsTty && this.lastShown > 0) this.io.stderr.write('\r\x1b[K');
    const seconds = (Date.now() - this.started) / 1000;
    this.io.stderr.write(`finloc: ${lines} line${lines === 1 ? '' : 's'}, ${rows} rows in ${seconds.toFixed(2)} s\n`);
  }
}
