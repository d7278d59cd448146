import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@lbi/server';
import Redis from 'ioredis';
import type { User } from './user.entity';

/** What a bearer token is checked against on every request. */
export interface CachedAuthUser {
  id: string;
  role: User['role'];
  clientId: string | null;
  isActive: boolean;
  tokenVersion: number;
}

/** How long an entry is trusted without a change notice (another process may have missed one). */
export const AUTH_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const CHANNEL_SUFFIX = 'auth-user-changed';

/**
 * The users behind bearer tokens, kept for a few seconds so a request does not read its user from the
 * database every time. Every change to a user (role, activation, password, token version) evicts the
 * entry in this process at once and, with Redis configured, in every other API process through a
 * pub/sub notice; an entry no notice reached expires after AUTH_CACHE_TTL_MS.
 */
@Injectable()
export class AuthUserCache implements OnModuleDestroy {
  private readonly logger = new Logger(AuthUserCache.name);
  private readonly entries = new Map<string, { user: CachedAuthUser | null; until: number }>();
  private readonly publisher?: Redis;
  private readonly subscriber?: Redis;
  private readonly channel: string;

  constructor(config: AppConfig) {
    this.channel = `${config.queuePrefix}:${CHANNEL_SUFFIX}`;
    if (config.redisUrl) {
      const options = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true };
      this.publisher = new Redis(config.redisUrl, options);
      this.subscriber = new Redis(config.redisUrl, options);
      // A process that cannot hear notices cannot trust its entries: drop them all on every reconnect.
      this.subscriber.on('ready', () => this.entries.clear());
      this.subscriber.on('message', (_channel: string, userId: string) => this.entries.delete(userId));
      this.subscriber.on('error', () => undefined);
      this.publisher.on('error', () => undefined);
      void this.subscriber.subscribe(this.channel).catch((error: unknown) => {
        this.logger.warn({
          msg: 'auth cache cannot subscribe; entries expire by time only',
          error: String(error),
        });
      });
    }
  }

  /** The user from the cache, or from `load` (and then cached); null for a missing user. */
  async get(userId: string, load: () => Promise<CachedAuthUser | null>): Promise<CachedAuthUser | null> {
    const now = Date.now();
    const hit = this.entries.get(userId);
    if (hit && hit.until > now) return hit.user;
    const user = await load();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(userId, { user, until: now + AUTH_CACHE_TTL_MS });
    return user;
  }

  /** A user changed: forget it here and tell the other processes. */
  async changed(userId: string): Promise<void> {
    this.entries.delete(userId);
    await this.publisher?.publish(this.channel, userId).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    this.entries.clear();
    await Promise.all([
      this.subscriber?.quit().catch(() => undefined),
      this.publisher?.quit().catch(() => undefined),
    ]);
  }
}
