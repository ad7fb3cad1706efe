// `npm run bench`: the portfolio benchmark of issue 7.
//
// Generates a seeded synthetic portfolio, then times, CSV file to CSV file,
// each pipeline in its own child process (so that peak memory is that
// pipeline's alone):
//   1. shipped    `finloc amortize` as built in dist/;
//   2. reference  decimal.js core row by row, written with fast-csv (bench/reference.mjs);
//   3. floor      the rows of (2) held in memory, only written (bench/floor.mjs),
//                 in 64 KiB chunks, and again (3b) one write() a row;
//   4. peer       loanjs on the fixed-rate annual part (bench/peer.mjs);
//   5. xlsx       `finloc amortize -o out.xlsx`, the streamed workbook (only with --only …,xlsx);
//   6. small      `finloc amortize` on the « small book » of issue 17 (20 000
//                 fixed-rate annual 25-year lines, 500 000 rows, 2 MB: one thread);
//   7. naive      the same book through a naive float script (bench/naive.mjs),
//                 64 KiB writes; the ratio 6/7 is printed for the same run.
//   8. large      `finloc amortize` on a portfolio of 10 × --lines (only with
//                 --only …,large): issue 17's flat memory, the peak RSS of 8
//                 against that of 1, as medians and as the largest seen
//                 (a peak moves by ±10 MB from one run to the next).
//   9. stdout     the same as 8, written to standard output (redirected to a
//                 file, as `finloc amortize big.csv > out.csv` is): the
//                 default output must hold the same memory (only with
//                 --only …,stdout); its bytes are compared with 8's.
// Prints a table (text and markdown), the ratios 1/2, 1/3 and 6/7, whether the
// outputs of 1 and 2 are byte-identical, and how the peer's figures differ.
// It never fails because the machine is slow: there is no time limit, and a
// pipeline that fails is reported as failed while the others still run.
//
//   npm run bench -- [--lines 100000] [--seed 7] [--runs 1]
//                    [--only shipped,reference,floor,peer,xlsx,small,naive,large,stdout] [--keep]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { writePortfolio, writeSmallBook } from './portfolio.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const PIPELINES = ['shipped', 'reference', 'floor', 'peer', 'xlsx', 'small', 'naive', 'large', 'stdout'];
const DEFAULT_PIPELINES = ['shipped', 'reference', 'floor', 'peer', 'small', 'naive'];
/** The « small book » of issue 17: the commonest size of book, read in one thread (under 2 MiB). */
const SMALL_BOOK_LINES = 20_000;
/** The « large » portfolio of the memory target: this many times --lines (100 000 → 1 000 000). */
const LARGE_FACTOR = 10;
const LABELS = {
  shipped: '1. finloc amortize (shipped)',
  reference: '2. reference (decimal.js + fast-csv)',
  floor: '3. floor (precomputed rows, 64 KiB writes)',
  peer: '4. peer (loanjs, fixed-rate part)',
  xlsx: '5. finloc amortize -o out.xlsx (streamed workbook)',
  small: '6. small book: finloc amortize',
  naive: '7. small book: naive float writer (64 KiB writes)',
  large: `8. finloc amortize, ${LARGE_FACTOR} × the lines (memory)`,
  stdout: `9. the same, to standard output (> file)`,
};
const FLOOR_MAX_ROWS_IN_MEMORY = 4_000_000;

