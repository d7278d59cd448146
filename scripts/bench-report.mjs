// `npm run bench:report`: report generation (buildReport, pure, in-process) for geographies of 20, 200
// and 2,000 ZIPs with census signals from the real national ACS figures in data/census, a few channels and
// events. Prints a table (median ms per size, time per ZIP, scoreZips / collectZipData / rest split), the
// growth of the time per ZIP and the 2,000-ZIP target (< 2 s); exits 1 when the target is missed.
// The TypeScript sources run as they are (scripts/load-typescript.mjs).
import { cpus } from 'node:os';
import { requireTs } from './load-typescript.mjs';

const { AS_OF, formatReportBenchmark, runReportBenchmark } = requireTs('test/bench/report-bench.ts');
const { runFullCatalogueCase } = requireTs('test/bench/report-bench-full.ts');

const list = (value, fallback) => (value ?? fallback).split(',').map((s) => s.trim());
const options = {
  sizes: list(process.env.BENCH_SIZES, '20,200,2000').map(Number),
  categories: list(process.env.BENCH_CATEGORIES, 'roofing,moving'),
  reps: Number(process.env.BENCH_REPS ?? 30),
  warmup: Number(process.env.BENCH_WARMUP ?? 5),
  targetMs: Number(process.env.BENCH_TARGET_MS ?? 2000),
};

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`;
runReportBenchmark(options).then(
  (result) => {
    console.log(`machine: ${machine}, Node ${process.version}\n`);
    console.log(formatReportBenchmark(result));
    // Every table the engine reads (real + SYNTHETIC figures, see test/bench/report-bench-full.ts).
    const full = runFullCatalogueCase(
      'roofing',
      AS_OF,
      Math.max(5, Math.round(options.reps / 2)),
      options.warmup,
    );
    const fullOk = full.report_ms < options.targetMs;
    console.log(
      `full catalogue (roofing): ${full.zips} ZIP areas, ${full.signals} signals: ${full.report_ms} ms median (target < ${options.targetMs} ms: ${fullOk ? 'met' : 'MISSED'})`,
    );
    if (process.env.BENCH_JSON)
      console.log(JSON.stringify({ machine, ...result, full_catalogue: full }, null, 2));
    process.exit(result.within_target && fullOk ? 0 : 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
