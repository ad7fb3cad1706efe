import type { Command } from 'commander';
import { InputError, formatProblem } from '../src/errors.js';
import { formatFrenchGrouped } from '../src/money/format.js';
import type { Check } from '../src/report/check.js';
import type { Note, Report } from '../src/report/model.js';
import { extname } from 'node:path';
import { FILE_EXTENSION, REPORT_FORMATS, TEXT_FILE_EXTENSION, renderReport, type ReportFormat } from '../src/report/render.js';
import { type CliIo, resolvePath } from './io.js';
import { EXIT_OUTPUT_FAILED, EXIT_PIPE_CLOSED, InputRegistry, OutputFailure, OutputRefused, type OutputSink, checkOutputPath, fileSink, stdoutSink, systemReason } from './output.js';
import { formatParser } from './options.js';

/** Exit statuses shared by every command (the README's table). */
export const EXIT_OK = 0;
/** A checked figure does not hold. */
export const EXIT_CHECK_FAILED = 1;
/** Bad input or usage: nothing was written. */
export const EXIT_BAD_INPUT = 2;
/** A bug of ours. */
export const EXIT_INTERNAL = 70;
export { EXIT_OUTPUT_FAILED, EXIT_PIPE_CLOSED };

/** Raised by a command on a bad option value, reported like an input problem (exit 2). */
export class UsageError extends Error {}

/** What a command's run gives back to the skeleton. */
export interface Outcome {
  /** The report, written in the chosen format. */
  readonly report?: Report;
  /** A document the command rendered itself in a format of its own (`--format scdl`). */
  readonly text?: string;
  /** The notes of a streamed output (a report's own notes are taken from it). */
  readonly notes?: readonly Note[];
  /** The file whose figures the checks are about, named in the summary (default: the first file). */
  readonly checked?: string;
  /** The exit status; by default 1 when a check of the report does not hold, else 0. */
  readonly status?: number;
}

/** What the skeleton hands a command's run. */
export interface RunContext {
  readonly io: CliIo;
  readonly format: string;
  /** The command's output, for commands that stream it (the others return a report). */
  output(): OutputSink;
  /** Another output of the run (`--errors FILE`), checked like `-o`. */
  extraOutput(option: string, path: string): OutputSink;
}

export interface CommandSpec<O extends object> {
  readonly name: string;
  readonly description: string;
  /** The positional arguments, every one an input file. */
  readonly files: readonly { readonly name: string; readonly description: string }[];
  /** The formats offered (default csv, csv-fr, json). */
  readonly formats?: readonly string[];
  /** Options naming files the run reads: `-o` may not name them. */
  readonly inputOptions?: readonly (keyof O & string)[];
  /** Options naming other files the run writes (`--errors`): checked like `-o`, and never the same file. */
  readonly outputOptions?: readonly (keyof O & string)[];
  /** Declares the command's own options. */
  options?(command: Command): void;
  run(ctx: RunContext, files: string[], opts: O & CommonOptions): Promise<Outcome> | Outcome;
}

/** The options the skeleton declares on every command. */
export interface CommonOptions {
  readonly format: string;
  readonly output?: string;
}

/** Options of the whole program, read by the skeleton and the readers. */
export interface RunSettings {
  debug?: boolean;
  quiet?: boolean;
  /** Plausibility warnings muted (`--no-warnings`); they never change a figure. */
  noWarnings?: boolean;
  strictColumns?: boolean;
}

const optionFlag = (key: string) => '--' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/**
 * Declares a command on the program: its files and options plus `--format`
 * and `-o`; its action checks the outputs, runs the command, writes its
 * report, prints notes and failed checks on stderr, and sets the status.
 */
