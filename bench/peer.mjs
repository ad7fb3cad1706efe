// Pipeline (4), the peer: loanjs, the most downloaded float-based amortisation
// package on npm, on the part of the portfolio it can express (fixed rate,
// annual, 30/360, payment priority, no progressivity, no prefinancing),
// read and written with fast-csv in finloc's csv columns.
//   node bench/peer.mjs LOANS.csv OUT.csv
// loanjs counts in months (rate / 1200 per installment): an annual schedule
// is n installments at 12 × the annual rate, which makes its period rate the
// annual rate, as finloc's.
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { parse, format } from 'fast-csv';
import LoanJS from 'loanjs';

const [input, output] = process.argv.slice(2);

export function peerCovers(r) {
  return (
    r.index === 'none' &&
    r.periodicity === 'annual' &&
    r.day_count === '30/360' &&
    r.profile === 'payment_priority' &&
    Number(r.progressivity_pct) === 0 &&
    Number(r.prefinancing_months) === 0
  );
}

const out = fs.createWriteStream(output);
const csv = format({
  headers: ['line_id', 'number', 'due_date', 'rate_pct', 'payment', 'amortisation', 'interest', 'deferred_interest', 'capital_after', 'deferred_stock'],
  includeEndRowDelimiter: true,
});
csv.pipe(out);

let lines = 0;
let rows = 0;
let notClosing = 0;
let worstResidualCents = 0;
for await (const r of fs.createReadStream(input).pipe(parse({ headers: true }))) {
  if (!peerCovers(r)) continue;
  lines++;
  const principal = Number(r.principal);
  const periods = Number(r.periods);
  const loan = LoanJS.Loan(principal, periods, Number(r.rate_pct) * 12, 'annuity');
  const [y, m, d] = r.first_due_date.split('-');
  let repaidCents = 0;
  for (let k = 0; k < periods; k++) {
    const inst = loan.installments[k];
    repaidCents += Math.round(inst.capital * 100);
    rows++;
    const fields = [
      r.line_id,
      String(k + 1),
      `${Number(y) + k}-${m}-${d}`,
      Number(r.rate_pct).toFixed(2),
      inst.installment.toFixed(2),
      inst.capital.toFixed(2),
      inst.interest.toFixed(2),
      '0.00',
      inst.remain.toFixed(2),
      '0.00',
    ];
    if (!csv.write(fields)) await once(csv, 'drain');
  }
  // A table closes when its amortisation column repays the principal exactly.
  const residual = Math.abs(Math.round(principal * 100) - repaidCents);
  if (residual !== 0) notClosing++;
  worstResidualCents = Math.max(worstResidualCents, residual);
}
csv.end();
await finished(out);
process.stdout.write(JSON.stringify({ lines, rows, notClosing, worstResidualCents }) + '\n');
