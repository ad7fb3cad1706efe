import { accessSync, closeSync, constants, fdatasync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, rmSync, statSync, write as writeLater, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where a command's output goes, and the guarantees a user is owed there:
 * an input is never overwritten, nothing but a regular file is ever
 * replaced, a file appears only when complete (a temporary file renamed at
 * the end), and no temporary file outlives the run, even on a signal.
 */

/** Exit status when the output could not be written (disk full, permissions…): sysexits EX_IOERR. */
export const EXIT_OUTPUT_FAILED = 74;
/** Exit status when the reader of standard output went away (`| head`): 128 + SIGPIPE, as the shell's own tools. */
export const EXIT_PIPE_CLOSED = 141;

/** A destination refused before the run starts: exit 2 with this message. */
export class OutputRefused extends Error {}

/** Writing failed once the run had started: exit 74 (or quietly 141 for a closed pipe). */
export class OutputFailure extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
  get pipeClosed(): boolean {
    return this.code === 'EPIPE' || this.code === 'ERR_STREAM_DESTROYED';
  }
}

/** What a system error code means, in words. */
export function systemReason(e: unknown): { code: string | undefined; words: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder',
    EPIPE: 'the reader closed the pipe',
    EIO: 'input/output error',
  };
  return { code, words: code && words[code] ? `${words[code]} (${code})` : code ?? (e instanceof Error ? e.message : String(e)) };
}

/** The identity of a file, whatever the spelling of its path (links, `./`, `..`). */
interface FileId {
  readonly dev: number;
  readonly ino: number;
}

const sameFile = (a: FileId, b: FileId) => a.dev === b.dev && a.ino === b.ino;

function idOf(path: string): FileId | undefined {
  try {
    const s = statSync(path);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return undefined;
  }
}

/**
 * The files a run has read or will read, so that no output lands on one of
 * them. Readers record each file as they open it; declared inputs are
 * recorded before the run starts.
 */
export class InputRegistry {
  private readonly files: { path: string; id: FileId }[] = [];
  add(path: string): void {
    const id = idOf(path);
    if (id && !this.files.some((f) => sameFile(f.id, id))) this.files.push({ path, id });
  }
  /** The input a path designates, if any. */
  match(path: string): string | undefined {
    const id = idOf(path);
    return id ? this.files.find((f) => sameFile(f.id, id))?.path : undefined;
  }
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Checks that `path` may receive an output: a regular file that is none of
 * the inputs, or a new file in an existing folder we may write in. Returns
 * the real path to write (a symbolic link is followed, not replaced).
 *
 * @example checkOutputPath('out.csv', '/home/me', inputs) // '/home/me/out.csv', or throws OutputRefused
 */
export function checkOutputPath(option: string, path: string, absolute: string, inputs: InputRegistry): string {
  if (path.trim() === '') throw new OutputRefused(`${option} '': expected a file name`);
  let target = absolute;
  let stats: Stats | undefined;
  try {
    stats = lstatSync(absolute);
  } catch {
    stats = undefined;
  }
  if (stats?.isSymbolicLink()) {
    try {
      target = realpathSync(absolute);
      stats = statSync(target);
    } catch {
      throw new OutputRefused(`${option} ${path}: a symbolic link to nothing; give the file itself`);
    }
  }
  if (stats && !stats.isFile()) throw new OutputRefused(`${option} ${path}: is ${kindOf(stats)}; expected a regular file or a new file name`);
  const input = stats ? inputs.match(target) : undefined;
  if (input !== undefined) throw new OutputRefused(`${option} ${path}: is the input file ${input}; the output would overwrite it. Give another file name`);
  const folder = dirname(target);
  let folderStats: Stats;
  try {
    folderStats = statSync(folder);
  } catch {
    throw new OutputRefused(`${option} ${path}: the folder ${folder} does not exist`);
  }
  if (!folderStats.isDirectory()) throw new OutputRefused(`${option} ${path}: ${folder} is not a folder`);
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new OutputRefused(`${option} ${path}: cannot write in the folder ${folder} (permission denied)`);
  }
  return target;
}

/** Temporary files of this process still open, removed on a signal (see {@link removeTemporaryFiles}). */
const liveTemporaryFiles = new Set<string>();

/** Removes every temporary file of the process; called on SIGINT, SIGTERM, SIGHUP before exiting. */
export function removeTemporaryFiles(): void {
  for (const path of liveTemporaryFiles) rmSync(path, { force: true });
  liveTemporaryFiles.clear();
}

/**
 * A destination for a command's output: standard output, or a file that
 * appears only when the whole output is written. On failure nothing is
 * left behind.
 */
export interface OutputSink {
  /**
   * Writes text or UTF-8 bytes; a promise when the writer should wait (a slow
   * reader, or too many bytes not yet on their way to a file). The caller
   * must not change the bytes afterwards; `written`, if given, is called once
   * the file or standard output holds them (nothing refers to them any more).
   */
  write(data: string | Uint8Array, written?: () => void): void | Promise<void>;
  /** Makes the output visible once every write is done (renames the temporary file). */
  commit(): void | Promise<void>;
  /** Drops whatever was written to a file. */
  abort(): void;
  /** True once something was written (to standard output, a script may already have read it). */
  readonly started: boolean;
}

/** Standard output, or a test's buffer. */
export interface StdoutLike {
  /** `done` is called once the chunk is written (a Writable's write callback), with the error if it failed. */
  write(chunk: string | Uint8Array, done?: (error?: Error | null) => void): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  /** The error standard output met, if any (they arrive as events, after the write). */
  failure?(): NodeJS.ErrnoException | undefined;
}

