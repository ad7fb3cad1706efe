// A seeded synthetic portfolio of CDC loan lines, in the LOANS.csv columns of
// the README (`finloc amortize` section). The bulk looks like the CDC's book
// (Livret A + margin, DL, annual, 30/360, equivalent rate, payment priority);
// a minority varies every other option so that the run goes through all paths.
// Actual-day counts stay rare (3 %), as in the CDC's book: each of their rows
// needs a decimal power of a fractional exponent, tens of times slower.
import fs from 'node:fs';

/** mulberry32: a tiny seeded PRNG, so the same seed gives the same file on every machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HEADER =
  'line_id,principal,first_due_date,periods,periodicity,index,margin_pct,rate_pct,revision,' +
  'progressivity_pct,progressivity_floor_pct,profile,interest_mode,day_count,prefinancing_months';

/** Picks from [value, weight] pairs. */
function weighted(rand, pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [value, w] of pairs) {
    x -= w;
    if (x < 0) return value;
  }
  return pairs[pairs.length - 1][0];
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Livret A points (ISO date, rate in hundredths of a percent) from data/livret-a.csv, to set realistic contract rates. */
export function readLivretA(path) {
  return fs
    .readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => {
      const [date, rate] = l.split(',');
      return { date, bp: Math.round(Number(rate) * 100) };
    });
}

function livretAAt(points, iso) {
  let bp = points[0].bp;
  for (const p of points) if (p.date <= iso) bp = p.bp;
  return bp;
}

/** Hundredths (an integer) as a decimal text with two places: 230 → "2.30", -20 → "-0.20". */
const hundredths = (n) => (n < 0 ? '-' : '') + Math.floor(Math.abs(n) / 100) + '.' + pad(Math.abs(n) % 100);

/** One CSV line of the portfolio. */
function loanLine(rand, i, livretA) {
  const id = String(5000001 + i);
  const livret = rand() < 0.7;
  const periodicity = weighted(rand, [['annual', 88], ['quarterly', 10], ['semiannual', 1], ['monthly', 1]]);
  const perYear = { annual: 1, semiannual: 2, quarterly: 4, monthly: 12 }[periodicity];
  const years = 15 + Math.floor(rand() * 26); // 15 to 40 years
  // Principal between 10 000 € and about 5 M€, log-uniform; most are whole euros, some carry cents.
  const euros = Math.round(10_000 * Math.pow(500, rand()));
  const cents = rand() < 0.3 ? Math.floor(rand() * 100) : 0;
  const year = 2012 + Math.floor(rand() * 16);
  const firstDue = `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
  const revision = livret ? weighted(rand, [['DL', 70], ['DR', 15], ['SR', 15]]) : 'none';
  const marginBp = livret ? weighted(rand, [[60, 40], [75, 10], [100, 15], [110, 10], [40, 10], [-20, 5], [130, 10]]) : 0;
  const rateBp = livret ? livretAAt(livretA, firstDue) + marginBp : 50 + Math.floor(rand() * 450);
  const progressivity = weighted(rand, [[0, 85], [50, 5], [100, 4], [-50, 3], [25, 3]]);
  const floor = revision === 'DL' && progressivity !== 0 && rand() < 0.5 ? -100 : 0;
  const profile = rand() < 0.9 ? 'payment_priority' : 'amortisation_priority';
  const interestMode = rand() < 0.95 ? 'equivalent' : 'proportional';
  const dayCount = weighted(rand, [['30/360', 97], ['actual/365', 2], ['actual/360', 1]]);
  const prefinancing = weighted(rand, [[0, 96], [12, 2], [24, 2]]);
  return [
    id,
    `${euros}.${pad(cents)}`,
    firstDue,
    years * perYear,
    periodicity,
    livret ? 'livret_a' : 'none',
    livret ? hundredths(marginBp) : '',
    hundredths(rateBp),
    revision,
    hundredths(progressivity),
    hundredths(floor),
    profile,
    interestMode,
    dayCount,
    prefinancing,
  ].join(',');
}

/** Writes `lines` loan lines to `path`; returns the file's size in bytes. */
export function writePortfolio(path, lines, seed, livretAPath) {
  const rand = mulberry32(seed);
  const livretA = readLivretA(livretAPath);
  const fd = fs.openSync(path, 'w');
  try {
    let chunk = HEADER + '\n';
    for (let i = 0; i < lines; i++) {
      chunk += loanLine(rand, i, livretA) + '\n';
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(path).size;
}

/**
 * The « small book » of issue 17: 20 000 fixed-rate annual 25-year lines
 * (payment priority, 30/360, equivalent rate, no progressivity), the commonest
 * size and kind of book. Rates 0,50 to 4,99 %, principals 10 000 € to 5 M€
 * (log-uniform, 30 % with cents), first due dates 2012 to 2027.
 */
export function writeSmallBook(path, lines, seed) {
  const rand = mulberry32(seed);
  let text = HEADER + '\n';
  for (let i = 0; i < lines; i++) {
    const euros = Math.round(10_000 * Math.pow(500, rand()));
    const cents = rand() < 0.3 ? Math.floor(rand() * 100) : 0;
    const firstDue = `${2012 + Math.floor(rand() * 16)}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    const rate = hundredths(50 + Math.floor(rand() * 450));
    text += `${6000001 + i},${euros}.${pad(cents)},${firstDue},25,annual,none,,${rate},none,0.00,0.00,payment_priority,equivalent,30/360,0\n`;
  }
  fs.writeFileSync(path, text);
  return Buffer.byteLength(text);
}
