// Preload for a memory breakdown of a running process (`node --import ./scripts/memory-report.mjs …`):
// on SIGUSR2 it writes <dir>/memory-<pid>-<n>.json (process.memoryUsage, V8 heap and heap-space
// statistics, /proc smaps_rollup) after a heap snapshot beside it. <dir> is MEMORY_REPORT_DIR or the
// working directory. Used for the idle API / worker figures in docs/BENCHMARKS.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';

const dir = process.env.MEMORY_REPORT_DIR || process.cwd();
let count = 0;
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function smapsRollup() {
  try {
    const text = readFileSync(`/proc/${process.pid}/smaps_rollup`, 'utf8');
    return Object.fromEntries(
      [...text.matchAll(/^(\w+):\s+(\d+) kB/gm)].map((m) => [m[1], Math.round(Number(m[2]) / 102.4) / 10]),
    );
  } catch {
    return null;
  }
}

process.on('SIGUSR2', () => {
  count += 1;
  const base = join(dir, `memory-${process.pid}-${count}`);
  const usage = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, mb(v)]));
  const heap = Object.fromEntries(Object.entries(v8.getHeapStatistics()).map(([k, v]) => [k, mb(v)]));
  const spaces = Object.fromEntries(
    v8
      .getHeapSpaceStatistics()
      .map((s) => [s.space_name, { used_mb: mb(s.space_used_size), size_mb: mb(s.space_size) }]),
  );
  const report = {
    pid: process.pid,
    argv: process.argv.slice(1),
    usage_mb: usage,
    heap_mb: heap,
    spaces,
    smaps_rollup_mb: smapsRollup(),
  };
  // Figures first (a snapshot grows the heap), file last: its presence says the snapshot is complete.
  v8.writeHeapSnapshot(`${base}.heapsnapshot`);
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2));
});
