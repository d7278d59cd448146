// Two API processes share one Redis: a change to a user in one evicts it in the other at once, so a
// password reset or deactivation is not trusted for the cache's lifetime elsewhere.
import { randomUUID } from 'node:crypto';
import { AuthUserCache, CachedAuthUser } from '@lbi/features';
import { loadConfig } from '@lbi/server';
import { testRedisUrl } from '../support/test-env';

const withRedis = testRedisUrl() ? it : it.skip;
if (!testRedisUrl()) process.stdout.write('auth user cache: REDIS_URL is unset, skipping the pub/sub test\n');

describe('AuthUserCache across processes', () => {
  withRedis('evicts a changed user in every process sharing the Redis', async () => {
    const config = loadConfig({
      JWT_SECRET: 'x'.repeat(32),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: `lbi-cache-${randomUUID().slice(0, 8)}`,
    });
    const first = new AuthUserCache(config);
    const second = new AuthUserCache(config);
    try {
      let version = 0;
      const load = async (): Promise<CachedAuthUser> => ({
        id: 'u1',
        role: 'admin' as CachedAuthUser['role'],
        clientId: null,
        isActive: true,
        tokenVersion: version,
      });
      await new Promise((resolve) => setTimeout(resolve, 300)); // both subscribed
      expect((await second.get('u1', load))?.tokenVersion).toBe(0);
      version = 1;
      await first.changed('u1');
      let seen = 0;
      for (let i = 0; i < 50 && seen !== 1; i++) {
        seen = (await second.get('u1', load))?.tokenVersion ?? -1;
        if (seen !== 1) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen).toBe(1);
    } finally {
      await first.onModuleDestroy();
      await second.onModuleDestroy();
    }
  });
});
