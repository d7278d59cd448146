// Writes SYNTHETIC_acs5_2023_zcta_philadelphia_suburbs_tables.csv: made-up but internally consistent
// ACS tables the bundled real files do not hold, for the 188 Philadelphia-suburb ZCTAs. See README.md.
//
//   node test/support/fake-census/synthetic/generate-synthetic-tables.mjs
//
// Totals are the real B25003 / B25001 counts of each ZCTA (with their real MOE where B25003 has one)
// so the synthetic cells add up to figures the fake API also serves; everything else (the split of the
// totals into cells, the bracket distributions, their MOEs) is invented by a seeded generator, shaped
// around the ZCTA's real median where one exists. Deterministic: the same input gives the same file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(
  here,
  '..',
  '..',
  '..',
  '..',
  'data',
  'census',
  'acs5_2023_zcta_philadelphia_suburbs.csv',
);
export const OUTPUT = join(here, 'SYNTHETIC_acs5_2023_zcta_philadelphia_suburbs_tables.csv');

/** FNV-1a of a string: the seed of one ZCTA's generator. */
function seedOf(text) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** mulberry32: small, fast, deterministic. */
function generator(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random, lo, hi) => lo + (hi - lo) * random();

/** Splits `total` into whole counts proportional to `weights` (largest remainder), summing exactly. */
function apportion(total, weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (w / sum) * total);
  const counts = raw.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

/** A plausible sampling MOE for a synthetic count: 1.645 · √(1.5 · n), at least 11 (zero cells). */
const moeOf = (count) => Math.max(11, Math.round(1.645 * Math.sqrt(1.5 * count)));

