import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

/** Reports PostgreSQL: reachable within a timeout, which server (embedded or external), pending migrations. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  async check(embedded: boolean, key = 'database'): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    const started = Date.now();
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 3 s')), 3000).unref()),
      ]);
      const pendingMigrations = await this.dataSource.showMigrations();
      return session.up({
        engine: embedded ? 'embedded (PGlite)' : 'postgresql',
        response_ms: Date.now() - started,
        migrations_pending: pendingMigrations,
      });
    } catch (error) {
      return session.down({
        engine: embedded ? 'embedded (PGlite)' : 'postgresql',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
