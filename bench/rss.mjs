// Preloaded with `node --import` when /usr/bin/time is missing: writes the
// process's peak resident set size (kB; worker threads included, as they
// share the process) to the file named by FINLOC_BENCH_RSS_FILE on exit.
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.FINLOC_BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