function stdoutFailure(stdout: StdoutLike): void {
  const e = stdout.failure?.();
  if (e === undefined) return;
  throw new OutputFailure(`cannot write to standard output: ${systemReason(e).words}`, e.code);
}

export function stdoutSink(stdout: StdoutLike): OutputSink {
  let started = false;
  return {
    write(t, written) {
      stdoutFailure(stdout);
      if (t.length > 0) started = true;
      // Written (the stream's callback), the bytes can serve again: a batch's buffer goes back to its worker.
      const done =
        written === undefined
          ? undefined
          : (e?: Error | null) => {
              if (!e) written();
            };
      if (stdout.write(t, done) === false && stdout.once) return new Promise<void>((resolve) => void stdout.once!('drain', resolve));
    },
    commit: () => stdoutFailure(stdout),
    abort: () => {},
    get started() {
      return started;
    },
  };
}

/**
 * Bytes written to a file between two flushes to the disk, each in the
 * thread pool while the run goes on, so that the final fsync finds little
 * left to write: on the small book of issue 17 (35 MB) the commit took
 * 24–33 ms with a flush every 64 MB, 12–17 ms every 8 MB (rename included).
 */
const SYNC_EVERY_BYTES = 8 << 20;
/** Bytes handed to the system and not yet written, above which the writer waits. */
const IN_FLIGHT_BYTES = 16 << 20;

/**
 * A file written through a temporary file in the same folder, renamed over
 * the target at commit, after a last check that the target has not become
 * one of the inputs read meanwhile.
 *
 * Writes go to libuv's thread pool at their offsets (pwrite), so that the
 * system's copy of the bytes runs on another core while the run computes
 * what follows: written synchronously it was 13 % of a one-thread run's
 * samples on the small book of issue 17 (`fs.WriteStream` does the same,
 * but one write at a time and with a stream's cost per chunk). A failure
 * (disk full) is thrown by the next write or by the commit.
 */
export function fileSink(option: string, path: string, target: string, inputs: InputRegistry): OutputSink {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o666);
  } catch (e) {
    throw new OutputRefused(`${option} ${path}: cannot create a file in ${dirname(target)}: ${systemReason(e).words}`);
  }
  liveTemporaryFiles.add(temp);
  const fail = (e: unknown): never => {
    throw failureOf(e);
  };
  let failure: unknown;
  let closed = false;
  let started = false;
  let offset = 0;
  let unsynced = 0;
  let inFlight = 0; // bytes (and flushes) handed to the system, not yet done
  let waiters: { when: () => boolean; wake: () => void }[] = [];
  // The descriptor is closed only when no write uses it any more: the system
  // could give its number to a file opened meanwhile.
  const closeWhenIdle = () => {
    closed = true;
    if (inFlight > 0 || fd === undefined) return;
    const f = fd;
    fd = undefined;
    closeSync(f);
  };
  const settle = () => {
    if (closed) closeWhenIdle();
    const waiting = waiters;
    waiters = [];
    for (const w of waiting) {
      if (w.when()) w.wake();
      else waiters.push(w);
    }
  };
  const until = (when: () => boolean): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const wake = () => (failure === undefined ? resolve() : reject(failureOf(failure)));
      if (when() || failure !== undefined) wake();
      else waiters.push({ when: () => when() || failure !== undefined, wake });
    });
  const send = (bytes: Uint8Array, from: number, at: number, written?: () => void) => {
    writeLater(fd!, bytes, from, bytes.length - from, at, (e, n) => {
      if (!e && from + n < bytes.length) return send(bytes, from + n, at + n, written);
      if (e) failure ??= e;
      inFlight -= bytes.length;
      if (!e) written?.();
      settle();
    });
  };
  return {
    write(data, written) {
      if (closed || fd === undefined) throw new OutputFailure(`cannot write ${path}: output already closed`, undefined);
      if (failure !== undefined) fail(failure);
      started = true;
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      if (bytes.length === 0) return void written?.();
      inFlight += bytes.length;
      send(bytes, 0, offset, written);
      offset += bytes.length;
      unsynced += bytes.length;
      // A large output goes to the disk as it is written, rather than all at
      // the final fsync (300 MB took 0,2 s there, the whole run waiting).
      if (unsynced >= SYNC_EVERY_BYTES) {
        unsynced = 0;
        inFlight++;
        fdatasync(fd, (e) => {
          if (e) failure ??= e;
          inFlight--;
          settle();
        });
      }
      if (inFlight >= IN_FLIGHT_BYTES) return until(() => inFlight < IN_FLIGHT_BYTES);
    },
    async commit() {
      try {
        await until(() => inFlight === 0);
        if (fd !== undefined) fsyncSync(fd);
        closeWhenIdle();
        const input = inputs.match(target);
        if (input !== undefined) throw new OutputRefused(`${option} ${path}: is the input file ${input}; the output would overwrite it. Give another file name`);
        renameSync(temp, target);
        liveTemporaryFiles.delete(temp);
      } catch (e) {
        this.abort();
        if (e instanceof OutputRefused || e instanceof OutputFailure) throw e;
        fail(e);
      }
    },
    abort() {
      try {
        closeWhenIdle();
      } catch {
        // The file is removed below whatever its state.
      }
      rmSync(temp, { force: true });
      liveTemporaryFiles.delete(temp);
    },
    get started() {
      return started;
    },
  };

  function failureOf(e: unknown): OutputFailure {
    const { code, words } = systemReason(e);
    return new OutputFailure(`cannot write ${path}: ${words}`, code);
  }
}
