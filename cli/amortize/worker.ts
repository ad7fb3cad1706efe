import { parentPort, workerData } from 'node:worker_threads';
import { amortizeSlice } from '../../src/loan/portfolio.js';
import { type WorkerInit, contextFromInit } from './context.js';

/** A worker thread of a portfolio run: amortises the batches it is sent, returns their text. */
const ctx = contextFromInit(workerData as WorkerInit);
parentPort!.on('message', (message: { seq: number; bytes: Uint8Array; firstLine: number }) => {
  try {
    const result = amortizeSlice(message.bytes, message.firstLine, ctx);
    parentPort!.postMessage({ seq: message.seq, result }, [result.bytes.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ seq: message.seq, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