function usage(message) {
  if (message) process.stderr.write(`bench: ${message}\n`);
  process.stderr.write('usage: npm run bench -- [--lines N] [--seed N] [--runs N] [--only shipped,reference,floor,peer,xlsx,small,naive,large,stdout] [--keep]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { lines: 100_000, seed: 7, runs: 1, only: DEFAULT_PIPELINES, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const count = (v, min) => {
      const n = Number(v.replace(/[_ ]/g, ''));
      if (!Number.isInteger(n) || n < min) usage(`${a}: expected a whole number ≥ ${min}, got "${v}"`);
      return n;
    };
    if (a === '--lines') opts.lines = count(value(), 1);
    else if (a === '--seed') opts.seed = count(value(), 0);
    else if (a === '--runs') opts.runs = count(value(), 1);
    else if (a === '--only') {
      opts.only = value().split(',').map((s) => s.trim()).filter(Boolean);
      for (const p of opts.only) if (!PIPELINES.includes(p)) usage(`--only: unknown pipeline "${p}" (expected ${PIPELINES.join(', ')})`);
    } else if (a === '--keep') opts.keep = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument "${a}"`);
  }
  return opts;
}

/** GNU time, when installed (Debian package `time`), measures the peak RSS from outside the process. */
function gnuTimeAvailable() {
  if (process.env.FINLOC_BENCH_NO_GNU_TIME || !fs.existsSync('/usr/bin/time')) return false;
  const probe = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
}

/**
 * Runs `node args…` as a child; resolves with its wall time, peak RSS (MB),
 * page faults, exit status, stdout and the tail of its stderr. Never rejects.
 */
function runNode(args, tmp, useGnuTime, stdoutFile) {
  const rssFile = path.join(tmp, `rss-${process.hrtime.bigint()}`);
  const nodeArgs = useGnuTime ? args : ['--import', pathToImport(path.join(benchDir, 'rss.mjs')), ...args];
  const [cmd, argv] = useGnuTime ? ['/usr/bin/time', ['-v', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    let stdout = '';
    let stderr = '';
    // Standard output to a file when asked (the child writes it as a shell's `> file` makes it).
    const outFd = stdoutFile === undefined ? undefined : fs.openSync(stdoutFile, 'w');
    const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, FINLOC_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', outFd ?? 'pipe', 'pipe'] });
    if (outFd !== undefined) fs.closeSync(outFd);
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    const done = (code, signal, error) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let rssKb;
      let cpuSeconds;
      let pageFaults;
      if (useGnuTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (m) rssKb = Number(m[1]);
        const faults = /Minor \(reclaiming a frame\) page faults: (\d+)/.exec(stderr);
        if (faults) pageFaults = Number(faults[1]);
        const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
        const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
        if (user && system) cpuSeconds = Number(user[1]) + Number(system[1]);
        stderr = stderr.replace(/\n?\s*Command (being timed|exited with non-zero status|terminated by signal)[\s\S]*$/, '');
      } else if (fs.existsSync(rssFile)) {
        const usage = JSON.parse(fs.readFileSync(rssFile, 'utf8'));
        rssKb = usage.maxRSS;
        cpuSeconds = usage.cpuSeconds;
        pageFaults = usage.minorPageFault;
        fs.rmSync(rssFile, { force: true });
      }
      let json;
      const last = stdout.trim().split('\n').pop();
      try {
        json = last ? JSON.parse(last) : undefined;
      } catch {
        json = undefined;
      }
      const ok = !error && code === 0 && !signal;
      resolve({
        ok,
        why: error ? String(error.message) : signal ? `killed by ${signal}` : code !== 0 ? `exit status ${code}` : '',
        seconds,
        rssMb: rssKb === undefined ? undefined : rssKb / 1024,
        cpuPercent: cpuSeconds === undefined ? undefined : (100 * cpuSeconds) / seconds,
        pageFaults,
        json,
        stderrTail: stderr.trim().split('\n').slice(-6).join('\n'),
      });
    };
    child.on('error', (e) => done(null, null, e));
    child.on('close', (code, signal) => done(code, signal));
  });
}

function pathToImport(p) {
  return new URL(`file://${p}`).href;
}

/** sha256 and number of lines of a file, streamed. */
async function digest(file) {
  const hash = createHash('sha256');
  let newlines = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk);
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
  }
  return { sha256: hash.digest('hex'), rows: Math.max(0, newlines - 1) };
}

const FIGURES = [
  [4, 'payment'],
  [5, 'amortisation'],
  [6, 'interest'],
  [8, 'capital_after'],
];

/**
 * Compares the peer's rows with the reference's (out2). Both files list their
 * lines in the portfolio's order, the peer's a subsequence of ours, so one
 * forward pass over each suffices (no table of millions of rows in memory).
 */