export function defineCommand<O extends object>(parent: Command, io: CliIo, setStatus: (code: number) => void, spec: CommandSpec<O>): Command {
  const command = parent.command(spec.name).description(spec.description);
  for (const f of spec.files) command.argument(`<${f.name}>`, f.description);
  spec.options?.(command);
  const formats = spec.formats ?? REPORT_FORMATS;
  command
    .option('--format <format>', formats.join(', '), formatParser(formats), formats[0]!)
    .option('-o, --output <FILE>', 'write to FILE instead of standard output (written whole or not at all)')
    .action(async (...args: unknown[]) => {
      const files = args.slice(0, spec.files.length) as string[];
      const opts = args[spec.files.length] as O & CommonOptions;
      const formatGiven = (args[args.length - 1] as Command).getOptionValueSource('format') !== 'default';
      try {
        const format = outputFormat(io, formats, opts.format, formatGiven, opts.output);
        setStatus(await runSpec(io, spec, files, { ...opts, format }));
      } catch (e) {
        setStatus(reportFailure(io, e));
      }
    });
  return command;
}

/**
 * The format of the run, agreed with `-o`'s extension: `-o table.xlsx`
 * without `--format` writes xlsx; with another `--format`, or `--format
 * xlsx` to a file of another extension, the run is refused (a workbook
 * named .csv, or CSV named .xlsx, opens as garbage). A workbook is never
 * written to a terminal.
 */
export function outputFormat(io: CliIo, formats: readonly string[], format: string, formatGiven: boolean, output: string | undefined): string {
  const toFile = output !== undefined && output !== '-';
  const extension = toFile ? extname(output).toLowerCase() : '';
  const byExtension = Object.keys(FILE_EXTENSION).find((f) => FILE_EXTENSION[f] === extension && formats.includes(f));
  if (!formatGiven && byExtension !== undefined) return byExtension;
  const textByExtension = Object.keys(TEXT_FILE_EXTENSION).find((f) => TEXT_FILE_EXTENSION[f] === extension && formats.includes(f));
  if (!formatGiven && textByExtension !== undefined) return textByExtension;
  if (byExtension !== undefined && byExtension !== format) {
    throw new UsageError(`-o ${output}: a ${extension} file is written with --format ${byExtension}, not ${format}; the extension and the format must agree`);
  }
  const wanted = FILE_EXTENSION[format];
  if (wanted !== undefined && toFile && extension !== wanted) {
    throw new UsageError(`--format ${format} writes a ${wanted} file: give -o FILE${wanted}, not ${output}`);
  }
  if (wanted !== undefined && !toFile && io.stdoutIsTty === true) {
    throw new UsageError(`--format ${format} writes a binary ${wanted} file: give -o FILE${wanted} (or redirect standard output)`);
  }
  return format;
}

async function runSpec<O extends object>(io: CliIo, spec: CommandSpec<O>, files: string[], opts: O & CommonOptions): Promise<number> {
  const inputs = io.inputs ?? new InputRegistry();
  const opened: OutputSink[] = [];
  const written = new Map<string, string>();
  const open = (option: string, path: string | undefined): OutputSink => {
    if (path === undefined || path === '-') {
      if (option !== '-o') throw new OutputRefused(`${option} -: expected a file name`);
      return stdoutSink(io.stdout);
    }
    const target = checkOutputPath(option, path, resolvePath(io, path), inputs);
    const other = written.get(target);
    if (other !== undefined) throw new OutputRefused(`${option} ${path}: ${other} already writes to that file; give two different files`);
    written.set(target, option);
    const sink = fileSink(option, path, target, inputs);
    opened.push(sink);
    return sink;
  };
  let main: OutputSink | undefined;
  try {
    for (const f of files) inputs.add(resolvePath(io, f));
    for (const key of spec.inputOptions ?? []) {
      const value = (opts as Record<string, unknown>)[key];
      // A repeatable option (`--holidays A --holidays B`) gives a list; each of its files is an input.
      for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') inputs.add(resolvePath(io, v));
    }
    // Files first: a file output is refused or created before any work is done.
    if (opts.output !== undefined && opts.output !== '-') main = open('-o', opts.output);
    for (const key of spec.outputOptions ?? []) {
      const value = (opts as Record<string, unknown>)[key];
      if (typeof value === 'string' && value !== '-' && opts.output !== undefined && resolvePath(io, value) === resolvePath(io, opts.output)) {
        throw new OutputRefused(`${optionFlag(key)} ${value}: -o already writes to that file; give two different files`);
      }
    }
    const ctx: RunContext = {
      io,
      format: opts.format,
      output: () => (main ??= open('-o', opts.output)),
      extraOutput: (option, path) => open(option, path),
    };
    const outcome = await spec.run(ctx, files, opts);
    const sink = ctx.output();
    if (outcome.report !== undefined || outcome.text !== undefined) {
      const text = outcome.text ?? (await renderReport(outcome.report!, opts.format as ReportFormat, { sources: files }));
      await sink.write(text);
    }
    for (const s of opened) await s.commit();
    if (main === undefined || !opened.includes(main)) await main?.commit();
    const notes = [...(outcome.report?.notes ?? []), ...(outcome.notes ?? [])];
    const checks = outcome.report?.checks ?? [];
    tellNotesAndChecks(io, outcome.checked ?? files[0] ?? '', notes, checks);
    return outcome.status ?? (checks.every((c) => c.holds) ? EXIT_OK : EXIT_CHECK_FAILED);
  } catch (e) {
    for (const s of opened) s.abort();
    return reportFailure(io, e);
  }
}

