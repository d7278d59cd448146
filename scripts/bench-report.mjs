// `npm run bench:report`: report generation (buildReport, pure, in-process) for geographies of 20, 200
// and 2,000 ZIPs with census signals from the real national ACS figures in data/census, a few channels and
// events. Prints a table (median ms per size, time per ZIP, scoreZips / collectZipData / rest split), the
// growth of the time per ZIP and the 2,000-ZIP target (< 2 s); exits 1 when the target is missed.
// The TypeScript sources run as they are: compiled on load with @swc/core, as Jest does.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const swc = require('@swc/core');

Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

require(join(root, 'test/support/register-aliases.ts'));
const { formatReportBenchmark, runReportBenchmark } = require(join(root, 'test/bench/report-bench.ts'));

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
    if (process.env.BENCH_JSON) console.log(JSON.stringify({ machine, ...result }, null, 2));
    process.exit(result.within_target ? 0 : 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
