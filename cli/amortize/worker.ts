import { parentPort, workerData } from 'node:worker_threads';
import { amortizeSlice } from '../../src/loan/portfolio.js';
import { ByteWriter } from '../../src/output/byte-writer.js';
import { type WorkerInit, contextFromInit } from './context.js';
import { BATCH_OUTPUT_BYTES, batchOutcome, movedBuffers } from './batch.js';
import type { WorkerMessage } from './pool.js';


/**
 * A worker thread of a portfolio run: amortises the batches it is sent and
 * moves their output to the main thread, which gives each buffer back once
 * written; the next batch is written into it. A fresh buffer each batch,
 * freed only when the main thread collected, kept the run about 45 MB higher
 * at 100 000 lines (docs/performance.md).
 */
const ctx = contextFromInit(workerData as WorkerInit);
const spare: Uint8Array[] = [];
parentPort!.on('message', (message: WorkerMessage) => {
  if (message.kind === 'recycle') {
    spare.push(message.bytes);
    return;
  }
  try {
    const out = new ByteWriter(spare.pop() ?? BATCH_OUTPUT_BYTES);
    const result = batchOutcome(amortizeSlice(message.bytes, message.firstLine, ctx, out));
    parentPort!.postMessage({ seq: message.seq, result }, movedBuffers(result));
  } catch (e) {
    parentPort!.postMessage({ seq: message.seq, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
