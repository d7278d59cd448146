import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import { ALL_ENTITIES, IngestionModule } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import {
  AppConfig,
  ConfigModule,
  DatabaseHealthIndicator,
  DatabaseModule,
  LoggingModule,
  QueueHealthIndicator,
  QueueModule,
  RuntimeInfo,
} from '@lbi/server';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HealthController } from './health/health.controller';

export interface ApiModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  runtime: RuntimeInfo;
  /** Test hook: a few milliseconds instead of seconds between job retries. */
  retryBackoffMs?: number;
}

/** The HTTP application: controllers over the shared feature modules. */
@Module({})
export class AppModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    const { config } = options;
    const consoleDir = resolve(config.consoleDir);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          entities: ALL_ENTITIES,
          migrations: MIGRATIONS,
          applicationName: 'lbi-api',
        }),
        QueueModule.forRoot({
          redisUrl: config.redisUrl,
          prefix: config.queuePrefix,
          role: 'api',
          retryBackoffMs: options.retryBackoffMs,
        }),
        TerminusModule,
        IngestionModule,
        // The console is served at `/` when it has been built; the API never falls through to it.
        ...(existsSync(consoleDir)
          ? [ServeStaticModule.forRoot({ rootPath: consoleDir, exclude: ['/api/{*path}'] })]
          : []),
      ],
      controllers: [HealthController],
      providers: [
        { provide: RuntimeInfo, useValue: options.runtime },
        DatabaseHealthIndicator,
        QueueHealthIndicator,
      ],
    };
  }
}
