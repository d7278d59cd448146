import { AppConfig, loadConfig } from '@lbi/server';

/** The database prepared by globalSetup for this run. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is unset: run through the integration or e2e Jest project');
  return url;
}

export const usingEmbeddedDatabase = (): boolean => process.env.TEST_DATABASE_EMBEDDED === 'true';

/** Redis for Bull tests; undefined on the embedded default, where those tests are skipped with a note. */
export const testRedisUrl = (): string | undefined => process.env.REDIS_URL || undefined;

/** The signing key of every API the tests start (never a real secret). */
export const TEST_JWT_SECRET = 'test-secret-of-sufficient-length-0123456789';

/** A validated AppConfig for tests, pointing at the test database. */
export function testConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    LBI_DATA_DIR: '.data/test',
    // Suites sign in many times from 127.0.0.1; the throttling test sets the real limits itself.
    LOGIN_RATE_LIMIT_PER_IP: '10000',
    LOGIN_RATE_LIMIT_PER_EMAIL: '10000',
    ...overrides,
  });
}
