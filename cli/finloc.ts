#!/usr/bin/env node
import { runCli } from './main.js';
import { removeTemporaryFiles } from './output.js';
import { EXIT_OUTPUT_FAILED, EXIT_PIPE_CLOSED } from './skeleton.js';

// A signal ends the run without litter: temporary files are removed, then the
// signal is raised again so that the shell sees the conventional status (128 + n).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    removeTemporaryFiles();
    process.kill(process.pid, signal);
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
  write(chunk: string | Uint8Array): boolean {
    if (stdoutFailure) throw stdoutFailure;
    return process.stdout.write(chunk);
  },
  once(event: 'drain', listener: () => void) {
    process.stdout.once(event, listener);
  },
};

runCli(process.argv.slice(2), {
  stdout,
  stderr: process.stderr,
  stderrIsTty: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
}).then((code) => {
  // Wait until standard output has taken everything, to know whether it failed.
  process.stdout.write('', () => {
    if (stdoutFailure && code !== EXIT_PIPE_CLOSED) {
      process.stderr.write(`finloc: cannot write to standard output: ${stdoutFailure.code ?? stdoutFailure.message}\n`);
      process.exitCode = EXIT_OUTPUT_FAILED;
    } else process.exitCode = code;
  });
});
