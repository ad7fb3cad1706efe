import { describe, expect, test } from 'vitest';
import { stdoutSink } from '../../cli/output.js';

/** A standard output that keeps each chunk and its callback, as a pipe does until the reader took the bytes. */
function heldStdout() {
  const held: { chunk: string | Uint8Array; done?: (error?: Error | null) => void }[] = [];
  return { held, write: (chunk: string | Uint8Array, done?: (error?: Error | null) => void) => (held.push({ chunk, done }), true) };
}

describe('stdoutSink: `written` once standard output holds the bytes no more', () => {
  test('called after the stream calls back, not before; never when the write failed', () => {
    const stdout = heldStdout();
    const sink = stdoutSink(stdout);
    const calls: string[] = [];
    sink.write(new Uint8Array([65, 10]), () => calls.push('first'));
    sink.write(new Uint8Array([66, 10]), () => calls.push('second'));
    sink.write('C\n');
    expect(calls).toEqual([]);
    expect(sink.started).toBe(true);
    stdout.held[1]!.done!();
    stdout.held[0]!.done!(new Error('EPIPE'));
    expect(calls).toEqual(['second']);
    // A chunk given without `written` asks for no callback: nothing to call back.
    expect(stdout.held[2]!.done).toBeUndefined();
  });
});
