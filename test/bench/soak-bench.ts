// `npm run bench:soak`: the authenticated read load of bench:load held for a long time (default
// 10 min) with the API's and the worker's memory sampled, then a mixed run: the same reads while two
// tenants keep importing, refreshing Census figures and generating reports, with the figures per
// route. Same stack as bench:load (test/bench/load-stack.ts). See docs/RELIABILITY.md.
import { cpus, loadavg, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { json, LoadTenant, rssMb, startLoadStack, waitFor } from './load-stack';

export interface SoakOptions {
  soakS: number;
  mixedS: number;
  connections: number;
}

interface ReadRoute {
  name: string;
  path: (tenant: LoadTenant) => string;
}

const READS: ReadRoute[] = [
  { name: 'GET /geographies', path: () => '/api/v1/geographies' },
  { name: 'GET /reports/:id', path: (t) => `/api/v1/reports/${t.reportId}` },
  {
    name: 'GET /geographies/:id/scores',
    path: (t) => `/api/v1/geographies/${t.geographyId}/scores?category=roofing`,
  },
];

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]);
};

function readFigures(name: string, outcome: autocannon.Result) {
  return {
    route: name,
    requests: outcome.requests.total,
    requests_per_s: Math.round(outcome.requests.average),
    p50_ms: outcome.latency.p50,
    p99_ms: outcome.latency.p99,
    errors: outcome.errors + outcome.timeouts,
    non_2xx: outcome.non2xx,
  };
}

/** One kind of write, repeated by one tenant until the deadline: each request and its job timed. */
async function writeLoop(
  deadline: number,
  start: () => Promise<{ status: number; poll: string }>,
  done: (body: Record<string, unknown>) => 'success' | 'failed' | undefined,
  base: string,
  headers: Record<string, string>,
) {
  const requestMs: number[] = [];
  const jobMs: number[] = [];
  let failed = 0;
  while (Date.now() < deadline) {
    const sent = Date.now();
    const answer = await start();
    requestMs.push(Date.now() - sent);
    if (answer.status !== 202) {
      failed++;
      continue;
    }
    const outcome = await waitFor(
      answer.poll,
      async () =>
        done((await json<Record<string, unknown>>(`${base}/api/v1${answer.poll}`, { headers })).body),
      300_000,
    );
    if (outcome === 'failed') failed++;
    else jobMs.push(Date.now() - sent);
  }
  return { requestMs, jobMs, failed };
}

