// `npm run bench:census`: a Census refresh of a 2,000-ZIP geography (real ZCTAs from data/census)
// against the fake Census API with 50 ms latency per answer, through the real refresh_census job on
// the embedded database (or DATABASE_URL). Prints requests made, the target and wall time.
// The TypeScript sources run as they are: compiled on load with @swc/core, as Jest does.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
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
const { runCensusBenchmark } = require(join(root, 'test/bench/census-bench.ts'));

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
