import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { type CliIo, packageRoot } from './io.js';
import { InputRegistry } from './output.js';
import { EXIT_BAD_INPUT, type RunSettings, internalError } from './skeleton.js';
import { preloadWorkbooks } from './workbooks.js';

type Register = (program: Command, io: CliIo, setStatus: (code: number) => void) => void;

/**
 * Every command, in the order of `finloc --help`, each loaded only when the
 * run needs it: loading them all cost about 0,25 s of every run's start, a
 * third of `finloc amortize` on a book of 20 000 lines (docs/performance.md).
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['amortize', async () => (await import('./commands/amortize.js')).registerAmortize],
  ['allocate', async () => (await import('./commands/allocate.js')).registerAllocate],
  ['rar', async () => (await import('./commands/rar.js')).registerRar],
  ['guarantee', async () => (await import('./commands/guarantee.js')).registerGuarantee],
  ['subsidies', async () => (await import('./commands/subsidies.js')).registerSubsidies],
  ['late-interest', async () => (await import('./commands/late-interest.js')).registerLateInterest],
  ['ca', async () => (await import('./commands/ca.js')).registerCa],
  ['share', async () => (await import('./commands/share.js')).registerShare],
  ['group-fees', async () => (await import('./commands/group-fees.js')).registerGroupFees],
  ['reinvoice', async () => (await import('./commands/reinvoice.js')).registerReinvoice],
  ['score', async () => (await import('./commands/score.js')).registerScore],
  ['orders', async () => (await import('./commands/orders.js')).registerOrders],
];

/** Global options that take a value in the next argument (`--sheet NAME`): that value is no command's name. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--sheet']);

/**
 * The command a run names, when it names one: the first argument that is
 * neither an option nor a global option's value. Anything else (no command,
 * `help`, a misspelt name) loads every command, for the help and for
 * commander's « did you mean ».
 */
function commandNamed(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return COMMANDS.some(([name]) => name === a) ? a : undefined;
  }
  return undefined;
}

/** The registrations a run needs: its command's alone, or all of them. */
async function commandsFor(argv: readonly string[]): Promise<Register[]> {
  const named = commandNamed(argv);
  // `finloc --version` needs no command (loading them all is most of its time: 0,35–0,43 s against 0,16 s for a one-line amortize).
  if (named === undefined && argv.some((a) => a === '--version' || a === '-V') && !argv.some((a) => a === '--help' || a === '-h' || a === 'help')) return [];
  return Promise.all(COMMANDS.filter(([name]) => named === undefined || name === named).map(([, load]) => load()));
}

declare module './skeleton.js' {
  interface RunSettings {
    /** `--sheet NAME`: the sheet read from every .xlsx input (default: its first visible sheet). */
    sheet?: string;
  }
}

/** Options that name files the run writes, never read: no workbook is read ahead from them. */
const OUTPUT_OPTIONS = new Set(['output', 'errors', 'format']);

/** What ends a run's use of the workbooks it read ahead (cli/workbooks.ts), by run. */
const releases = new WeakMap<CliIo, () => void>();

/** The version of package.json, for `finloc --version`. */
export function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The commands given, registered on a fresh program (one per run, so tests can run many). */
export function buildProgram(io: CliIo, setStatus: (code: number) => void, commands: readonly Register[]): Command {
  const program = new Command('finloc')
    .description('Exact calculations for French local public finance')
    .version(version(), '-V, --version', 'print the version of finloc')
    .option('--quiet', 'print no notes or summaries on stderr (problems and failed checks are still printed)')
    .option('--strict-columns', 'refuse columns the command does not know instead of ignoring them with a note')
    .option('--sheet <NAME>', 'the sheet to read in .xlsx inputs (default: the first)')
    .option('--no-warnings', 'mute the plausibility warnings (a rate typed as a fraction, an implausible amount…); they never change a figure')
    .option('--debug', 'on an internal error, print its stack trace')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(usageProblem(s)),
    });
  program.hook('preAction', async (thisCommand, actionCommand) => {
    const all = actionCommand.optsWithGlobals() as RunSettings & { warnings?: boolean };
    Object.assign(io.settings ?? {}, {
      debug: all.debug === true,
      quiet: all.quiet === true,
      strictColumns: all.strictColumns === true,
      noWarnings: all.warnings === false,
      ...(all.sheet !== undefined ? { sheet: all.sheet } : {}),
    });
    // The workbooks among the command's files are read now: exceljs reads asynchronously, the table readers do not.
    const values = [...actionCommand.args];
    for (const [key, value] of Object.entries(actionCommand.opts())) {
      if (OUTPUT_OPTIONS.has(key)) continue;
      for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') values.push(v);
    }
    const preloaded = await preloadWorkbooks(io, values, all.sheet);
    releases.set(io, preloaded.release);
    if (all.sheet !== undefined && preloaded.count === 0) actionCommand.error(`error: --sheet ${all.sheet}: no .xlsx input to read that sheet from`);
    void thisCommand;
  });
  for (const register of commands) register(program, io, setStatus);
  const exitOverride = (c: Command) => {
    c.exitOverride();
    c.commands.forEach(exitOverride);
  };
  exitOverride(program);
  return program;
}

/**
 * Commander's own messages in finloc's form, so that a bad option reads like
 * a bad cell: `error: option '--declared <AMOUNT>' argument '1.2.3' is
 * invalid. expected …` becomes `finloc: --declared: expected …, got "1.2.3"`
 * (our parsers quote what they got); `error: unknown option '--x'` becomes
 * `finloc: unknown option '--x'`.
 */
export function usageProblem(message: string): string {
  const invalid = /^error: option '(-[^', ]+)(?:, (-[^', ]+))?[^']*' argument '[\s\S]*?' is invalid\. ([\s\S]*)$/.exec(message);
  if (invalid) return `finloc: ${invalid[2] ?? invalid[1]}: ${invalid[3]}`;
  return message.replace(/^error: /, 'finloc: ');
}

/** Runs finloc with the given arguments; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status = 0;
  const run: CliIo = { ...io, settings: { debug: argv.includes('--debug') }, inputs: new InputRegistry() };
  let program: Command;
  try {
    program = buildProgram(run, (code) => (status = code), await commandsFor(argv));
  } catch (e) {
    return internalError(run, e);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    return internalError(run, e);
  } finally {
    releases.get(run)?.();
  }
  return status;
}
