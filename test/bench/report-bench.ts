// `npm run bench:report`: buildReport (pure, in-process) on geographies of 20, 200 and 2,000 ZIPs whose
// census signals are the real ACS 2019-2023 national figures in data/census (population, housing units,
// occupied / owner / renter units with their MOEs), plus a few channels and events. Reports the median
// time per size, the time per ZIP and its growth, and a split between scoreZips and the rest of the report.
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { findCensusDataFile } from '@lbi/census';
import {
  buildReport,
  collectZipData,
  scoreZipsDetailed,
  type CensusSignalInput,
  type ChannelInput,
  type EventInput,
  type ReportInput,
} from '@lbi/scoring';

export const NATIONAL_FILE = 'acs5_2023_zcta_population_housing_tenure.csv';
export const AS_OF = '2026-03-02';

/** CSV column → engine metric (names as in libs/census acs-variables) and its MOE column, if any. */
const COLUMNS: readonly { metric: string; estimate: string; moe: string | null }[] = [
  { metric: 'population', estimate: 'B01003_001E', moe: null },
  { metric: 'housing_units', estimate: 'B25001_001E', moe: null },
  { metric: 'occupied_units', estimate: 'B25003_001E', moe: 'B25003_001M' },
  { metric: 'owner_occupied', estimate: 'B25003_002E', moe: 'B25003_002M' },
  { metric: 'renter_occupied', estimate: 'B25003_003E', moe: 'B25003_003M' },
];

export interface ZctaRow {
  zcta: string;
  values: Record<string, number>;
}

/** Every ZCTA of the national file, in file order (00601 … 99929). */
export function loadNationalRows(): ZctaRow[] {
  const text = readFileSync(findCensusDataFile(NATIONAL_FILE), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const values: Record<string, number> = {};
    names.forEach((name, i) => {
      if (i > 0) values[name] = Number(cells[i]);
    });
    return { zcta: cells[0], values };
  });
}

/**
 * A deterministic national spread: `largest` ZCTAs evenly spaced through the file, and each smaller size
 * every (largest / size)-th of those, so the geographies nest (the 20 are among the 200, which are among
 * the 2,000) and all span the country instead of starting in Puerto Rico.
 */
export function spreadGeographies(
  rows: readonly ZctaRow[],
  sizes: readonly number[],
): Map<number, ZctaRow[]> {
  const largest = Math.max(...sizes);
  const step = rows.length / largest;
  const base = Array.from({ length: largest }, (_, i) => rows[Math.floor(i * step)]);
  return new Map(
    sizes.map((size) => {
      const every = largest / size;
      return [size, Array.from({ length: size }, (_, i) => base[Math.floor(i * every)])];
    }),
  );
}

export function censusSignals(rows: readonly ZctaRow[]): CensusSignalInput[] {
  return rows.flatMap((r) =>
    COLUMNS.map((c) => ({
      zip_code: r.zcta,
      zcta: r.zcta,
      metric: c.metric,
      value: r.values[c.estimate],
      margin_of_error: c.moe ? r.values[c.moe] : null,
    })),
  );
}

// Invented institutional channels (no real organisation), spread over the geography, one geography-wide.
const CHANNEL_TEMPLATES: readonly { channel_type: string; name: string; reach: number | null }[] = [
  { channel_type: 'hoa', name: 'Maple Ridge Homeowners Association', reach: 1400 },
  { channel_type: 'civic_association', name: 'Eastfield Civic Association', reach: 3200 },
  { channel_type: 'home_show', name: 'Tri-County Spring Home Show', reach: 12000 },
  { channel_type: 'hardware_store', name: 'Cedar Lane Hardware', reach: 2500 },
  { channel_type: 'real_estate_office', name: 'Brookside Realty Group', reach: 5000 },
  { channel_type: 'newsletter', name: 'Willow Creek Township Newsletter', reach: 8000 },
  { channel_type: 'local_media', name: 'Valley Weekly Courier', reach: 20000 },
  { channel_type: 'community_event', name: 'Harvest Street Fair', reach: null },
];

