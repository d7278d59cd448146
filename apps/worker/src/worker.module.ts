import { DynamicModule, Module } from '@nestjs/common';
import {
  ALL_ENTITIES,
  CensusModule,
  ImportsModule,
  IngestionModule,
  ReportsModule,
  ScansModule,
} from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import { AppConfig, ConfigModule, DatabaseModule, LoggingModule, QueueModule } from '@lbi/server';

export interface WorkerModuleOptions {
  config: AppConfig;
  retryBackoffMs?: number;
}

/** The same feature modules as the API, with the Bull processor and no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions): DynamicModule {
    const { config } = options;
    if (!config.databaseUrl || !config.redisUrl) {
      throw new Error(
        'The worker needs DATABASE_URL and REDIS_URL. On the embedded default (neither set) the API runs jobs in-process and no worker is needed.',
      );
    }
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot({
          url: config.databaseUrl,
          entities: ALL_ENTITIES,
          migrations: MIGRATIONS,
          applicationName: 'lbi-worker',
          poolSize: config.dbPoolSize,
        }),
        QueueModule.forRoot({
          redisUrl: config.redisUrl,
          prefix: config.queuePrefix,
          role: 'worker',
          retryBackoffMs: options.retryBackoffMs,
        }),
        IngestionModule,
        CensusModule,
        ReportsModule,
        ScansModule,
        ImportsModule,
      ],
    };
  }
}
