// `npm run bench:load`: authenticated tenant reads of two tenants under load (autocannon, 50
// connections, 30 s per route) against the built API and a worker on PostgreSQL + Redis, beside the
// same server's static-file ceiling, with the API's RSS sampled every second. Prints the figures and
// exits 1 when a target is missed (tenant reads ≥ 50% of the ceiling with p99 < 100 ms and no error;
// API RSS < 200 MB). BENCH_DURATION_S and BENCH_CONNECTIONS change the load.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { requireTs, root } from './load-typescript.mjs';

execFileSync(process.execPath, [join(root, 'scripts/ensure-built.mjs')], { stdio: 'inherit' });
const { runLoadBenchmark } = requireTs('test/bench/load-bench.ts');

const durationS = Number(process.env.BENCH_DURATION_S ?? 30);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
runLoadBenchmark({ durationS, connections }).then(
  (result) => {
    console.log(JSON.stringify(result, null, 2));
    process.exit(result.within_target ? 0 : 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
