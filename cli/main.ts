import { Command, CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { EXIT_BAD_INPUT } from './run.js';
import { registerAmortize } from './commands/amortize.js';
import { registerAllocate } from './commands/allocate.js';
import { registerRar } from './commands/rar.js';
import { registerGuarantee } from './commands/guarantee.js';
import { registerSubsidies } from './commands/subsidies.js';
import { registerLateInterest } from './commands/late-interest.js';

/** Every command, registered on a fresh program (one per run, so tests can run many). */
export function buildProgram(io: CliIo, setStatus: (code: number) => void): Command {
  const program = new Command('finloc')
    .description('Exact calculations for French local public finance')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) });
  registerAmortize(program, io, setStatus);
  registerAllocate(program, io, setStatus);
  registerRar(program, io, setStatus);
  registerGuarantee(program, io, setStatus);
  registerSubsidies(program, io, setStatus);
  registerLateInterest(program, io, setStatus);
  for (const c of program.commands) c.exitOverride();
  return program;
}

/** Runs finloc with the given arguments; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status = 0;
  const program = buildProgram(io, (code) => (status = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    throw e;
  }
  return status;
}
