// `npm run bench:load`: authenticated tenant reads under load against the built API on PostgreSQL +
// Redis, each route beside the ceiling of the same server in the same run (a static file of the
// console), with the API's memory sampled throughout. See docs/BENCHMARKS.md.
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { rssMb, startLoadStack } from './load-stack';

export interface LoadTarget {
  name: string;
  /** Paths per tenant (A, B): each connection alternates between the two. */
  paths: [string, string];
  headers: [Record<string, string>, Record<string, string>];
  tenantRead: boolean;
}

export interface RouteResult {
  route: string;
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non_2xx: number;
  ratio_to_static: number | null;
}

export function cannon(url: string, target: LoadTarget, connections: number, durationS: number) {
  return autocannon({
    url,
    connections,
    duration: durationS,
    requests: [0, 1].map((i) => ({ method: 'GET', path: target.paths[i], headers: target.headers[i] })),
  });
}

export async function runLoadBenchmark(options: { durationS: number; connections: number }) {
  const stack = await startLoadStack({ databasePrefix: 'lbi_bench_load', dataDir: '.data/bench-load' });
  const { base, api, worker, tenants, loadAtStart } = stack;
  const samples: { at: number; rss: number }[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    const [a, b] = tenants;
    const none: Record<string, string> = {};
    const targets: LoadTarget[] = [
      {
        name: 'static file (ceiling)',
        paths: ['/favicon.svg', '/favicon.svg'],
        headers: [none, none],
        tenantRead: false,
      },
      {
        name: 'GET /health',
        paths: ['/api/v1/health', '/api/v1/health'],
        headers: [none, none],
        tenantRead: false,
      },
      {
        name: 'GET /geographies',
        paths: ['/api/v1/geographies', '/api/v1/geographies'],
        headers: [a.headers, b.headers],
        tenantRead: true,
      },
      {
        name: 'GET /reports/:id',
        paths: [`/api/v1/reports/${a.reportId}`, `/api/v1/reports/${b.reportId}`],
        headers: [a.headers, b.headers],
        tenantRead: true,
      },
      {
        name: 'GET /geographies/:id/scores',
        paths: [
          `/api/v1/geographies/${a.geographyId}/scores?category=roofing`,
          `/api/v1/geographies/${b.geographyId}/scores?category=roofing`,
        ],
        headers: [a.headers, b.headers],
        tenantRead: true,
      },
    ];
    const started = Date.now();
    const rssIdle = rssMb(api.pid);
    sampler = setInterval(() => {
      const rss = rssMb(api.pid);
      if (rss !== null) samples.push({ at: Date.now() - started, rss });
    }, 1000);
    const results: RouteResult[] = [];
    let ceiling = 0;
    // BENCH_ROUTES="static,geographies" runs only the routes whose names contain one of the words.
    const only = (process.env.BENCH_ROUTES ?? '').split(',').filter(Boolean);
    for (const target of targets) {
      if (
        only.length > 0 &&
        !target.name.startsWith('static') &&
        !only.some((word) => target.name.includes(word))
      )
        continue;
      const outcome = await cannon(base, target, options.connections, options.durationS);
      const rps = outcome.requests.average;
      if (!target.tenantRead && target.name.startsWith('static')) ceiling = rps;
      results.push({
        route: target.name,
        requests_per_s: Math.round(rps),
        p50_ms: outcome.latency.p50,
        p99_ms: outcome.latency.p99,
        errors: outcome.errors + outcome.timeouts,
        non_2xx: outcome.non2xx,
        ratio_to_static: ceiling > 0 ? Number((rps / ceiling).toFixed(2)) : null,
      });
    }
    clearInterval(sampler);
    const rssValues = samples.map((s) => s.rss);
    const rssPeak = Math.max(...rssValues);
    const reads = results.filter((r) => targets.find((t) => t.name === r.route)?.tenantRead);
    const missed = [
      ...reads
        .filter((r) => (r.ratio_to_static ?? 0) < 0.5)
        .map((r) => `${r.route}: ${r.ratio_to_static} of the static ceiling (target ≥ 0.5)`),
      ...reads.filter((r) => r.p99_ms >= 100).map((r) => `${r.route}: p99 ${r.p99_ms} ms (target < 100 ms)`),
      ...results
        .filter((r) => r.errors + r.non_2xx > 0)
        .map((r) => `${r.route}: ${r.errors} errors, ${r.non_2xx} non-2xx`),
      ...(rssPeak >= 200 ? [`API RSS peaked at ${rssPeak} MB (target < 200 MB)`] : []),
    ];
    return {
      connections: options.connections,
      duration_s_per_route: options.durationS,
      routes: results,
      api_rss_mb: { idle_before_load: rssIdle, peak: rssPeak, last: rssValues.at(-1) ?? null },
      worker_rss_mb_after: rssMb(worker.pid),
      missed,
      within_target: missed.length === 0,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB`,
      load_average_at_start: loadAtStart,
      node: process.version,
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await stack.stop();
  }
}
