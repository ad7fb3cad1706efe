#!/usr/bin/env node
import { constants } from 'node:os';
import { runCli } from './main.js';
import { removeTemporaryFiles, systemReason } from './output.js';
import { EXIT_OUTPUT_FAILED, EXIT_PIPE_CLOSED } from './skeleton.js';

// A signal ends the run without litter: temporary files are removed, then the
// process exits with the shell's conventional status, 128 + the signal's number
// (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP). Raising the signal again
// from its handler does not work in Node: its handler is still installed.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    removeTemporaryFiles();
    process.exit(128 + constants.signals[signal]);
  });
}

// Standard output's failures arrive as events: a closed pipe (`| head`) ends
// the run quietly; any other (a full disk) is one line and status 74.
let stdoutFailure: NodeJS.ErrnoException | undefined;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (stdoutFailure === undefined) {
    stdoutFailure = e;
    if (e.code === 'EPIPE') {
      removeTemporaryFiles();
      process.exit(EXIT_PIPE_CLOSED);
    }
  }
});
const stdout = {
  write(chunk: string | Uint8Array, done?: (error?: Error | null) => void): boolean {
    return process.stdout.write(chunk, done);
  },
  failure: () => stdoutFailure,
  // A writer waiting for 'drain' is woken by a failure too (a full disk never drains).
  once(event: 'drain', listener: () => void) {
    const wake = () => {
      process.stdout.off('drain', wake);
      process.stdout.off('error', wake);
      listener();
    };
    process.stdout.once(event, wake);
    process.stdout.once('error', wake);
  },
};

// A run whose promise never settles would otherwise end with status 0.
let finished = false;
process.on('exit', (code) => {
  if (!finished && code === 0) {
    process.stderr.write('finloc: internal error: the run stopped before its end — please report it with the command and files that caused it\n');
    process.exitCode = 70;
  }
});

runCli(process.argv.slice(2), {
  stdout,
  stderr: process.stderr,
  stderrIsTty: Boolean(process.stderr.isTTY),
  stdoutIsTty: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
}).then((code) => {
  finished = true;
  // Wait until standard output has taken everything, to know whether it failed.
  process.stdout.write('', () => {
    if (stdoutFailure && code !== EXIT_PIPE_CLOSED && code !== EXIT_OUTPUT_FAILED) {
      process.stderr.write(`finloc: cannot write to standard output: ${systemReason(stdoutFailure).words}\n`);
      process.exitCode = EXIT_OUTPUT_FAILED;
    } else process.exitCode = code;
  });
});
