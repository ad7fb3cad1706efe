import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeText } from '../src/csv/decode.js';
import { InputError } from '../src/errors.js';
import { InputRegistry, type StdoutLike } from './output.js';
import type { RunSettings } from './skeleton.js';
export type { OutputSink } from './output.js';

/** Where a command reads and writes: the process's streams, or a test's buffers. */
export interface CliIo {
  /** `once('drain')`, when present, lets long outputs wait for a slow reader instead of filling memory. */
  readonly stdout: StdoutLike;
  readonly stderr: { write(text: string): unknown };
  /** True when stderr is a terminal: only then is progress shown. */
  readonly stderrIsTty: boolean;
  /** True when stdout is a terminal: a workbook is never written there. */
  readonly stdoutIsTty?: boolean;
  readonly cwd: string;
  /** The program's options (--debug, --quiet, --strict-columns), set when the command line is read. */
  settings?: RunSettings;
  /** The files the run reads, so that no output lands on one of them. */
  inputs?: InputRegistry;
}

export function resolvePath(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

/** Reads a user's file as bytes, recorded as an input of the run; a missing or unreadable file is one problem naming it. */
export function readInputBytes(io: CliIo, path: string): Buffer {
  try {
    const bytes = readFileSync(resolvePath(io, path));
    io.inputs?.add(resolvePath(io, path));
    return bytes;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : `cannot be read (${code ?? String(e)})`;
    throw new InputError([{ file: path, message: why }]);
  }
}

/** Reads a user's file as text (UTF-8 with or without BOM, or Windows-1252). */
export function readTextFile(io: CliIo, path: string): string {
  const bytes = readInputBytes(io, path);
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new InputError([{ file: path, ...decoded.problem }]);
  return decoded.text;
}

export { bundledDataPath, packageRoot } from '../node/package-data.js';
