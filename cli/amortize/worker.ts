import { parentPort, workerData } from 'node:worker_threads';
import { amortizeSlice } from '../../src/loan/portfolio.js';
import { type WorkerInit, contextFromInit } from './context.js';
import { OutputBuffers, batchOutcome, movedBuffers } from './batch.js';
import type { WorkerMessage } from './pool.js';

/**
 * A worker thread of a portfolio run: amortises the batches it is sent and
 * moves their output to the main thread, which gives each buffer back once
 * written; the next batch is written into it.
 */
const ctx = contextFromInit(workerData as WorkerInit);
const buffers = new OutputBuffers();
parentPort!.on('message', (message: WorkerMessage) => {
  if (message.kind === 'recycle') {
    buffers.giveBack(message.bytes);
    return;
  }
  try {
    const out = buffers.writer();
    const result = batchOutcome(amortizeSlice(message.bytes, message.firstLine, ctx, out));
    parentPort!.postMessage({ seq: message.seq, result }, movedBuffers(result));
  } catch (e) {
    parentPort!.postMessage({ seq: message.seq, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
