import { InputError, formatProblem } from '../src/errors.js';
import type { CliIo, OutputSink } from './io.js';

/** Exit statuses shared by every command. */
export const EXIT_OK = 0;
/** A check mode found a figure that does not hold. */
export const EXIT_CHECK_FAILED = 1;
/** The input (file, column, option) is wrong. */
export const EXIT_BAD_INPUT = 2;
/** A bug of ours. */
export const EXIT_INTERNAL = 70;

/** Raised by a command on a bad option value, reported like an input problem. */
export class UsageError extends Error {}

/**
 * Runs a command's body with the shared error policy: one message per input
 * problem on stderr and status 2; no output file left behind.
 */
export async function runCommand(io: CliIo, body: () => Promise<number> | number, sink?: () => OutputSink | undefined): Promise<number> {
  try {
    return await body();
  } catch (e) {
    sink?.()?.abort();
    if (e instanceof InputError) {
      for (const p of e.problems) io.stderr.write(`finloc: ${formatProblem(p)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`finloc: ${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(`finloc: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_INTERNAL;
  }
}

/** Writes a whole document to its sink, then commits it; aborts on any failure. */
export function emit(sink: OutputSink, text: string): void {
  try {
    sink.write(text);
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}
