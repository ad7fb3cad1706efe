import type { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../io.js';
import type { WorkerInit } from './context.js';
import type { BatchOutcome } from './batch.js';

/**
 * The compiled worker script. In the shipped bundle (dist/bin/, see
 * scripts/bundle.mjs) and in the compiled tree it sits beside this code;
 * from the sources (tests), the compiled tree's copy is used.
 */
export function workerScript(): string | undefined {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = join(packageRoot(), 'dist', 'cli', 'amortize', 'worker.js');
  return existsSync(built) ? built : undefined;
}

/**
 * A pool of `size` worker threads. node:worker_threads is loaded here, when a
 * run uses threads: loaded with the command, it was 3,4 ms of every
 * one-thread run's start (docs/performance.md).
 */
export async function startPool(script: string, size: number, init: WorkerInit): Promise<OrderedPool> {
  const { Worker } = await import('node:worker_threads');
  return new OrderedPool(Worker, script, size, init);
}

/** What the main thread sends a worker: a slice to amortise, or an output buffer given back once written. */
export type WorkerMessage = { kind: 'slice'; seq: number; bytes: Uint8Array; firstLine: number } | { kind: 'recycle'; bytes: Uint8Array };

/** Buffers smaller than this are not worth a message back. */
const RECYCLED_FROM_BYTES = 1 << 16;

/**
 * Worker threads that amortise batches; results come back in the order the
 * batches were sent, whatever thread finishes first, so the output is the
 * same bytes as a single-threaded run.
 */
export class OrderedPool {
  private readonly workers: Worker[];
  /** Batches sent and not yet back, with the worker that has each. */
  private readonly pending = new Map<number, { worker: number; resolve: (r: BatchOutcome) => void; reject: (e: Error) => void }>();
  private next = 0;
  /** The worker each output buffer came from, to give it back there. */
  private readonly ownerOf = new WeakMap<ArrayBuffer, Worker>();
  private failure: Error | undefined;
  private closing = false;

  constructor(WorkerThread: typeof Worker, script: string, size: number, init: WorkerInit) {
    this.workers = Array.from({ length: size }, () => {
      // Bounded heaps keep the whole run under its memory target; the caches of the hot path fit well within.
      const w = new WorkerThread(script, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } });
      w.on('message', (m: { seq: number; result?: BatchOutcome; error?: string }) => {
        const p = this.pending.get(m.seq);
        if (!p) return;
        this.pending.delete(m.seq);
        if (m.error !== undefined) p.reject(new Error(`worker: ${m.error}`));
        else {
          this.ownerOf.set(m.result!.bytes.buffer as ArrayBuffer, w);
          p.resolve(m.result!);
        }
      });
      // A worker that dies (out of memory, a crash) fails the run with one message: every batch waiting and every
      // batch sent after it is refused, so that nothing waits for a thread that is gone.
      w.on('error', (e) => this.fail(`a worker thread stopped: ${e.message}`));
      w.on('exit', (code) => {
        if (!this.closing && code !== 0) this.fail(`a worker thread stopped (exit code ${code})`);
      });
      return w;
    });
  }

  /**
   * Sends a slice of records to the worker with the fewest batches in hand,
   * the next in turn among equals (its bytes are moved, not copied); the
   * promise settles with its result. Sent in turn whatever their load, a
   * worker whose batch was long kept the batches behind it while the other
   * waited for work: on the 100 000-line benchmark a worker's idle time went
   * from 48 to 18 ms of 3,9 s (means of 6; docs/performance.md). Which
   * worker amortises a batch never changes its bytes.
   */
  submit(bytes: Uint8Array, firstLine: number): Promise<BatchOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.next++;
    const index = this.leastBusy(seq % this.workers.length);
    const worker = this.workers[index]!;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { worker: index, resolve, reject });
      const message: WorkerMessage = { kind: 'slice', seq, bytes, firstLine };
      worker.postMessage(message, [bytes.buffer as ArrayBuffer]);
    });
  }

  /** The worker with the fewest batches in hand (a few: the run keeps two a thread in flight), searched from `first` on, so that equals take turns. */
  private leastBusy(first: number): number {
    const inHand = this.workers.map(() => 0);
    for (const p of this.pending.values()) inHand[p.worker]!++;
    let best = first;
    for (let k = 1; k < this.workers.length; k++) {
      const i = (first + k) % this.workers.length;
      if (inHand[i]! < inHand[best]!) best = i;
    }
    return best;
  }

  /**
   * Gives a result's output buffer back to the worker that wrote it, for its
   * next batch: only once the bytes are written and nothing holds them, since
   * the buffer is moved (the view becomes empty here).
   */
  recycle(bytes: Uint8Array): void {
    const buffer = bytes.buffer as ArrayBuffer;
    const worker = this.ownerOf.get(buffer);
    if (worker === undefined || buffer.byteLength < RECYCLED_FROM_BYTES) return;
    this.ownerOf.delete(buffer);
    const message: WorkerMessage = { kind: 'recycle', bytes: new Uint8Array(buffer) };
    worker.postMessage(message, [buffer]);
  }

  private fail(message: string): void {
    this.failure ??= new Error(message);
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
