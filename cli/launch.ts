#!/usr/bin/env node
/**
 * The shipped command's first file (dist/bin/finloc.js, and dist/bin/worker.js
 * for worker threads): it runs the CommonJS bundle beside it (finloc.cjs,
 * worker.cjs; scripts/bundle.mjs) with V8's code cache of that bundle when
 * the build left one (finloc.cjs.cache).
 *
 * Why: Node 20 has no code cache for ES modules, and loads them one file at
 * a time; `finloc amortize` loaded 17 files. One CommonJS file compiled with
 * its code cache skips the parsing and compiling of every function the
 * build's training run used (docs/performance.md: the small book of issue 17
 * 679 → 620 ms, a one-line `amortize` 182 → 159 ms, medians of 14
 * alternating runs). A cache made by another Node or with other V8 flags is
 * rejected by V8 and the bundle is compiled from its source, as without one.
 *
 * The launcher itself is built as CommonJS (dist/bin/package.json says so):
 * as the first file, an ES module made Node load its ES module loader,
 * 12 to 20 ms of every run.
 *
 * Not Node's own `require`: it compiles a file without a cache. The bundle
 * is written wrapped as Node wraps a CommonJS module, and given a `require` of its
 * own folder, so that what it requires (exceljs, the charts' vega.cjs)
 * resolves as from the file itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// V8 checks a cache's version, flags and length, but its checksum only with this flag: without it, a cache whose
// bytes were damaged on disk crashed the process (« unreachable code », tested) instead of being rejected. The
// training run sets it too, so that the two runs' flags agree (V8 rejects a cache made under other flags).
setFlagsFromString('--verify-snapshot-checksum');

const bundle = fileURLToPath(import.meta.url).replace(/\.js$/, '.cjs');
const cacheFile = `${bundle}.cache`;
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache (a worker's bundle, or a build without one): compiled from the source.
}
// ASCII (scripts/bundle.mjs): read as Latin-1, a string of one byte a character, faster than decoding UTF-8. Written
// wrapped as Node wraps a CommonJS module: compiled as it is read, one flat string.
const source = readFileSync(bundle, 'latin1');
const script = new Script(source, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
// The build's training run (scripts/bundle.mjs) names the cache to write: every function it used is in it.
if (process.env.FINLOC_WRITE_CODE_CACHE === cacheFile) process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
