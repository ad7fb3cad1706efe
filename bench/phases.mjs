// The profile of `finloc amortize` by phase (issue 17), from V8's sampling
// profiler: `node --cpu-prof` writes one profile per thread (main and each
// worker), each sample a stack; a sample is charged to the phase of the
// innermost frame of its stack that names one (the functions below), else to
// that of the innermost file that does, else to « other ». Node's start (the
// process, before any JavaScript) is timed apart, as `node -e 0` from spawn to
// exit.
//
//   npm run build && node bench/phases.mjs [--lines 1000,20000,100000,1000000] [--seed 7] [--threads N] [--small-book]
//
// --small-book: the « small book » of issue 17 (fixed-rate annual 25-year lines) instead of the bench portfolio.
//
// Prints, per portfolio size, the wall time and each phase's CPU time (ms,
// all threads added) and share, as a markdown table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePortfolio, writeSmallBook } from './portfolio.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');

export const PHASES = ['module loading', 'reading', 'per-line set-up', 'per-row loop', 'formatting', 'writing', 'workers and hand-over', 'garbage collection', 'other'];

/** Functions that name their phase; the innermost one on a sample's stack decides. */
const BY_FUNCTION = {
 'per-row loop': ['amortizeInCentsTo', 'amortizeInCents', 'timesRounded', 'roundedProduct', 'grown', 'dividedRounded', 'accrualOf', 'countDays', 'isoDateUnchecked', 'daysInMonth', 'termsOn', 'amortizeRows', 'emitRows'],
  'per-line set-up': [
    'amortizeBatch', 'powerMinusOne', 'periodFactor', 'accrualApprox', 'sameGrowth', 'apart', 'loanLineFromRow', 'loanLineProblems', 'loanLineWarnings', 'lineTermsKey', 'termsOf', 'cached', 'indexedTerms', 'paymentFactorApprox',
    'firstPayment', 'firstAmortisation', 'lineTermsOf', 'amortisationFactorApprox', 'centsPathFits', 'revisedRates', 'contractRates', 'pointInForce', 'rateInForce', 'effectiveDisbursements', 'lineKind',
    'attachRateSteps', 'amortisationStart', 'toCents', 'linePlan', 'planOf',
  ],
  formatting: ['row', 'begin', 'total', 'writeTwoDigits', 'writeCentsScheduleBody', 'writeCents', 'writeDigits', 'writeDate', 'cachedRateBytes', 'centsScheduleBody', 'scheduleBody', 'writeRow', 'writeTotal'],
  writing: ['fsync', 'writeBuffer', 'writeString', 'rename', 'close', 'writeSync', 'fsyncSync'],
  reading: ['readRow', 'readCell', 'sliceFile', 'scanEncoding', 'readChunks', 'decodeAs', 'amortizeSlice', 'slices', 'asUtf8'],
  'workers and hand-over': ['postMessage', 'submit', 'recycle', 'OrderedPool', 'Worker', 'deserialize', 'serialize', 'contextFromInit', 'initFromContext'],
  'garbage collection': ['(garbage collector)'],
};
/** Files whose functions fall to a phase when no function above names one. */
const BY_FILE = [
  [/node:internal\/modules|\(program\)$/, 'module loading'],
  [/src\/csv\/|read-slices|src\/money\/parse/, 'reading'],
  [/decimal\.js|src\/loan\/|src\/rates\/|src\/calendar\//, 'per-line set-up'],
  [/byte-writer|render\.js/, 'formatting'],
  [/cli\/output|node:internal\/fs/, 'writing'],
  [/worker_threads|node:internal\/worker|amortize\/pool|amortize\/worker/, 'workers and hand-over'],
];

const phaseOfFunction = new Map(Object.entries(BY_FUNCTION).flatMap(([phase, names]) => names.map((n) => [n, phase])));

/** Milliseconds of CPU by phase in one .cpuprofile. */
export function phasesOf(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const phaseOf = (id) => {
    if (memo.has(id)) return memo.get(id);
    let byFile;
    let phase;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      const named = phaseOfFunction.get(frame.functionName);
      if (named) {
        phase = named;
        break;
      }
      byFile ??= BY_FILE.find(([re]) => re.test(frame.url || frame.functionName))?.[1];
    }
    phase ??= byFile ?? 'other';
    memo.set(id, phase);
    return phase;
  };
  const ms = Object.fromEntries(PHASES.map((p) => [p, 0]));
  for (let i = 0; i < profile.samples.length; i++) {
    const name = byId.get(profile.samples[i]).callFrame.functionName;
    if (name === '(idle)') continue;
    ms[phaseOf(profile.samples[i])] += (profile.timeDeltas[i] ?? 0) / 1000;
  }
  return ms;
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const sizes = opt('--lines', '1000,20000,100000,1000000').split(',').map(Number);
  const seed = Number(opt('--seed', '7'));
  const threads = opt('--threads');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'finloc-phases-'));
  try {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    const nodeStart = performance.now() - t;
    process.stdout.write(`node start (node -e 0, spawn to exit): ${nodeStart.toFixed(0)} ms\n\n`);
    const rows = [];
    for (const lines of sizes) {
      const input = path.join(tmp, `p${lines}.csv`);
      if (args.includes('--small-book')) writeSmallBook(input, lines, seed);
      else writePortfolio(input, lines, seed, path.join(root, 'data', 'livret-a.csv'));
      const dir = path.join(tmp, `prof${lines}`);
      const start = performance.now();
      // The module tree tsc compiled, not the shipped bundle (dist/bin/): the same code, but each sample's file
      // names its phase (BY_FILE); a bundle's chunks name none. Its module loading is that of the unbundled tree.
      const run = spawnSync(
        process.execPath,
        ['--cpu-prof', '--cpu-prof-dir', dir, path.join(root, 'dist', 'cli', 'finloc.js'), '--quiet', 'amortize', input, '-o', path.join(tmp, 'out.csv'), ...(threads !== undefined ? ['--threads', threads] : [])],
        { encoding: 'utf8' },
      );
      const wall = performance.now() - start;
      if (run.status !== 0) throw new Error(`finloc failed on ${lines} lines: ${run.stderr}`);
      const total = Object.fromEntries(PHASES.map((p) => [p, 0]));
      const files = fs.readdirSync(dir);
      for (const f of files) {
        const ms = phasesOf(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
        for (const p of PHASES) total[p] += ms[p];
      }
      rows.push({ lines, wall, threads: files.length, total });
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(input, { force: true });
      process.stdout.write(`${lines} lines: ${(wall / 1000).toFixed(2)} s wall, ${files.length} thread(s) profiled\n`);
    }
    const head = ['phase', ...rows.map((r) => `${r.lines.toLocaleString('en-US').replace(/,/g, ' ')} lines`)];
    process.stdout.write(`\n| ${head.join(' | ')} |\n|---|${rows.map(() => '---:').join('|')}|\n`);
    const cell = (r, ms) => {
      const all = PHASES.reduce((s, p) => s + r.total[p], 0);
      return `${ms.toFixed(0)} ms (${((100 * ms) / all).toFixed(0)} %)`;
    };
    process.stdout.write(`| node start (process, before JavaScript) | ${rows.map(() => `${nodeStart.toFixed(0)} ms`).join(' | ')} |\n`);
    for (const p of PHASES) process.stdout.write(`| ${p} | ${rows.map((r) => cell(r, r.total[p])).join(' | ')} |\n`);
    process.stdout.write(`| CPU sampled, all threads | ${rows.map((r) => `${PHASES.reduce((s, p) => s + r.total[p], 0).toFixed(0)} ms`).join(' | ')} |\n`);
    process.stdout.write(`| wall, spawn to exit (profiler on) | ${rows.map((r) => `${(r.wall / 1000).toFixed(2)} s`).join(' | ')} |\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
