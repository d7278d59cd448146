import './register-aliases';
import { ALL_ENTITIES } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import { runMigrations, startEmbeddedPostgres } from '@lbi/server';
import { createFreshDatabase } from './test-database';

/**
 * One database for the run, migrated: with DATABASE_URL set, a fresh database created on that server
 * (and dropped afterwards); without it, the embedded PGlite in memory. Workers read TEST_DATABASE_URL.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  let databaseUrl: string;
  if (serverUrl) {
    databaseUrl = await createFreshDatabase(serverUrl);
    process.env.LBI_TEST_CREATED_DATABASE = databaseUrl;
  } else {
    const embedded = await startEmbeddedPostgres({ maxConnections: 40 });
    (globalThis as { __lbiEmbedded?: { stop(): Promise<void> } }).__lbiEmbedded = embedded;
    databaseUrl = embedded.url;
  }
  await runMigrations({ url: databaseUrl, entities: ALL_ENTITIES, migrations: MIGRATIONS });
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_DATABASE_EMBEDDED = serverUrl ? 'false' : 'true';
}
