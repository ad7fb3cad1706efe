// Preloaded with `node --import` when /usr/bin/time is missing: writes the
// process's peak resident set size (kB), CPU time (user + system, s) and minor page faults to
// the file named by FINLOC_BENCH_RSS_FILE on exit. Worker threads count, as
// they share the process.
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.FINLOC_BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    fs.writeFileSync(file, JSON.stringify({ maxRSS: usage.maxRSS, cpuSeconds, minorPageFault: usage.minorPageFault }));
  });
}
