// Builds the server and the console when their build output is missing or older than their sources,
// so `npm run demo` and `npm run cli` work straight after `npm ci`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((source) => newestMtime(join(root, source)) > built);
}

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
const skipConsole = process.argv.includes('--server-only');

if (
  stale(join(root, 'dist/server/apps/api/src/main.js'), [
    'apps/api/src',
    'apps/worker/src',
    'libs',
    'migrations',
    'tsconfig.json',
  ])
) {
  console.log('Building the API and worker…');
  run(process.execPath, [join(root, 'scripts/build-server.mjs')]);
}
if (
  !skipConsole &&
  stale(join(root, 'dist/console/browser/index.html'), [
    'apps/console',
    'libs/contracts',
    'libs/pii',
    'angular.json',
  ])
) {
  console.log('Building the console…');
  run(process.execPath, [join(root, 'node_modules/@angular/cli/bin/ng.js'), 'build', 'console']);
}
