import './register-aliases';
import { ALL_ENTITIES } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import { runMigrations, startEmbeddedPostgres } from '@lbi/server';
import { createFreshDatabase } from './test-database';

interface SetupState {
  users: number;
  embedded?: { stop(): Promise<void> };
}

const state = globalThis as { __lbiTestSetup?: SetupState };

/**
 * One database for the run, migrated: with DATABASE_URL set, a fresh database created on that server
 * (dropped afterwards); without it, the embedded PGlite in memory. Test files read TEST_DATABASE_URL.
 * The integration and e2e projects share it when they run together.
 */
export default async function globalSetup(): Promise<void> {
  if (state.__lbiTestSetup) {
    state.__lbiTestSetup.users += 1;
    return;
  }
  const setup: SetupState = { users: 1 };
  state.__lbiTestSetup = setup;
  const serverUrl = process.env.DATABASE_URL;
  let databaseUrl: string;
  if (serverUrl) {
    databaseUrl = await createFreshDatabase(serverUrl);
    process.env.LBI_TEST_CREATED_DATABASE = databaseUrl;
  } else {
    const embedded = await startEmbeddedPostgres({ maxConnections: 40 });
    setup.embedded = embedded;
    databaseUrl = embedded.url;
  }
  await runMigrations({ url: databaseUrl, entities: ALL_ENTITIES, migrations: MIGRATIONS });
  process.env.TEST_DATABASE_URL = databaseUrl;
  process.env.TEST_DATABASE_EMBEDDED = serverUrl ? 'false' : 'true';
}
