import { loadConfig } from '@lbi/server';
import { AUTH_CACHE_TTL_MS, AuthUserCache, CachedAuthUser } from './auth-user-cache';

const user = (tokenVersion: number): CachedAuthUser => ({
  id: 'u1',
  role: 'analyst' as CachedAuthUser['role'],
  clientId: 'c1',
  isActive: true,
  tokenVersion,
});

describe('AuthUserCache (no Redis)', () => {
  const config = loadConfig({ JWT_SECRET: 'x'.repeat(32) });
  afterEach(() => jest.useRealTimers());

  it('reads a user once while it is fresh, and again after the time to live', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new AuthUserCache(config);
    const load = jest.fn(async () => user(0));
    await cache.get('u1', load);
    await cache.get('u1', load);
    expect(load).toHaveBeenCalledTimes(1);
    jest.setSystemTime(1_000_000 + AUTH_CACHE_TTL_MS + 1);
    await cache.get('u1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets a user the moment it changes', async () => {
    const cache = new AuthUserCache(config);
    let version = 0;
    const load = async () => user(version);
    expect((await cache.get('u1', load))?.tokenVersion).toBe(0);
    version = 1;
    await cache.changed('u1');
    expect((await cache.get('u1', load))?.tokenVersion).toBe(1);
  });

  it('remembers a missing user briefly too (no read per request for a deleted account)', async () => {
    const cache = new AuthUserCache(config);
    const load = jest.fn(async () => null);
    expect(await cache.get('gone', load)).toBeNull();
    expect(await cache.get('gone', load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
