// `npm run bench:soak`: the authenticated read load of bench:load (two tenants, 50 connections) held
// for BENCH_SOAK_S seconds (default 600) with the API's and the worker's RSS sampled every 5 s, then
// BENCH_MIXED_S seconds (default 120) of the same reads beside imports, Census refreshes and reports
// from both tenants, with figures per route. Needs DATABASE_URL and REDIS_URL. Prints JSON and exits 1
// when a target is missed (any error, or the API's RSS not flat within 10% over the soak).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { requireTs, root } from './load-typescript.mjs';

execFileSync(process.execPath, [join(root, 'scripts/ensure-built.mjs'), '--server-only'], {
  stdio: 'inherit',
});
const { runSoakBenchmark } = requireTs('test/bench/soak-bench.ts');

runSoakBenchmark({
  soakS: Number(process.env.BENCH_SOAK_S ?? 600),
  mixedS: Number(process.env.BENCH_MIXED_S ?? 120),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
}).then(
  (result) => {
    console.log(JSON.stringify(result, null, 2));
    process.exit(result.within_target ? 0 : 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