function eventsCsv(rows: number, label: string): string {
  const lines = ['event_name,start_date,end_date,zip_code,category,estimated_attendance,source_url'];
  for (let i = 0; i < rows; i++) {
    const day = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    lines.push(`${label} ${i},${day},${day},19002,festival,${100 + i},https://example.org/e/${i}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runSoakBenchmark(options: SoakOptions) {
  const stack = await startLoadStack({ databasePrefix: 'lbi_bench_soak', dataDir: '.data/bench-soak' });
  const { base, api, worker, tenants } = stack;
  const samples: { at_s: number; api: number | null; worker: number | null }[] = [];
  const started = Date.now();
  const sampler = setInterval(
    () =>
      samples.push({
        at_s: Math.round((Date.now() - started) / 1000),
        api: rssMb(api.pid),
        worker: rssMb(worker.pid),
      }),
    5000,
  );
  try {
    const loadAtSoak = loadavg().map((n) => Number(n.toFixed(2)));
    // Phase 1: every tenant read in turn on every connection, for the whole soak.
    const soak = await autocannon({
      url: base,
      connections: options.connections,
      duration: options.soakS,
      requests: tenants.flatMap((t) =>
        READS.map((r) => ({ method: 'GET' as const, path: r.path(t), headers: t.headers })),
      ),
    });
    const soakEnd = Math.round((Date.now() - started) / 1000);
    // Memory flat: the median of the second sixth of the soak (after warm-up) against the last sixth.
    const window = Math.max(10, Math.round(options.soakS / 6));
    const rssIn = (from: number, to: number, key: 'api' | 'worker') =>
      median(
        samples.filter((s) => s.at_s >= from && s.at_s < to && s[key] !== null).map((s) => s[key] as number),
      );
    const early = rssIn(window, 2 * window, 'api');
    const late = rssIn(soakEnd - window, soakEnd + 1, 'api');
    const soakApiRss = samples.filter((s) => s.at_s <= soakEnd).map((s) => s.api ?? 0);

    // Phase 2: the reads (one autocannon per route, connections split) beside writes from both tenants.
    const loadAtMixed = loadavg().map((n) => Number(n.toFixed(2)));
    const deadline = Date.now() + options.mixedS * 1000;
    const perRoute = Math.max(1, Math.floor(options.connections / READS.length));
    const readers = READS.map((route) =>
      autocannon({
        url: base,
        connections: perRoute,
        duration: options.mixedS,
        requests: tenants.map((t) => ({ method: 'GET' as const, path: route.path(t), headers: t.headers })),
      }).then((outcome) => readFigures(route.name, outcome)),
    );
    const writers = tenants.flatMap((tenant, t) => {
      const post = (path: string, body?: unknown) =>
        json<Record<string, string>>(`${base}/api/v1${path}`, {
          method: 'POST',
          headers: tenant.headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const runDone = (body: Record<string, unknown>) =>
        body.status === 'success' || body.status === 'failed'
          ? (body.status as 'success' | 'failed')
          : undefined;
      let n = 0;
      return [
        writeLoop(
          deadline,
          async () => {
            const form = new FormData();
            form.append('file', new Blob([eventsCsv(500, `Soak ${t} ${n++}`)]), 'events.csv');
            const upload = await fetch(`${base}/api/v1/uploads`, {
              method: 'POST',
              headers: tenant.headers,
              body: form,
            });
            const { file_ref } = (await upload.json()) as { file_ref: string };
            const answer = await post(
              `/import/events?geography_id=${tenant.geographyId}&file_ref=${file_ref}`,
            );
            return { status: answer.status, poll: `/ingestion-runs/${answer.body?.ingestion_run_id}` };
          },
          runDone,
          base,
          tenant.headers,
        ).then((r) => ({ route: 'POST /uploads + /import/events', ...r })),
        writeLoop(
          deadline,
          async () => {
            const answer = await post(`/geographies/${tenant.geographyId}/refresh-census`);
            return { status: answer.status, poll: `/ingestion-runs/${answer.body?.ingestion_run_id}` };
          },
          runDone,
          base,
          tenant.headers,
        ).then((r) => ({ route: 'POST /geographies/:id/refresh-census', ...r })),
        writeLoop(
          deadline,
          async () => {
            const answer = await post('/reports', { geography_id: tenant.geographyId, category: 'roofing' });
            return { status: answer.status, poll: `/reports/${answer.body?.id}` };
          },
          runDone,
          base,
          tenant.headers,
        ).then((r) => ({ route: 'POST /reports', ...r })),
      ];
    });
    const reads = await Promise.all(readers);
    const writes = await Promise.all(writers);
    const byRoute = new Map<string, { requestMs: number[]; jobMs: number[]; failed: number }>();
    for (const w of writes) {
      const entry = byRoute.get(w.route) ?? { requestMs: [], jobMs: [], failed: 0 };
      entry.requestMs.push(...w.requestMs);
      entry.jobMs.push(...w.jobMs);
      entry.failed += w.failed;
      byRoute.set(w.route, entry);
    }
    const writeFigures = [...byRoute].map(([route, w]) => ({
      route,
      jobs: w.requestMs.length,
      failed: w.failed,
      request_p50_ms: percentile(w.requestMs, 50),
      request_p99_ms: percentile(w.requestMs, 99),
      job_done_p50_ms: percentile(w.jobMs, 50),
      job_done_p99_ms: percentile(w.jobMs, 99),
    }));
    clearInterval(sampler);
    const soakFigures = readFigures('authenticated reads (3 routes × 2 tenants)', soak);
    const growth = early !== null && late !== null ? late - early : null;
    const missed = [
      ...(soakFigures.errors + soakFigures.non_2xx > 0
        ? [`soak: ${soakFigures.errors} errors, ${soakFigures.non_2xx} non-2xx`]
        : []),
      ...(growth === null || early === null || growth > Math.max(10, early * 0.1)
        ? [`soak: API RSS went from ${early} MB to ${late} MB (target: flat, within 10%)`]
        : []),
      ...reads
        .filter((r) => r.errors + r.non_2xx > 0)
        .map((r) => `mixed ${r.route}: ${r.errors} errors, ${r.non_2xx} non-2xx`),
      ...writeFigures.filter((w) => w.failed > 0).map((w) => `mixed ${w.route}: ${w.failed} failed`),
    ];
    return {
      soak: {
        duration_s: options.soakS,
        connections: options.connections,
        ...soakFigures,
        api_rss_mb: {
          median_after_warmup: early,
          median_at_end: late,
          growth_mb: growth,
          peak: Math.max(...soakApiRss),
        },
        worker_rss_mb_at_end: rssIn(soakEnd - window, soakEnd + 1, 'worker'),
        load_average_at_start: loadAtSoak,
      },
      mixed: {
        duration_s: options.mixedS,
        read_connections_per_route: perRoute,
        reads,
        writes: writeFigures,
        load_average_at_start: loadAtMixed,
      },
      rss_samples_mb: samples,
      missed,
      within_target: missed.length === 0,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB`,
      node: process.version,
    };
  } finally {
    clearInterval(sampler);
    await stack.stop();
  }
}
