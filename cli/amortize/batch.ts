import type { BatchResult } from '../../src/loan/portfolio.js';
import { type PackedLineIds, packLineIds } from './line-ids.js';

/** A batch's output buffer, when no buffer came back: a slice of 64 KiB gives about 1,8 MB of csv (read-slices.ts). */
export const BATCH_OUTPUT_BYTES = 1 << 22;

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