async function comparePeer(peerFile, oursFile) {
  const ours = readline.createInterface({ input: fs.createReadStream(oursFile), crlfDelay: Infinity })[Symbol.asyncIterator]();
  await ours.next(); // header
  const result = { rows: 0, differing: 0, differingLast: 0, differingBeforeLast: 0, linesDrifting: 0, unmatched: 0, worstCents: 0, example: undefined };
  let pendingLine;
  let driftInLine = false;
  const flushLine = () => {
    if (driftInLine) result.linesDrifting++;
    driftInLine = false;
  };
  const rowsOfPeer = readline.createInterface({ input: fs.createReadStream(peerFile), crlfDelay: Infinity });
  let first = true;
  // Rows are compared one table at a time, so that the last row of each is known.
  const table = [];
  const compareTable = async () => {
    for (let i = 0; i < table.length; i++) {
      const p = table[i];
      let o;
      for (;;) {
        const next = await ours.next();
        if (next.done) break;
        const f = next.value.split(',');
        if (f[0] === p[0] && f[1] === p[1]) {
          o = f;
          break;
        }
      }
      if (!o) {
        result.unmatched += table.length - i;
        return;
      }
      result.rows++;
      let differs = false;
      for (const [col] of FIGURES) {
        if (p[col] !== o[col]) {
          differs = true;
          const cents = Math.abs(Math.round(Number(p[col]) * 100) - Math.round(Number(o[col]) * 100));
          if (cents > result.worstCents) result.worstCents = cents;
        }
      }
      if (!differs) continue;
      result.differing++;
      if (i === table.length - 1) result.differingLast++;
      else {
        result.differingBeforeLast++;
        driftInLine = true;
        result.example ??= { peer: p.join(','), ours: o.join(',') };
      }
    }
  };
  for await (const text of rowsOfPeer) {
    if (first) {
      first = false;
      continue;
    }
    const f = text.split(',');
    if (pendingLine !== undefined && f[0] !== pendingLine) {
      await compareTable();
      flushLine();
      table.length = 0;
    }
    pendingLine = f[0];
    table.push(f);
  }
  if (table.length > 0) {
    await compareTable();
    flushLine();
  }
  return result;
}

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtInt = (n) => (n === undefined ? '—' : Math.round(n).toLocaleString('en-US').replace(/,/g, ' '));
const fmt = (n, d) => (n === undefined ? '—' : n.toFixed(d));

function machine() {
  const cpus = os.cpus();
  let model = cpus[0]?.model?.trim() ?? 'unknown';
  const lscpu = spawnSync('lscpu', [], { encoding: 'utf8' });
  const m = lscpu.status === 0 ? /^Model name:\s*(.+)$/m.exec(lscpu.stdout) : null;
  if (m) model = m[1].trim();
  return { model, cores: os.availableParallelism?.() ?? cpus.length, node: process.version, memGb: os.totalmem() / 2 ** 30, platform: `${os.type()} ${os.release()}` };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const finloc = path.join(root, 'dist', 'bin', 'finloc.js');
  if (!fs.existsSync(finloc) || !fs.existsSync(path.join(root, 'dist', 'src', 'loan', 'render.js'))) {
    process.stderr.write('bench: dist/ is missing; run `npm ci` (or `npm run build`) first\n');
    process.exit(2);
  }
  const livretA = path.join(root, 'data', 'livret-a.csv');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'finloc-bench-'));
  const cleanup = () => {
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      cleanup();
      process.exit(130);
    });
  }
  try {
    await bench(opts, tmp, finloc, livretA);
  } finally {
    cleanup();
    if (opts.keep) process.stdout.write(`\nfiles kept in ${tmp}\n`);
  }
}

