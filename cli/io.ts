import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes } from '../src/csv/decode.js';
import { InputError } from '../src/errors.js';

/** Where a command reads and writes: the process's streams, or a test's buffers. */
export interface CliIo {
  /** `once('drain')`, when present, lets long outputs wait for a slow reader instead of filling memory. */
  readonly stdout: { write(chunk: string | Uint8Array): unknown; once?(event: 'drain', listener: () => void): unknown };
  readonly stderr: { write(text: string): unknown };
  /** True when stderr is a terminal: only then is progress shown. */
  readonly stderrIsTty: boolean;
  readonly cwd: string;
}

export function resolvePath(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

/** Reads a user's file as text (UTF-8 with or without BOM, or Windows-1252). */
export function readTextFile(io: CliIo, path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolvePath(io, path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot be read (${code ?? String(e)})`;
    throw new InputError([{ file: path, message: why }]);
  }
  return decodeBytes(bytes);
}

/**
 * A destination for a command's output: standard output, or a file that
 * appears only when the whole output is written (a temporary file in the
 * same folder, renamed at the end). On failure nothing is left behind.
 */
export interface OutputSink {
  /** Writes text or UTF-8 bytes; a promise when the reader is slow and the writer should wait. */
  write(data: string | Uint8Array): void | Promise<void>;
  /** Makes the output visible (renames the temporary file). */
  commit(): void;
  /** Drops whatever was written to a file. */
  abort(): void;
}

export function openOutput(io: CliIo, path: string | undefined): OutputSink {
  if (path === undefined || path === '-') {
    return {
      write: (t) => {
        if (io.stdout.write(t) === false && io.stdout.once) return new Promise<void>((resolve) => void io.stdout.once!('drain', resolve));
      },
      commit: () => {},
      abort: () => {},
    };
  }
  const target = resolvePath(io, path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined = openSync(temp, 'w');
  return {
    write(data) {
      if (fd === undefined) throw new Error('output already closed');
      if (typeof data === 'string') writeSync(fd, data);
      else for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
    },
    commit() {
      if (fd !== undefined) {
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
      }
      renameSync(temp, target);
    },
    abort() {
      if (fd !== undefined) {
        closeSync(fd);
        fd = undefined;
      }
      rmSync(temp, { force: true });
    },
  };
}

/** The project's root folder (where data/ lives), from the compiled or the source tree. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('finloc: cannot find the package folder (data/ is missing)');
}

export function bundledDataPath(name: string): string {
  return join(packageRoot(), 'data', name);
}
