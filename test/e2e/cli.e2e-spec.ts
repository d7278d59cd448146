import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { uniqueEmail } from '../support/auth-factory';
import { startTestApi } from '../support/start-test-api';
import { startEmbeddedPostgres } from '@lbi/server';
import { createFreshDatabase, dropDatabase } from '../support/test-database';
import { testDatabaseUrl, usingEmbeddedDatabase } from '../support/test-env';

const CLI = join(__dirname, '..', '..', 'dist', 'server', 'apps', 'api', 'src', 'cli.js');

/** The built CLI (npm test builds it first), against the test database. */
function cli(...args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: testDatabaseUrl() };
  delete env.JWT_SECRET;
  return spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

(existsSync(CLI) ? describe : describe.skip)('npm run cli -- create-admin', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi({ CONSOLE_DIR: '/nonexistent' });
  });
  afterAll(() => api?.stop());

  const login = (email: string, password: string) =>
    request(api.url).post('/api/v1/auth/login').send({ email, password });

  it('creates the platform admin, then resets its password', async () => {
    const email = uniqueEmail('cli-admin');
    const created = cli('create-admin', '--email', email, '--password', 'first-long-password');
    expect(created.stderr).not.toMatch(/error/i);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Created the platform admin \(user id [0-9a-f-]{36}\)/);
    expect(created.stdout + created.stderr).not.toContain('first-long-password');
    const first = await login(email, 'first-long-password').expect(200);
    expect(first.body.user).toMatchObject({ email, role: 'admin', client_id: null });

    const reset = cli('create-admin', '--email', email.toUpperCase(), '--password', 'second-long-password');
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/Reset the password of the platform admin/);
    await login(email, 'first-long-password').expect(401);
    await login(email, 'second-long-password').expect(200);
  });

  it('refuses a short password or a missing option, with a message and a non-zero exit', () => {
    const short = cli('create-admin', '--email', uniqueEmail('cli'), '--password', 'short');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/--password must be at least 12 characters/);
    const missing = cli('create-admin', '--email', uniqueEmail('cli'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/--password/);
  });
});

const MIGRATE = join(__dirname, '..', '..', 'dist', 'server', 'apps', 'api', 'src', 'migrate.js');

(existsSync(MIGRATE) ? describe : describe.skip)('npm run migration:run', () => {
  it('needs only the database: no JWT_SECRET, no Redis, no other setting', async () => {
    // A database of its own, so the run really applies every migration.
    const embedded = usingEmbeddedDatabase() ? await startEmbeddedPostgres({ maxConnections: 4 }) : undefined;
    const url =
      embedded?.url ?? (await createFreshDatabase(process.env.DATABASE_URL as string, 'lbi_cli_mig'));
    try {
      const env: Record<string, string> = { PATH: process.env.PATH ?? '', DATABASE_URL: url };
      const first = spawnSync(process.execPath, [MIGRATE, 'run'], { env, encoding: 'utf8', timeout: 60_000 });
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/^Applied \d+ migration\(s\): InitialSchema/);
      const again = spawnSync(process.execPath, [MIGRATE, 'run'], { env, encoding: 'utf8', timeout: 60_000 });
      expect(again.stdout).toBe('The schema is up to date.\n');
      const none = spawnSync(process.execPath, [MIGRATE, 'run'], {
        env: { PATH: env.PATH },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(none.status).toBe(1);
      expect(none.stderr).toMatch(/DATABASE_URL: set it to the PostgreSQL database to migrate/);
    } finally {
      if (embedded) await embedded.stop();
      else await dropDatabase(url);
    }
  });
});