async function bench(opts, tmp, finloc, livretA) {
  const info = machine();
  const useGnuTime = gnuTimeAvailable();
  const say = (s = '') => process.stdout.write(s + '\n');
  say(`finloc portfolio benchmark — ${info.model}, ${info.cores} cores, ${info.memGb.toFixed(0)} GB, node ${info.node}, ${info.platform}`);
  say(`peak memory measured by ${useGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS (preloaded bench/rss.mjs)'}`);

  const portfolio = path.join(tmp, 'portfolio.csv');
  let t = performance.now();
  const bytes = writePortfolio(portfolio, opts.lines, opts.seed, livretA);
  say(`portfolio: ${fmtInt(opts.lines)} lines, seed ${opts.seed}, ${(bytes / 2 ** 20).toFixed(1)} MB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const smallBook = path.join(tmp, 'small-book.csv');
  if (opts.only.includes('small') || opts.only.includes('naive')) {
    const smallBytes = writeSmallBook(smallBook, SMALL_BOOK_LINES, opts.seed);
    say(`small book: ${fmtInt(SMALL_BOOK_LINES)} fixed-rate annual 25-year lines, ${(smallBytes / 2 ** 20).toFixed(1)} MB`);
  }
  const largePortfolio = path.join(tmp, 'portfolio-large.csv');
  if (opts.only.includes('large') || opts.only.includes('stdout')) {
    t = performance.now();
    const largeBytes = writePortfolio(largePortfolio, opts.lines * LARGE_FACTOR, opts.seed, livretA);
    say(`large portfolio: ${fmtInt(opts.lines * LARGE_FACTOR)} lines, ${(largeBytes / 2 ** 20).toFixed(1)} MB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const out = { shipped: path.join(tmp, 'out1.csv'), reference: path.join(tmp, 'out2.csv'), floor: path.join(tmp, 'out3.csv'), peer: path.join(tmp, 'out4.csv'), xlsx: path.join(tmp, 'out5.xlsx'), small: path.join(tmp, 'out6.csv'), naive: path.join(tmp, 'out7.csv'), large: path.join(tmp, 'out8.csv'), stdout: path.join(tmp, 'out9.csv') };
  const runs = Object.fromEntries(PIPELINES.map((p) => [p, []]));
  const ratios = { shippedOverReference: [], shippedOverFloor: [], shippedOverRowByRow: [], smallOverNaive: [] };
  const digests = {};
  let peerComparison;

  for (let r = 1; r <= opts.runs; r++) {
    if (opts.runs > 1) say(`\nrun ${r} of ${opts.runs}`);
    const thisRun = {};
    for (const p of PIPELINES) {
      if (!opts.only.includes(p)) continue;
      let args;
      if (p === 'shipped') args = [finloc, 'amortize', portfolio, '-o', out.shipped];
      else if (p === 'reference') args = [path.join(benchDir, 'reference.mjs'), portfolio, out.reference, livretA];
      else if (p === 'peer') args = [path.join(benchDir, 'peer.mjs'), portfolio, out.peer];
      else if (p === 'xlsx') args = [finloc, 'amortize', portfolio, '-o', out.xlsx];
      else if (p === 'small') args = [finloc, 'amortize', smallBook, '-o', out.small];
      else if (p === 'naive') args = [path.join(benchDir, 'naive.mjs'), smallBook, out.naive];
      else if (p === 'large') args = [finloc, 'amortize', largePortfolio, '-o', out.large];
      else if (p === 'stdout') args = [finloc, 'amortize', largePortfolio];
      else {
        // The floor writes the reference's rows (or the shipped ones when the reference was not run).
        const source = [out.reference, out.shipped].find((f) => fs.existsSync(f));
        if (!source) {
          thisRun.floor = { ok: false, why: 'needs the output of (2) or (1)' };
          runs.floor.push(thisRun.floor);
          say(`  ${LABELS.floor}: skipped (needs the output of (2) or (1))`);
          continue;
        }
        digests[source] ??= await digest(source);
        args = [path.join(benchDir, 'floor.mjs'), source, out.floor, String(digests[source].rows), String(FLOOR_MAX_ROWS_IN_MEMORY)];
      }
      process.stdout.write(`  ${LABELS[p]} … `);
      const res = await runNode(args, tmp, useGnuTime, p === 'stdout' ? out.stdout : undefined);
      if (res.ok && (p === 'floor' || p === 'peer' || p === 'naive') && !res.json) {
        res.ok = false;
        res.why = 'printed no result';
      }
      if (res.ok) {
        if (p === 'shipped' || p === 'reference') {
          digests[out[p]] ??= await digest(out[p]); // outputs are deterministic: hashed once
          res.rows = digests[out[p]].rows;
          res.lines = p === 'reference' && res.json ? res.json.lines : opts.lines;
        } else if (p === 'floor') {
          res.seconds = res.json.seconds; // the write alone
          res.rows = res.json.rows;
          res.lines = opts.lines;
          res.note = res.json.rowsInMemory < res.json.rows ? `${fmtInt(res.json.rowsInMemory)} rows held, written in a cycle` : undefined;
          res.rowByRowPerSecond = res.rows / res.json.rowByRowSeconds;
          fs.rmSync(out.floor, { force: true });
        } else if (p === 'xlsx') {
          // The workbook holds the shipped csv's rows, plus one « Total » row a line.
          res.rows = digests[out.shipped]?.rows ?? NaN;
          res.lines = opts.lines;
          res.note = `${(fs.statSync(out.xlsx).size / 2 ** 20).toFixed(0)} MB workbook`;
        } else if (p === 'small' || p === 'naive') {
          // Both timed from spawn to exit, node start included: the time a user waits.
          res.rows = p === 'naive' ? res.json.rows : (await digest(out.small)).rows;
          res.lines = SMALL_BOOK_LINES;
          fs.rmSync(out[p], { force: true });
        } else if (p === 'large' || p === 'stdout') {
          digests[out[p]] ??= await digest(out[p]); // deterministic: counted once
          res.rows = digests[out[p]].rows;
          res.lines = opts.lines * LARGE_FACTOR;
          fs.rmSync(out[p], { force: true });
        } else if (p === 'peer') {
          res.rows = res.json.rows;
          res.lines = res.json.lines;
          if (!peerComparison && fs.existsSync(out.reference)) peerComparison = { ...(await comparePeer(out.peer, out.reference)), ...res.json };
          else peerComparison ??= { ...res.json };
        }
        res.rowsPerSecond = res.rows / res.seconds;
        say(`${fmt(res.seconds, 2)} s, ${fmtInt(res.rowsPerSecond)} rows/s, ${fmt(res.rssMb, 0)} MB, ${fmtInt(res.pageFaults)} page faults`);
      } else {
        say(`FAILED (${res.why})${res.stderrTail ? '\n' + res.stderrTail.replace(/^/gm, '      ') : ''}`);
      }
      thisRun[p] = res;
      runs[p].push(res);
    }
    const s = thisRun.shipped;
    if (s?.ok && thisRun.reference?.ok) ratios.shippedOverReference.push(s.rowsPerSecond / thisRun.reference.rowsPerSecond);
    if (s?.ok && thisRun.floor?.ok) {
      ratios.shippedOverFloor.push(s.rowsPerSecond / thisRun.floor.rowsPerSecond);
      ratios.shippedOverRowByRow.push(s.rowsPerSecond / thisRun.floor.rowByRowPerSecond);
    }
    if (thisRun.small?.ok && thisRun.naive?.ok) ratios.smallOverNaive.push(thisRun.naive.seconds / thisRun.small.seconds);
  }
  fs.rmSync(portfolio, { force: true });
  fs.rmSync(smallBook, { force: true });
  fs.rmSync(largePortfolio, { force: true });

  // Summary: medians over the runs that succeeded; peak memory is the largest seen.
  const rowsOf = (p) => {
    const ok = runs[p].filter((x) => x.ok);
    if (ok.length === 0) return undefined;
    return {
      lines: ok[0].lines,
      rows: ok[0].rows,
      seconds: median(ok.map((x) => x.seconds)),
      rowsPerSecond: median(ok.map((x) => x.rowsPerSecond)),
      rssMb: ok.some((x) => x.rssMb !== undefined) ? Math.max(...ok.map((x) => x.rssMb ?? 0)) : undefined,
      rssMedianMb: median(ok.map((x) => x.rssMb)),
      cpuPercent: median(ok.map((x) => x.cpuPercent)),
      pageFaults: median(ok.map((x) => x.pageFaults)),
      note: ok[0].note,
      rowByRowPerSecond: median(ok.map((x) => x.rowByRowPerSecond)),
      failed: runs[p].length - ok.length,
    };
  };
  const table = PIPELINES.filter((p) => opts.only.includes(p)).map((p) => ({ p, s: rowsOf(p), why: runs[p].find((x) => !x.ok)?.why }));
  const identical =
    digests[out.shipped] && digests[out.reference] ? digests[out.shipped].sha256 === digests[out.reference].sha256 : undefined;
  const rShipRef = median(ratios.shippedOverReference);
  const rShipFloor = median(ratios.shippedOverFloor);
  const rShipRowByRow = median(ratios.shippedOverRowByRow);
  const rSmallNaive = median(ratios.smallOverNaive);
  // Flat memory (issue 17): the large run's peak over the shipped one's, by medians and by the largest seen.
  const s1 = table.find((x) => x.p === 'shipped')?.s;
  /** A large run's peak (8: to a file, 9: to standard output) against 1's, by medians and by the largest seen. */
  const flatness = (p) => {
    const s = table.find((x) => x.p === p)?.s;
    if (s?.rssMb === undefined || s1?.rssMb === undefined) return { text: `n/a (needs pipelines 1 and ${p === 'large' ? 8 : 9})` };
    const ratio = { medians: s.rssMedianMb / s1.rssMedianMb, largest: s.rssMb / s1.rssMb };
    const pct = (r) => `${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)} %`;
    const text = `${pct(ratio.medians)} by medians (${fmt(s1.rssMedianMb, 0)} → ${fmt(s.rssMedianMb, 0)} MB), ${pct(ratio.largest)} by the largest (${fmt(s1.rssMb, 0)} → ${fmt(s.rssMb, 0)} MB)`;
    return { text, peakMb: s.rssMb, ok: s.rssMb < 256 && ratio.medians <= 1.1 && ratio.largest <= 1.1 };
  };
  const flat = flatness('large');
  const flatStdout = flatness('stdout');
  const sameLarge = digests[out.large] && digests[out.stdout] ? digests[out.large].sha256 === digests[out.stdout].sha256 : undefined;

  say(`\nResults (${opts.runs > 1 ? `medians of ${opts.runs} runs; ratios are medians of the ratios within each run` : 'one run'}; peak RSS is the largest seen; CPU = (user + system) / wall; page faults: minor, of the whole process):\n`);
  // CPU % is the process's user + system time over its wall time: 200 % is both cores busy.
  // The floor's process mostly reads its rows (not timed), so its CPU % would mean nothing.
  const cpuText = (p, s) => (p === 'floor' ? '—' : s.cpuPercent === undefined ? '—' : `${Math.round(s.cpuPercent)} %`);
  // Page faults: the first touch of each page of fresh memory, about 11 µs each on the machine of the seventh step
  // (docs/performance.md); unlike the seconds, a count that the machine's other work hardly moves.
  const head = ['pipeline', 'lines', 'rows', 'seconds', 'rows/s', 'peak RSS MB', 'CPU', 'page faults'];
  const body = table.map(({ p, s, why }) =>
    s
      ? [LABELS[p] + (s.note ? ` (${s.note})` : '') + (s.failed ? ` (${s.failed} run(s) failed)` : ''), fmtInt(s.lines), fmtInt(s.rows), fmt(s.seconds, 2), fmtInt(s.rowsPerSecond), fmt(s.rssMb, 0), cpuText(p, s), p === 'floor' ? '—' : fmtInt(s.pageFaults)]
      : [LABELS[p], '—', '—', `failed: ${why}`, '—', '—', '—', '—'],
  );
  const floorIndex = table.findIndex((x) => x.p === 'floor');
  const floorStats = table[floorIndex]?.s;
  if (floorStats?.rowByRowPerSecond) {
    body.splice(floorIndex + 1, 0, [
      '3b. floor, one write() a row',
      fmtInt(floorStats.lines),
      fmtInt(floorStats.rows),
      fmt(floorStats.rows / floorStats.rowByRowPerSecond, 2),
      fmtInt(floorStats.rowByRowPerSecond),
      fmt(floorStats.rssMb, 0),
      '—',
      '—',
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  say(line(head));
  for (const b of body) say(line(b));

  const ratioText = (x) => (x === undefined ? 'n/a' : `${x.toFixed(2)}×`);
  const identityText =
    identical === undefined
      ? 'n/a (needs pipelines 1 and 2)'
      : identical
        ? `yes (sha256 ${digests[out.shipped].sha256.slice(0, 16)}…)`
        : `NO (sha256 ${digests[out.shipped].sha256.slice(0, 16)}… vs ${digests[out.reference].sha256.slice(0, 16)}…; ${fmtInt(digests[out.shipped].rows)} vs ${fmtInt(digests[out.reference].rows)} rows)`;
  let peerText = 'n/a';
  if (peerComparison) {
    const c = peerComparison;
    peerText =
      c.differing === undefined
        ? `${fmtInt(c.notClosing)} of ${fmtInt(c.lines)} tables do not close (rows not compared: needs pipeline 2)`
        : `${fmtInt(c.differing)} of ${fmtInt(c.rows)} rows differ from ours (${fmtInt(c.differingLast)} last rows, ${fmtInt(c.differingBeforeLast)} before the last, ` +
          `in ${fmtInt(c.linesDrifting)} of ${fmtInt(c.lines)} tables; worst ${fmtInt(c.worstCents)} cents); ` +
          `${fmtInt(c.notClosing)} of ${fmtInt(c.lines)} tables do not close (amortisation ≠ principal, worst ${fmtInt(c.worstResidualCents)} cents)` +
          (c.unmatched ? `; ${fmtInt(c.unmatched)} rows unmatched` : '');
  }
  say('');
  say(`ratio 1/2 (shipped / reference, rows/s): ${ratioText(rShipRef)}`);
  say(`ratio 1/3 (shipped / floor, rows/s):     ${ratioText(rShipFloor)}`);
  say(`ratio 1/3b (shipped / row-by-row floor): ${ratioText(rShipRowByRow)}`);
  say(`ratio 6/7 (small book, naive s / finloc s): ${ratioText(rSmallNaive)}${ratios.smallOverNaive.length > 1 ? ` (each run: ${ratios.smallOverNaive.map(ratioText).join(', ')})` : ''}`);
  say(`outputs 1 and 2 byte-identical:          ${identityText}`);
  say(`peak RSS, 8 against 1:                   ${flat.text}`);
  say(`peak RSS, 9 against 1:                   ${flatStdout.text}`);
  say(`outputs 8 and 9 byte-identical:          ${sameLarge === undefined ? 'n/a (needs pipelines 8 and 9)' : sameLarge ? 'yes' : 'NO'}`);
  say(`peer:                                    ${peerText}`);
  if (peerComparison?.example) say(`  first drift before a last row — loanjs: ${peerComparison.example.peer}\n                                   finloc: ${peerComparison.example.ours}`);

  // Targets of issue 7, judged on this run.
  const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met');
  const targets = [
    ['≥ 1 200 000 rows/s, CSV to CSV (issue 17)', s1 ? `${fmtInt(s1.rowsPerSecond)} rows/s` : 'n/a', verdict(s1 && s1.rowsPerSecond >= 1_200_000)],
    ['small book at least as fast as the naive float writer (issue 17)', ratioText(rSmallNaive), verdict(rSmallNaive === undefined ? undefined : rSmallNaive >= 1)],
    ['≥ 10× the reference', ratioText(rShipRef), verdict(rShipRef === undefined ? undefined : rShipRef >= 10)],
    ['≥ 0.4× the floor', ratioText(rShipFloor), verdict(rShipFloor === undefined ? undefined : rShipFloor >= 0.4)],
    ['peak memory < 256 MB', s1?.rssMb !== undefined ? `${fmt(s1.rssMb, 0)} MB` : 'n/a', verdict(s1?.rssMb === undefined ? undefined : s1.rssMb < 256)],
    [
      `peak memory < 256 MB at ${LARGE_FACTOR} × the lines, within 10 % of 1 by medians and by the largest (issue 17)`,
      flat.ok === undefined ? 'n/a' : `${fmt(flat.peakMb, 0)} MB; ${flat.text}`,
      verdict(flat.ok),
    ],
    [
      `the same to standard output (9 against 1)`,
      flatStdout.ok === undefined ? 'n/a' : `${fmt(flatStdout.peakMb, 0)} MB; ${flatStdout.text}${sameLarge === false ? '; outputs 8 and 9 DIFFER' : ''}`,
      verdict(flatStdout.ok === undefined ? undefined : flatStdout.ok && sameLarge !== false),
    ],
    ['byte-identical to the reference', identical === undefined ? 'n/a' : identical ? 'identical' : 'different', verdict(identical)],
  ];

  say('\nMarkdown (for docs/performance.md):\n');
  say(`Run: ${fmtInt(opts.lines)} lines (seed ${opts.seed}), ${opts.runs > 1 ? `medians of ${opts.runs} runs` : 'one run'}; ${info.model}, ${info.cores} cores, node ${info.node}.`);
  say('');
  say(`| ${head.join(' | ')} |`);
  say(`|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const b of body) say(`| ${b.join(' | ')} |`);
  say('');
  say(`| target | this run | |`);
  say(`|---|---:|---|`);
  for (const t of targets) say(`| ${t.join(' | ')} |`);
  say('');
  say(`- ratio 1/2: ${ratioText(rShipRef)}; ratio 1/3: ${ratioText(rShipFloor)}; ratio 1/3b: ${ratioText(rShipRowByRow)}; ratio 6/7 (small book, naive s / finloc s): ${ratioText(rSmallNaive)}`);
  say(`- outputs 1 and 2 byte-identical: ${identityText}`);
  say(`- peak RSS, 8 against 1: ${flat.text}; 9 against 1: ${flatStdout.text}`);
  say(`- peer: ${peerText}`);
}

await main();
