// `npm run bench:scan`: the national public-cache fill through the fake Census API (requests against
// the floor, rows/s and values/s of the write, RSS throughout, beside a raw COPY of the same rows when
// DATABASE_URL is set), warm scans from a small state to the nation (time per ZCTA) and the 100-mile
// ring preview around Manhattan. Prints the figures as JSON with the machine and load; exits 1 when a
// target is missed. The TypeScript sources run as they are (scripts/load-typescript.mjs).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { requireTs } from './load-typescript.mjs';

// The fill's memory is read as the live heap after full collections: run once more with --expose-gc.
if (!process.execArgv.includes('--expose-gc')) {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

const { runScanBenchmark } = requireTs('test/bench/scan-bench.ts');

const options = {
  latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 0),
  scopes: (process.env.BENCH_SCOPES ?? 'DE,PA,TX,CA,US').split(',').map((s) => s.trim()),
  category: process.env.BENCH_CATEGORY ?? 'roofing',
  previewRuns: Number(process.env.BENCH_PREVIEW_RUNS ?? 50),
};
const machine = {
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
  memory_gib: Math.round(totalmem() / 2 ** 30),
  load_average_at_start: loadavg().map((l) => Math.round(l * 100) / 100),
};
runScanBenchmark(options).then(
  (result) => {
    console.log(JSON.stringify({ machine, options, ...result }, null, 2));
    const missed = Object.entries(result.targets).filter(([, met]) => met === false);
    if (missed.length > 0) console.error(`targets missed: ${missed.map(([name]) => name).join(', ')}`);
    process.exit(missed.length === 0 ? 0 : 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
