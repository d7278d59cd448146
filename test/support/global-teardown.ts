import { dropDatabase } from './test-database';

const state = globalThis as { __lbiTestSetup?: { users: number; embedded?: { stop(): Promise<void> } } };

export default async function globalTeardown(): Promise<void> {
  const setup = state.__lbiTestSetup;
  if (!setup) return;
  setup.users -= 1;
  if (setup.users > 0) return;
  state.__lbiTestSetup = undefined;
  await setup.embedded?.stop();
  if (process.env.LBI_TEST_CREATED_DATABASE && process.env.LBI_KEEP_TEST_DATABASE !== 'true') {
    await dropDatabase(process.env.LBI_TEST_CREATED_DATABASE);
  }
}
