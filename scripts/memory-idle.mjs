// The idle API and worker of the load benchmark's stack (PostgreSQL + Redis, two seeded tenants):
// after MEMORY_IDLE_S (default 20) seconds of quiet, each writes a memory report and a heap snapshot
// (scripts/memory-report.mjs) into MEMORY_REPORT_DIR (default /tmp/lbi-memory). MEMORY_LOAD_S=30 first
// puts the benchmark's GET /geographies load (50 connections) on the API. See docs/BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireTs, root } from './load-typescript.mjs';

execFileSync(process.execPath, [join(root, 'scripts/ensure-built.mjs')], { stdio: 'inherit' });
const dir = (process.env.MEMORY_REPORT_DIR ??= '/tmp/lbi-memory');
mkdirSync(dir, { recursive: true });
const preload = `--import ${pathToFileURL(join(root, 'scripts/memory-report.mjs')).href}`;
process.env.BENCH_API_NODE_FLAGS = preload;
process.env.BENCH_WORKER_NODE_FLAGS = preload;
const { startLoadStack, rssMb } = requireTs('test/bench/load-stack.ts');
const stack = await startLoadStack({ databasePrefix: 'lbi_bench_mem', dataDir: '.data/bench-mem' });
try {
  const loadS = Number(process.env.MEMORY_LOAD_S ?? 0);
  if (loadS > 0) {
    const { cannon } = requireTs('test/bench/load-bench.ts');
    const [a, b] = stack.tenants;
    const path = '/api/v1/geographies';
    const target = { name: 'GET /geographies', paths: [path, path], headers: [a.headers, b.headers] };
    const outcome = await cannon(stack.base, target, 50, loadS);
    console.log(
      `load: ${Math.round(outcome.requests.average)} req/s for ${loadS} s; API RSS ${rssMb(stack.api.pid)} MB`,
    );
  }
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.MEMORY_IDLE_S ?? 20) * 1000));
  for (const [name, child] of [
    ['api', stack.api],
    ['worker', stack.worker],
  ]) {
    console.log(`${name} pid ${child.pid}: RSS ${rssMb(child.pid)} MB before the snapshot`);
    child.kill('SIGUSR2');
    const report = join(dir, `memory-${child.pid}-1.json`);
    while (!existsSync(report)) await new Promise((resolve) => setTimeout(resolve, 250));
  }
} finally {
  await stack.stop();
}
