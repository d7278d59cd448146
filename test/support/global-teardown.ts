import { dropDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __lbiEmbedded?: { stop(): Promise<void> } }).__lbiEmbedded?.stop();
  if (process.env.LBI_TEST_CREATED_DATABASE && process.env.LBI_KEEP_TEST_DATABASE !== 'true') {
    await dropDatabase(process.env.LBI_TEST_CREATED_DATABASE);
  }
}
