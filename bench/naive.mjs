// Pipeline (7), the naive float writer of issue 17: what a one-thread script
// does with the small book when exactness is not asked for. The file is read
// whole and split on line breaks, each table computed in binary floating
// point (payment P·t/(1−(1+t)^−n) rounded by Math.round(x·100)/100, interest
// on the capital left, the last due date repaying all of it), and the rows,
// in `finloc amortize`'s csv columns, gathered into 64 KiB chunks for a write
// stream. Its figures are those of a float toy (a row now and then is a cent
// off near half-cent ties); the benchmark only times it.
//   node bench/naive.mjs SMALL_BOOK.csv OUT.csv
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const [input, output] = process.argv.slice(2);
const lines = fs.readFileSync(input, 'utf8').split('\n');
const out = fs.createWriteStream(output);
let chunk = 'line_id,number,due_date,rate_pct,payment,amortisation,interest,deferred_interest,capital_after,deferred_stock\n';
let rows = 0;
const money = (cents) => (cents / 100).toFixed(2);
for (let i = 1; i < lines.length; i++) {
  if (lines[i] === '') continue;
  const [id, principal, firstDue, periodsText, , , , rateText] = lines[i].split(',');
  const n = Number(periodsText);
  const rate = Number(rateText);
  const t = rate / 100;
  let capital = Math.round(Number(principal) * 100);
  const payment = Math.round((capital * t) / (1 - Math.pow(1 + t, -n)));
  const year = Number(firstDue.slice(0, 4));
  const monthDay = firstDue.slice(4);
  for (let k = 1; k <= n; k++) {
    const interest = Math.round(capital * t);
    const amortisation = k === n ? capital : payment - interest;
    capital -= amortisation;
    chunk += `${id},${k},${year + k - 1}${monthDay},${rateText},${money(amortisation + interest)},${money(amortisation)},${money(interest)},0.00,${money(capital)},0.00\n`;
    rows++;
    if (chunk.length >= 65536) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
}
out.end(chunk);
await finished(out);
process.stdout.write(JSON.stringify({ rows }) + '\n');