/** Notes (unless --quiet), then every figure that does not hold and a one-line summary of the checks. */
function tellNotesAndChecks(io: CliIo, file: string, notes: readonly Note[], checks: readonly Check[]): void {
  const quiet = io.settings?.quiet === true;
  const muted = (n: Note) => quiet || (n.kind === 'warning' && io.settings?.noWarnings === true);
  for (const n of notes) if (!muted(n)) io.stderr.write(`finloc: ${n.kind}: ${n.text}\n`);
  const failed = checks.filter((c) => !c.holds);
  for (const c of failed) io.stderr.write(`finloc: does not hold: ${describeCheck(c)}\n`);
  if (checks.length === 0 || quiet) return;
  if (failed.length === 0) io.stderr.write(`finloc: ${file}: all ${checks.length} checked figure(s) hold\n`);
  else io.stderr.write(`finloc: ${file}: ${failed.length} of ${checks.length} checked figure(s) do not hold: ${failed.map((c) => c.item).join(', ')}\n`);
}

/** A check in one line: `A2: declared 1 000,00, recomputed 990,00, difference 10,00 (declared − recomputed)`. */
export function describeCheck(c: Check): string {
  const g = formatFrenchGrouped;
  return `${c.item}: declared ${g(c.declared)}, recomputed ${g(c.recomputed)}, difference ${g(c.difference)} (declared − recomputed)${c.note ? `; ${c.note}` : ''}`;
}

/** The one line (or lines, one per input problem) a failure gets, and its status. */
export function reportFailure(io: CliIo, e: unknown): number {
  if (e instanceof InputError) {
    for (const p of e.problems) io.stderr.write(`finloc: ${formatProblem(p)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof UsageError || e instanceof OutputRefused) {
    io.stderr.write(`finloc: ${e.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof OutputFailure) {
    if (e.pipeClosed) return EXIT_PIPE_CLOSED;
    io.stderr.write(`finloc: ${e.message}\n`);
    return EXIT_OUTPUT_FAILED;
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPIPE') return EXIT_PIPE_CLOSED;
  if (code === 'ENOSPC' || code === 'EIO' || code === 'EDQUOT') {
    io.stderr.write(`finloc: cannot write the output: ${systemReason(e).words}\n`);
    return EXIT_OUTPUT_FAILED;
  }
  return internalError(io, e);
}

/** A bug of ours: one line asking for a report; the stack only with --debug. */
export function internalError(io: CliIo, e: unknown): number {
  const message = e instanceof Error ? e.message : String(e);
  io.stderr.write(`finloc: internal error: ${message.split('\n')[0]} — please report it with the command and files that caused it (run again with --debug for details)\n`);
  if (io.settings?.debug && e instanceof Error && e.stack) io.stderr.write(e.stack + '\n');
  return EXIT_INTERNAL;
}
