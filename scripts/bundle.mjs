// The shipped command, bundled: `tsc` compiles cli/, src/ and node/ into
// dist/ module by module (the library's entry points stay those modules);
// then this script bundles the command line and its worker thread from that
// output into dist/bin/:
//
//   finloc.js, worker.js   the launcher (cli/launch.ts), which runs the bundle
//                          beside it with its V8 code cache (CommonJS, as
//                          package.json here says)
//   finloc.cjs             the command line, every command, one CommonJS file,
//                          written wrapped as Node wraps a module: a function
//                          expression that only the launcher calls
//   finloc.cjs.cache       V8's code cache of finloc.cjs, written by a
//                          training run of `finloc amortize` at the end
//   worker.cjs             a worker thread of `finloc amortize`
//   vega.cjs, vega-lite.cjs  the charts' libraries, required only by html reports
//
// Why one CommonJS file with a code cache: Node 20 loads an ES module tree one
// file at a time and keeps no code cache for ES modules. Loading and compiling
// was about 30 ms of a one-line run's 150 ms, and more of the « small book » of
// issue 17 (docs/performance.md). The earlier bundle (ES modules, a file a
// command and the chunks they share) still loaded 17 files for `amortize`.
// esbuild keeps the code as written (no minifying: readable when a run is reported).
//
// vega and vega-lite are bundled apart because vega-canvas waits at its top
// level (`await import('canvas')`), which CommonJS cannot: vega.cjs and
// vega-lite.cjs take scripts/vega-canvas.cjs instead, the same module that
// requires `canvas` where it imported it.
//
//   node scripts/bundle.mjs        (npm run build runs it after tsc)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePortfolio } from '../bench/portfolio.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

fs.rmSync(path.join(root, 'dist', 'bin'), { recursive: true, force: true });
const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };
// The charts' libraries, each a CommonJS file that the command requires as ./vega.cjs, ./vega-lite.cjs.
const vendor = { 'vega.cjs': 'vega', 'vega-lite.cjs': 'vega-lite' };
const canvasShim = path.join(root, 'scripts', 'vega-canvas.cjs');
for (const [file, pkg] of Object.entries(vendor)) {
  await build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, loader: 'js' }, outfile: `dist/bin/${file}`, format: 'cjs', alias: { 'vega-canvas': canvasShim }, external: ['canvas'] });
}
const toVendor = {
  name: 'charts-apart',
  setup(b) {
    b.onResolve({ filter: /^vega(-lite)?$/ }, (args) => ({ path: `./${args.path}.cjs`, external: true }));
  },
};
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: path.join(root, 'scripts', 'lazy-child-process.cjs') } : undefined));
  },
};
await build({
  ...common,
  // cli/amortize/pool.ts finds the worker beside itself as ./worker.js: both land in dist/bin/.
  entryPoints: { finloc: './dist/cli/finloc.js', worker: './dist/cli/amortize/worker.js' },
  outdir: 'dist/bin',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // Loaded only for xlsx files, with its own many dependencies: left to Node's resolution from node_modules.
  external: ['exceljs'],
  plugins: [toVendor, lazyChildProcess],
  // import() of exceljs becomes require(): the launcher runs the bundle as a script, where import() needs a Node flag.
  supported: { 'dynamic-import': false },
  // The two uses of import.meta.url (the worker's path, the package's folder) are the bundle's own file.
  define: { 'import.meta.url': '__finlocBundleUrl' },
  banner: { js: "var __finlocBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The launcher reads the bundles as Latin-1 text, a string of one byte a character (9 to 15 ms to decode them as UTF-8,
// 3 to 4 as Latin-1, 1 MB less kept). esbuild writes strings in ASCII, but not comments, regular expressions and
// template literals: their other characters are written \uXXXX, which means the same in each of them (a comment;
// a regular expression, with or without the u flag; a template's value).
for (const file of ['finloc.cjs', 'worker.cjs']) {
  const at = path.join(root, 'dist', 'bin', file);
  const code = fs.readFileSync(at, 'utf8');
  // Not safe to rewrite: a character escaped by a backslash, a template's raw text, a line separator (which ends a
  // comment, where its escape would not).
  if (/\\[^\x00-\x7f]|String\.raw|\.raw\b(?!\()|[\u2028\u2029]/.test(code)) throw new Error(`${file}: cannot be written in ASCII safely`);
  const ascii = code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (/[^\x00-\x7f]/.test(ascii)) throw new Error(`${file}: not ASCII`);
  // Written already wrapped as Node wraps a CommonJS module (its `#!` line made a comment), so that the launcher
  // compiles the string it reads: wrapping it there made a string of two pieces that V8 copied whole into one
  // before looking up the cache (272 of the launcher's 534 page faults, docs/performance.md).
  fs.writeFileSync(at, Module.wrap(ascii.replace(/^#!/, '//')));
}
// The launcher is CommonJS too, and dist/bin/package.json says so: an ES module as the first file made Node load
// its ES module loader (17 more of its own modules: 107 against 90), 12 to 20 ms of every run (docs/performance.md).
await build({
  ...common,
  entryPoints: { finloc: './dist/cli/launch.js', worker: './dist/cli/launch.js' },
  outdir: 'dist/bin',
  format: 'cjs',
  define: { 'import.meta.url': '__launcherUrl' },
  banner: { js: "'use strict';\nvar __launcherUrl = require('node:url').pathToFileURL(__filename).href;" },
});
fs.writeFileSync(path.join(root, 'dist', 'bin', 'package.json'), '{ "type": "commonjs" }\n');
fs.chmodSync(path.join(root, 'dist', 'bin', 'finloc.js'), 0o755);

// The training run: `finloc amortize` on 200 lines of the benchmark's portfolio (every kind of line), to a file, as
// users run it. V8 puts in the cache every function compiled by then.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'finloc-code-cache-'));
try {
  const loans = path.join(work, 'loans.csv');
  writePortfolio(loans, 200, 1, path.join(root, 'data', 'livret-a.csv'));
  const cache = path.join(root, 'dist', 'bin', 'finloc.cjs.cache');
  const run = spawnSync(process.execPath, [path.join(root, 'dist', 'bin', 'finloc.js'), 'amortize', loans, '--threads', '0', '-o', path.join(work, 'out.csv')], {
    env: { ...process.env, FINLOC_WRITE_CODE_CACHE: cache },
    encoding: 'utf8',
  });
  if (run.status !== 0 || !fs.existsSync(cache)) throw new Error(`the code cache's training run failed (${run.status}): ${run.stderr}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
