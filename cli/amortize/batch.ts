import type { BatchResult } from '../../src/loan/portfolio.js';
import { ByteWriter } from '../../src/output/byte-writer.js';
import { type PackedLineIds, packLineIds } from './line-ids.js';

/** A batch's output buffer, when no buffer came back: a slice of 64 KiB gives about 1,8 MB of csv (read-slices.ts). */
const BATCH_OUTPUT_BYTES = 1 << 22;

/**
 * The output buffers of batches written to a file, given back once the file
 * holds their bytes, for the next batches to write into: a fresh buffer each
 * batch, freed only when the garbage collector came by, kept a run about
 * 45 MB higher at 100 000 lines (docs/performance.md). At most `keep` wait.
 */
export class OutputBuffers {
  private readonly spare: Uint8Array[] = [];

  constructor(private readonly keep = Infinity) {}

  /** A writer over a buffer given back, or over a fresh one. */
  writer(): ByteWriter {
    return new ByteWriter(this.spare.pop() ?? BATCH_OUTPUT_BYTES);
  }

  /** A batch's bytes, written: their whole buffer serves again. */
  giveBack(bytes: Uint8Array): void {
    if (this.spare.length < this.keep) this.spare.push(new Uint8Array(bytes.buffer));
  }
}

/** Plausibility warnings a batch hands over, at most: the run prints 20 in all and counts the rest. */
export const WARNINGS_SHOWN = 20;

/**
 * What the main thread takes from a batch: its result with the line_ids
 * packed (numbers as doubles in a buffer moved, not copied) and only the
 * warnings that can be printed. Every line_id and warning of a million-line
 * run, cloned into the main thread one object at a time, made its young
 * generation grow from 8 to 34 MB (docs/performance.md).
 */
export interface BatchOutcome extends Omit<BatchResult, 'lineIds' | 'lineNumbers'> {
  readonly ids: PackedLineIds;
  /** All the batch's warnings, of which `warnings` holds the first `WARNINGS_SHOWN`. */
  readonly warningCount: number;
}

export function batchOutcome(result: BatchResult): BatchOutcome {
  const { lineIds, lineNumbers, warnings, ...rest } = result;
  return { ...rest, warnings: warnings.length > WARNINGS_SHOWN ? warnings.slice(0, WARNINGS_SHOWN) : warnings, warningCount: warnings.length, ids: packLineIds(lineIds, lineNumbers) };
}

/** The buffers a batch's outcome moves to the main thread. */
export function movedBuffers(outcome: BatchOutcome): ArrayBuffer[] {
  return [outcome.bytes.buffer as ArrayBuffer, outcome.ids.keys.buffer as ArrayBuffer, outcome.ids.lines.buffer as ArrayBuffer];
}