export function channelsFor(rows: readonly ZctaRow[]): ChannelInput[] {
  const list: ChannelInput[] = CHANNEL_TEMPLATES.map((t, i) => ({
    id: `bench-channel-${String(i + 1).padStart(2, '0')}`,
    channel_type: t.channel_type,
    name: t.name,
    zip_code: rows[Math.floor((i * rows.length) / CHANNEL_TEMPLATES.length)].zcta,
    estimated_reach: t.reach,
  }));
  list.push({
    id: 'bench-channel-99',
    channel_type: 'chamber_of_commerce',
    name: 'Regional Chamber of Commerce',
    zip_code: null,
    estimated_reach: 15000,
  });
  return list;
}

/** One event per 10 ZIPs (at least 3), dated through the next eight months, for the category or general. */
export function eventsFor(rows: readonly ZctaRow[], category: string): EventInput[] {
  const count = Math.max(3, Math.ceil(rows.length / 10));
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(2026, 2, 9 + ((i * 7) % 240)));
    const end = new Date(start.getTime() + 2 * 86_400_000);
    return {
      event_name: `Bench ${category} event ${i + 1}`,
      start_date: start.toISOString().slice(0, 10),
      end_date: end.toISOString().slice(0, 10),
      zip_code: rows[(i * 7) % rows.length].zcta,
      category: i % 3 === 0 ? 'general' : category,
    };
  });
}

