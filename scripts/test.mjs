// `npm test`: every test tier in one Jest run (unit, integration, e2e), in band because the
// integration and e2e tiers share one database. With DATABASE_URL / REDIS_URL unset it uses the
// embedded default (PGlite, inline jobs; the Bull test is skipped and says so); with them set, the
// real services, in a fresh database created for the run. Ends with a one-line summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The console e2e drives the built console; build it (and the server) when missing or stale.
const built = spawnSync(process.execPath, [join(root, 'scripts/ensure-built.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

mkdirSync(join(root, '.data'), { recursive: true });
const resultsFile = join(root, '.data', 'jest-results.json');
const jest = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/jest/bin/jest.js'),
    '--runInBand',
    '--json',
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  console.log(
    `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`,
  );
}
process.exit(jest.status ?? 1);
