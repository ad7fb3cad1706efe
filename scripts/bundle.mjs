// The shipped command, bundled: `tsc` compiles cli/, src/ and node/ into
// dist/ module by module (the library's entry points stay those modules);
// then this script bundles the command line and its worker thread from that
// output into dist/bin/, one file a command loaded on demand, plus the chunks
// they share.
//
// Why a bundle: Node 20 loads an ES module tree one file at a time (resolve,
// read, compile, link), and `finloc amortize` loads 75 of them plus
// commander's CommonJS files. Loading them was about 30 ms of a one-line run's
// 150 ms (medians of 12 alternating runs: 0,148 s unbundled, 0,117 s bundled)
// and of each worker's start, and the « small book » of issue 17 pays it
// too (docs/performance.md). esbuild does it in a fraction of a second and
// keeps the code as written (no minifying: readable when a run is reported).
//
//   node scripts/bundle.mjs        (npm run build runs it after tsc)
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Chunks are named by their content: those of an earlier build would stay beside the new ones.
fs.rmSync(path.join(root, 'dist', 'bin'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // cli/amortize/pool.ts finds the worker beside itself as ./worker.js: both land in dist/bin/.
  entryPoints: { finloc: './dist/cli/finloc.js', worker: './dist/cli/amortize/worker.js' },
  outdir: 'dist/bin',
  bundle: true,
  // Each command stays its own file, loaded only when the run names it (cli/main.ts).
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded only for xlsx files, with its own many dependencies: left to Node's resolution from node_modules.
  external: ['exceljs'],
  // commander is CommonJS and requires Node's modules: an ES module has no `require` unless given one.
  banner: { js: "import { createRequire as __finlocRequire } from 'node:module'; const require = __finlocRequire(import.meta.url);" },
  logLevel: 'warning',
});
