// Pipeline (3), the physical floor: the formatted rows are read into memory
// first (not timed), then only written to a file (timed). No parsing, no
// arithmetic, no formatting: what is left is the cost of putting the bytes in
// the file. The floor gathers the rows into 64 KiB chunks for a write stream
// (as any buffered writer does); the same rows written one `write()` a row,
// honouring back-pressure, are timed too and reported beside it, since a
// writer's per-call overhead is the first cost above the floor.
//   node bench/floor.mjs SOURCE.csv OUT.csv TOTAL_ROWS MAX_ROWS_IN_MEMORY
// SOURCE is the reference pipeline's output. When TOTAL_ROWS exceeds
// MAX_ROWS_IN_MEMORY (a million-line portfolio would need gigabytes), the rows
// held are written again in a cycle up to TOTAL_ROWS: the same work per row.
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const [source, output, totalText, maxText] = process.argv.slice(2);
const total = Number(totalText);
const max = Number(maxText);

const lines = readline.createInterface({ input: fs.createReadStream(source), crlfDelay: Infinity });
let header;
const rows = [];
for await (const line of lines) {
  if (header === undefined) header = line + '\n';
  else if (rows.length < max) rows.push(line + '\n');
  else break;
}
lines.close();
if (rows.length === 0) {
  process.stderr.write('floor: no rows in the source\n');
  process.exit(2);
}

/** Writes `total` rows (cycling over those held); `chunked` gathers them into 64 KiB strings first. */
async function write(chunked) {
  const start = performance.now();
  const out = fs.createWriteStream(output);
  let chunk = header;
  for (let i = 0, n = rows.length; i < total; i++) {
    if (chunked) {
      chunk += rows[i % n];
      if (chunk.length < 65536) continue;
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    } else {
      if (chunk) out.write(chunk);
      chunk = '';
      if (!out.write(rows[i % n])) await once(out, 'drain');
    }
  }
  out.end(chunk);
  await finished(out);
  return (performance.now() - start) / 1000;
}

const seconds = await write(true);
const rowByRowSeconds = await write(false);
process.stdout.write(JSON.stringify({ rows: total, rowsInMemory: rows.length, seconds, rowByRowSeconds }) + '\n');
