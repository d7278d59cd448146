import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import {
  ALL_ENTITIES,
  AuthModule,
  CensusModule,
  ReportsModule,
  ScansModule,
  DemoModule,
  ChannelsModule,
  GeographiesModule,
  ImportsModule,
  IngestionModule,
  TenantsModule,
} from '@lbi/features';
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
import { AuthController } from './auth/auth.controller';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { loginThrottlerOptions } from './auth/login-throttler.guard';
import { RolesGuard } from './auth/roles.guard';
import { TenantContextInterceptor } from './auth/tenant-context.interceptor';
import { CensusCacheController } from './census-cache/census-cache.controller';
import { ChannelsController } from './channels/channels.controller';
import { DemoController } from './demo/demo.controller';
import { ClientsController } from './clients/clients.controller';
import { GeographiesController } from './geographies/geographies.controller';
import { GeographyIngestionController } from './geographies/geography-ingestion.controller';
import { ZipCodesController } from './geographies/zip-codes.controller';
import { HealthController } from './health/health.controller';
import { CategoriesController } from './reports/categories.controller';
import { GeographyScoresController } from './reports/geography-scores.controller';
import { ReportsController } from './reports/reports.controller';
import { ScansController } from './scans/scans.controller';
import { ImportsController } from './imports/imports.controller';
import { ApiValidationPipe } from './http/api-validation.pipe';
import { PiiGuardInterceptor } from './http/pii-guard.interceptor';
import { IngestionRunsController } from './ingestion-runs/ingestion-runs.controller';
import { SignalsController } from './signals/signals.controller';
import { TradeAreasController } from './trade-areas/trade-areas.controller';
import { UploadsController } from './uploads/uploads.controller';
import { UsersController } from './users/users.controller';

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
          poolSize: config.dbPoolSize,
        }),
        QueueModule.forRoot({
          redisUrl: config.redisUrl,
          prefix: config.queuePrefix,
          role: 'api',
          retryBackoffMs: options.retryBackoffMs,
        }),
        TerminusModule,
        ThrottlerModule.forRoot(
          loginThrottlerOptions({
            perIp: config.loginRateLimitPerIp,
            perEmail: config.loginRateLimitPerEmail,
          }),
        ),
        AuthModule,
        TenantsModule,
        IngestionModule,
        CensusModule,
        ReportsModule,
        ScansModule,
        // Seeds the demo tenant on the embedded default (`npm run demo`); idle otherwise.
        DemoModule,
        GeographiesModule,
        ChannelsModule,
        ImportsModule,
        // The console is served at `/` when it has been built; the API never falls through to it.
        ...(existsSync(consoleDir)
          ? [ServeStaticModule.forRoot({ rootPath: consoleDir, exclude: ['/api/{*path}'] })]
          : []),
      ],
      controllers: [
        HealthController,
        AuthController,
        ClientsController,
        UsersController,
        GeographiesController,
        TradeAreasController,
        ZipCodesController,
        ChannelsController,
        SignalsController,
        GeographyIngestionController,
        CensusCacheController,
        IngestionRunsController,
        UploadsController,
        ImportsController,
        CategoriesController,
        GeographyScoresController,
        ReportsController,
        ScansController,
        DemoController,
      ],
      providers: [
        // Deny by default: a valid bearer token, then a role the handler names (order matters).
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        // Global interceptors run in this order, all before the pipes: PII in a write's body or query
        // is refused before validation, the tenant context or the handler sees it.
        { provide: APP_INTERCEPTOR, useClass: PiiGuardInterceptor },
        { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
        {
          provide: APP_PIPE,
          useValue: new ApiValidationPipe(),
        },
        { provide: RuntimeInfo, useValue: options.runtime },
        DatabaseHealthIndicator,
        QueueHealthIndicator,
      ],
    };
  }
}
