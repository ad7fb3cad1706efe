import type { CliIo, OutputSink } from './io.js';
import { reportFailure } from './skeleton.js';

export { EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_INTERNAL, EXIT_OK, UsageError } from './skeleton.js';

/**
 * Runs a command's body with the shared error policy (see `reportFailure`):
 * one message per input problem and status 2; no output file left behind.
 */
export async function runCommand(io: CliIo, body: () => Promise<number> | number, sink?: () => OutputSink | undefined): Promise<number> {
  try {
    return await body();
  } catch (e) {
    sink?.()?.abort();
    return reportFailure(io, e);
  }
}

/** Writes a whole document to its sink, then commits it; aborts on any failure. */
export function emit(sink: OutputSink, text: string): void {
  try {
    void sink.write(text);
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}
