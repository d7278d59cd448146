// `npm run bench:census`: a Census refresh of a 2,000-ZIP geography (real ZCTAs from data/census)
// against the fake Census API with 50 ms latency per answer, through the real refresh_census job on
// the embedded database (or DATABASE_URL). Prints requests made, the target and wall time.
// The TypeScript sources run as they are (scripts/load-typescript.mjs).
import { requireTs } from './load-typescript.mjs';

const { runCensusBenchmark } = requireTs('test/bench/census-bench.ts');

const zips = Number(process.env.BENCH_ZIPS ?? 2000);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
runCensusBenchmark({ zips, latencyMs }).then(
  (result) => {
    console.log(JSON.stringify(result, null, 2));
    process.exit(result.within_target ? 0 : 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
