// Pipeline (2), the reference: what a straightforward implementation does.
// The project's own reading (parseTable + loanLineSchema + loanLineFromRow),
// the plain decimal.js core `amortize` line by line, each row formatted by
// scheduleRowFields and written with fast-csv. Its bytes must equal
// `finloc amortize`'s (csv format).
//   node bench/reference.mjs LOANS.csv OUT.csv LIVRET_A.csv
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { format } from 'fast-csv';

const dist = new URL('../dist/src/', import.meta.url);
const { decodeBytes } = await import(new URL('csv/decode.js', dist));
const { parseTable } = await import(new URL('csv/table.js', dist));
const { loanLineSchema, loanLineFromRow, rateHistorySchema } = await import(new URL('loan/input.js', dist));
const { amortize } = await import(new URL('loan/schedule.js', dist));
const { scheduleHeader, scheduleRowFields } = await import(new URL('loan/render.js', dist));
const { livretAHistory } = await import(new URL('rates/livret-a.js', dist));

const [input, output, livretAFile] = process.argv.slice(2);

function fail(problems) {
  for (const p of problems.slice(0, 10)) process.stderr.write(`reference: line ${p.line ?? '?'} ${p.columnName ?? ''}: ${p.message}\n`);
  process.exit(2);
}

const history = parseTable(decodeBytes(fs.readFileSync(livretAFile)), rateHistorySchema);
if (history.problems.length > 0) fail(history.problems);
const index = livretAHistory(history.rows.map(({ row }) => ({ effectiveDate: row.effective_date, ratePct: row.rate_pct })));

const { rows, problems } = parseTable(decodeBytes(fs.readFileSync(input)), loanLineSchema);
if (problems.length > 0) fail(problems);

const out = fs.createWriteStream(output);
out.write(scheduleHeader('csv'));
// fast-csv's defaults: ',' and '\n'; includeEndRowDelimiter gives the final newline finloc writes.
const csv = format({ includeEndRowDelimiter: true });
csv.pipe(out);
let count = 0;
for (const { line: lineNo, row } of rows) {
  const built = loanLineFromRow(row);
  if (!built.line) fail(built.problems.map((p) => ({ ...p, line: lineNo })));
  const schedule = amortize(built.line, { index });
  for (const r of schedule.rows) {
    count++;
    if (!csv.write(scheduleRowFields(built.line.lineId, r, 'csv'))) await once(csv, 'drain');
  }
}
csv.end();
await finished(out);
process.stdout.write(JSON.stringify({ lines: rows.length, rows: count }) + '\n');
