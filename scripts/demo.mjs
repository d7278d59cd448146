// `npm run demo`: the main job on the embedded default. Builds what is missing, starts the API with
// an embedded PostgreSQL (PGlite, data under .data/) and in-process jobs, serves the console on the
// same port and prints where to open it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';

await new Promise((resolve, reject) => {
  const build = spawn(process.execPath, [join(root, 'scripts/ensure-built.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build failed with code ${code}`))));
});

// The demo is the embedded default: drop service URLs a shell may have exported.
const env = { ...process.env, LBI_DEMO: 'true', PORT: port };
delete env.DATABASE_URL;
delete env.REDIS_URL;
const api = spawn(process.execPath, [join(root, 'dist/server/apps/api/src/main.js')], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
api.stdout.pipe(process.stdout);

const url = `http://localhost:${port}`;
const deadline = Date.now() + 120_000;
let ready = false;
while (!ready && Date.now() < deadline && api.exitCode === null) {
  try {
    const response = await fetch(`${url}/api/v1/health`);
    ready = response.ok;
  } catch {
    // not listening yet
  }
  if (!ready) await new Promise((resolve) => setTimeout(resolve, 500));
}
if (!ready) {
  console.error('The demo API did not become healthy; see the log above.');
  api.kill('SIGTERM');
  process.exit(1);
}

const demo = JSON.parse(readFileSync(join(root, 'data', 'demo', 'demo.json'), 'utf8'));
const logins = demo.accounts.map(
  (account) => `    ${account.role.padEnd(9)} ${account.email.padEnd(28)} ${account.password}`,
);
process.stderr.write(
  [
    '',
    '  Local Buyer Intelligence is running on the embedded default (no PostgreSQL or Redis needed).',
    `  Console:  ${url}/`,
    `  API:      ${url}/api/v1  (health: ${url}/api/v1/health)`,
    `  API docs: ${url}/api/docs`,
    `  Demo tenant "${demo.client_name}" with the geography "${demo.geography.name}" (${demo.geography.zip_codes.length} ZIPs),`,
    `  sample channels, events and property data, Census figures and ${demo.reports.join(', ')} reports`,
    `  (GET /api/v1/reports; export with /api/v1/reports/<id>/export?format=pdf|csv|json).`,
    '  Demo logins (POST /api/v1/auth/login):',
    ...logins,
    '  Data is kept under .data/ between runs. Stop with Ctrl+C.',
    '',
  ].join('\n') + '\n',
);

const stop = () => api.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => process.exit(code ?? 0));