// Standard normal CDF (Abramowitz-Stegun 7.1.26), enough for bracket shares.
function phi(x) {
  const t = 1 / (1 + 0.3275911 * Math.abs(x / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Shares of brackets [cuts[i-1], cuts[i]) of a normal (on log scale when `log`). */
function bracketShares(cuts, center, sd, log) {
  const f = (x) => (log ? Math.log(Math.max(x, 1)) : x);
  const c = f(center);
  const cdf = (x) => phi((f(x) - c) / sd);
  const shares = [];
  for (let i = 0; i <= cuts.length; i++) {
    const lo = i === 0 ? 0 : cdf(cuts[i - 1]);
    const hi = i === cuts.length ? 1 : cdf(cuts[i]);
    shares.push(Math.max(0, hi - lo));
  }
  return shares;
}

const INCOME_CUTS = [10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 75, 100, 125, 150, 200].map((k) => k * 1000);
const VALUE_CUTS = [
  10, 15, 20, 25, 30, 35, 40, 50, 60, 70, 80, 90, 100, 125, 150, 175, 200, 250, 300, 400, 500, 750, 1000,
  1500, 2000,
].map((k) => k * 1000);
const RENT_CUTS = [
  100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600, 650, 700, 750, 800, 900, 1000, 1250, 1500, 2000,
  2500, 3000, 3500,
];
// B25034 / B25036 lines run newest first: 2020+, 2010s, …, 1939 or earlier.
const YEAR_CUTS_OLDEST_FIRST = [1940, 1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020];

const line = (table, n) => `${table}_${String(n).padStart(3, '0')}`;

function tablesFor(row) {
  const random = generator(seedOf(row.zcta));
  const occupied = row.B25003_001E;
  const owners = row.B25003_002E;
  const renters = row.B25003_003E;
  const housing = row.B25001_001E;
  const out = {};
  const put = (id, value, moe) => {
    out[`${id}E`] = value;
    out[`${id}M`] = moe ?? moeOf(value);
  };
  if (occupied === null || owners === null || renters === null) return out;

  // B25032 tenure by units in structure (lines read by the engine).
  put(line('B25032', 1), occupied, row.B25003_001M);
  put(line('B25032', 2), owners, row.B25003_002M);
  put(line('B25032', 3), Math.round(owners * between(random, 0.55, 0.97)));
  put(line('B25032', 13), renters, row.B25003_003M);
  put(line('B25032', 14), Math.round(renters * between(random, 0.05, 0.35)));

  // Year built around the real median year (B25035), oldest first, then written newest first.
  const year = row.B25035_001E !== null && row.B25035_001E > 1900 ? row.B25035_001E : 1975;
  const yearShares = bracketShares(YEAR_CUTS_OLDEST_FIRST, year, 20, false);
  const ownerYears = apportion(owners, yearShares).reverse();
  put(line('B25036', 1), occupied, row.B25003_001M);
  put(line('B25036', 2), owners, row.B25003_002M);
  ownerYears.forEach((c, i) => put(line('B25036', 3 + i), c));
  if (housing !== null) {
    put(line('B25034', 1), housing);
    apportion(housing, yearShares)
      .reverse()
      .forEach((c, i) => put(line('B25034', 2 + i), c));
  }

  // B25117 tenure by heating fuel (owner lines read by the engine).
  put(line('B25117', 1), occupied, row.B25003_001M);
  put(line('B25117', 2), owners, row.B25003_002M);
  put(line('B25117', 4), Math.round(owners * between(random, 0.01, 0.12)));
  put(line('B25117', 5), Math.round(owners * between(random, 0.1, 0.4)));
  put(line('B25117', 6), Math.round(owners * between(random, 0.02, 0.3)));

  // B25007 tenure by age of householder: 65-74, 75-84, 85+.
  put(line('B25007', 1), occupied, row.B25003_001M);
  put(line('B25007', 2), owners, row.B25003_002M);
  apportion(Math.round(owners * between(random, 0.2, 0.45)), [0.5, 0.35, 0.15]).forEach((c, i) =>
    put(line('B25007', 9 + i), c),
  );
  put(line('B25007', 12), renters, row.B25003_003M);
  apportion(Math.round(renters * between(random, 0.1, 0.3)), [0.5, 0.35, 0.15]).forEach((c, i) =>
    put(line('B25007', 19 + i), c),
  );

  // B25038 tenure by year moved in: the most recent period only.
  put(line('B25038', 1), occupied, row.B25003_001M);
  put(line('B25038', 2), owners, row.B25003_002M);
  put(line('B25038', 3), Math.round(owners * between(random, 0.05, 0.2)));
  put(line('B25038', 9), renters, row.B25003_003M);
  put(line('B25038', 10), Math.round(renters * between(random, 0.3, 0.6)));

  // B25004 vacancy status: for rent, rented not occupied, for sale, sold not occupied.
  if (housing !== null) {
    const vacant = Math.max(0, housing - occupied);
    put(line('B25004', 1), vacant);
    const market = Math.round(vacant * between(random, 0.2, 0.6));
    apportion(market, [
      between(random, 1, 4),
      between(random, 0, 1),
      between(random, 0.5, 2.5),
      between(random, 0, 1),
    ]).forEach((c, i) => put(line('B25004', 2 + i), c));
  }

  // Distributions around the real medians; a top-coded median sits above its cap.
  const income = row.B19013_001E === 250001 ? 280000 : row.B19013_001E;
  if (income !== null) {
    put(line('B19001', 1), occupied, row.B25003_001M);
    apportion(occupied, bracketShares(INCOME_CUTS, income, 0.75, true)).forEach((c, i) =>
      put(line('B19001', 2 + i), c),
    );
  }
  const value = row.B25077_001E === 2000001 ? 2200000 : row.B25077_001E;
  if (value !== null) {
    put(line('B25075', 1), owners, row.B25003_002M);
    apportion(owners, bracketShares(VALUE_CUTS, value, 0.45, true)).forEach((c, i) =>
      put(line('B25075', 2 + i), c),
    );
  }
  const rent = row.B25064_001E === 3501 ? 3800 : row.B25064_001E;
  if (rent !== null) {
    const cash = Math.round(renters * between(random, 0.85, 0.98));
    put(line('B25063', 2), cash);
    apportion(cash, bracketShares(RENT_CUTS, rent, 0.35, true)).forEach((c, i) =>
      put(line('B25063', 3 + i), c),
    );
  }
  return out;
}

function main() {
  const [header, ...lines] = readFileSync(SOURCE, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  const rows = lines.map((l) => {
    const cells = l.split(',');
    const row = { zcta: cells[0] };
    names.forEach((n, i) => {
      if (i > 0) row[n] = cells[i] === '' ? null : Number(cells[i]);
    });
    return row;
  });
  const tables = rows.map((r) => ({ zcta: r.zcta, cells: tablesFor(r) }));
  const columns = [...new Set(tables.flatMap((t) => Object.keys(t.cells)))].sort();
  const csv = [
    ['zcta', ...columns].join(','),
    ...tables.map((t) =>
      [t.zcta, ...columns.map((c) => (t.cells[c] === undefined ? '' : String(t.cells[c])))].join(','),
    ),
  ].join('\n');
  writeFileSync(OUTPUT, `${csv}\n`);
  process.stdout.write(`${OUTPUT}: ${tables.length} ZCTAs, ${columns.length} columns\n`);
}

main();