export function reportInput(rows: readonly ZctaRow[], category: string): ReportInput {
  const zips = rows.map((r) => r.zcta);
  return {
    geography: {
      id: `bench-${rows.length}`,
      name: `Benchmark ${rows.length} ZIPs`,
      zip_codes: zips,
      zcta_resolution: zips.map((z) => ({ zip: z, zcta: z })),
    },
    category,
    as_of: AS_OF,
    census_signals: censusSignals(rows),
    events: eventsFor(rows, category),
    channels: channelsFor(rows),
    freshness: [
      { source_type: 'CENSUS', last_success_at: '2026-02-20T03:00:00Z', is_stale: false, reason: null },
      { source_type: 'EVENTS', last_success_at: '2026-02-27T10:00:00Z', is_stale: false, reason: null },
    ],
    vintage: '2023',
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeMedian(reps: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

export interface ReportBenchRow {
  category: string;
  zips: number;
  signals: number;
  events: number;
  channels: number;
  /** Median over the repetitions, ms. */
  report_ms: number;
  /** scoreZipsDetailed alone on the same inputs (buildReport calls it once). */
  score_zips_ms: number;
  /** collectZipData alone: the per-ZCTA grouping inside scoreZipsDetailed (buildReport reuses its result). */
  collect_zip_data_ms: number;
  /** report_ms - score_zips_ms: explanations, tiers, profile, channels, timing, caveats. */
  rest_ms: number;
  /** Garbage-collection pauses during the buildReport runs, ms per report (mean, not median). */
  gc_ms: number;
  report_us_per_zip: number;
  top_zips: number;
  caveats: number;
}

export interface ReportBenchResult {
  node: string;
  /** Repetitions at the largest size; a size n gets reps × largest / n. */
  reps: number;
  /** Warm-up runs of every case (category × size) before any is timed. */
  warmup: number;
  rows: ReportBenchRow[];
  /** Per category: time per ZIP at the largest size ÷ time per ZIP at each smaller size (1 = linear). */
  growth: Record<string, Record<string, number>>;
  largest_zips: number;
  /** Slowest category's median report time at the largest size, ms. */
  largest_report_ms: number;
  target_ms: number;
  within_target: boolean;
}

/** Lets the PerformanceObserver deliver the GC entries of the runs just timed. */
const flushObservers = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

export async function runReportBenchmark(options: {
  sizes: readonly number[];
  categories: readonly string[];
  reps: number;
  warmup: number;
  targetMs: number;
}): Promise<ReportBenchResult> {
  const national = loadNationalRows();
  const geographies = spreadGeographies(national, options.sizes);
  const largest = Math.max(...options.sizes);
  const cases = options.categories.flatMap((category) =>
    options.sizes.map((size) => {
      const input = reportInput(geographies.get(size)!, category);
      const scoreInput = {
        zip_codes: input.geography.zip_codes,
        category,
        as_of: AS_OF,
        census_signals: input.census_signals,
        events: input.events,
      };
      const collect = () =>
        collectZipData(input.geography.zip_codes, input.census_signals, [], input.events, category, AS_OF);
      return { category, size, input, scoreInput, collect };
    }),
  );
  // Warm-up first, over every case, so no size is timed while V8 is still optimising the engine.
  for (const c of cases) {
    for (let i = 0; i < options.warmup; i++) {
      buildReport(c.input);
      scoreZipsDetailed(c.scoreInput);
      c.collect();
    }
  }
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const rows: ReportBenchRow[] = [];
  try {
    for (const { category, size, input, scoreInput, collect } of cases) {
      // Smaller sizes get proportionally more repetitions (about the same total work per size).
      const reps = Math.max(options.reps, Math.round((options.reps * largest) / size));
      const report = buildReport(input);
      if (report.top_zips.length === 0) throw new Error(`${category} × ${size}: empty report`);
      await flushObservers();
      gcMs = 0;
      const reportMs = timeMedian(reps, () => buildReport(input));
      await flushObservers();
      const reportGcMs = gcMs / reps;
      const scoreMs = timeMedian(reps, () => scoreZipsDetailed(scoreInput));
      const collectMs = timeMedian(reps, collect);
      rows.push({
        category,
        zips: size,
        signals: input.census_signals.length,
        events: input.events!.length,
        channels: input.channels!.length,
        report_ms: round(reportMs, 2),
        score_zips_ms: round(scoreMs, 2),
        collect_zip_data_ms: round(collectMs, 2),
        rest_ms: round(Math.max(0, reportMs - scoreMs), 2),
        gc_ms: round(reportGcMs, 2),
        report_us_per_zip: round((reportMs * 1000) / size, 1),
        top_zips: report.top_zips.length,
        caveats: report.caveats.length,
      });
    }
  } finally {
    observer.disconnect();
  }
  const growth: Record<string, Record<string, number>> = {};
  for (const category of options.categories) {
    const mine = rows.filter((r) => r.category === category);
    const big = mine.find((r) => r.zips === largest)!;
    growth[category] = {};
    for (const r of mine) {
      if (r.zips === largest) continue;
      growth[category][`per_zip_${largest}_vs_${r.zips}`] = round(
        big.report_us_per_zip / r.report_us_per_zip,
        2,
      );
    }
  }
  const largestMs = Math.max(...rows.filter((r) => r.zips === largest).map((r) => r.report_ms));
  return {
    node: process.version,
    reps: options.reps,
    warmup: options.warmup,
    rows,
    growth,
    largest_zips: largest,
    largest_report_ms: largestMs,
    target_ms: options.targetMs,
    within_target: largestMs < options.targetMs,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A plain-text table of the rows and the growth ratios. */
export function formatReportBenchmark(result: ReportBenchResult): string {
  const head = [
    'category',
    'ZIPs',
    'signals',
    'report ms (median)',
    'µs / ZIP',
    'scoreZips ms',
    'collectZipData ms',
    'rest ms',
    'GC ms / report',
  ];
  const body = result.rows.map((r) => [
    r.category,
    String(r.zips),
    String(r.signals),
    r.report_ms.toFixed(2),
    r.report_us_per_zip.toFixed(1),
    r.score_zips_ms.toFixed(2),
    r.collect_zip_data_ms.toFixed(2),
    r.rest_ms.toFixed(2),
    r.gc_ms.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  const out = [line(head), ...body.map(line), ''];
  for (const [category, ratios] of Object.entries(result.growth)) {
    const parts = Object.entries(ratios).map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v.toFixed(2)}×`);
    out.push(`${category}: time per ZIP, ${parts.join('; ')} (1.00 = linear)`);
  }
  out.push(
    `${result.largest_zips}-ZIP report: ${result.largest_report_ms.toFixed(1)} ms (target < ${result.target_ms} ms: ${
      result.within_target ? 'met' : 'MISSED'
    }); Node ${result.node}, median of ${result.reps} runs at ${result.largest_zips} ZIPs (proportionally more at smaller sizes), after ${result.warmup} warm-up runs of every case.`,
  );
  return out.join('\n');
}
