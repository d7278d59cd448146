import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX } from '@lbi/contracts';
import { ALL_ENTITIES } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import {
  AppConfig,
  EmbeddedPostgres,
  RuntimeInfo,
  describeConfig,
  runMigrations,
  startEmbeddedPostgres,
} from '@lbi/server';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { markPublicOperations } from './auth/public.decorator';
import { AllExceptionsFilter } from './http/all-exceptions.filter';

export const API_VERSION = '0.1.0';

export interface RunningApi {
  app: INestApplication;
  url: string;
  embedded?: EmbeddedPostgres;
  stop(): Promise<void>;
}

export interface StartApiOptions {
  /** Listen on this port (0 = any free one); undefined = config.port. */
  port?: number;
  retryBackoffMs?: number;
  /** Keep the embedded database in memory (tests) rather than under dataDir. */
  inMemoryDatabase?: boolean;
}

/**
 * Boots the API: the embedded PostgreSQL when DATABASE_URL is unset (migrated at start), Nest with
 * pino logs, the contract's error shape, OpenAPI at /api/v1/openapi.json and Swagger UI at /api/docs.
 */
export async function startApi(config: AppConfig, options: StartApiOptions = {}): Promise<RunningApi> {
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: options.inMemoryDatabase ? undefined : join(config.dataDir, 'pglite'),
      // The pool plus headroom (migrations, the demo seeder, a worker in the same process).
      maxConnections: config.dbPoolSize + 10,
    });
    databaseUrl = embedded.url;
    await runMigrations({ url: databaseUrl, entities: ALL_ENTITIES, migrations: MIGRATIONS });
  }
  let generatedSecret = false;
  if (!config.jwtSecret) {
    // Only reachable in demo mode (loadConfig requires JWT_SECRET otherwise).
    config.jwtSecret = randomBytes(32).toString('hex');
    generatedSecret = true;
  }

  try {
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({
        config,
        databaseUrl,
        runtime: new RuntimeInfo(embedded !== undefined, API_VERSION),
        retryBackoffMs: options.retryBackoffMs,
      }),
      { bufferLogs: true },
    );
    const logger = app.get(Logger);
    app.useLogger(logger);
    app.setGlobalPrefix(API_PREFIX);
    app.useGlobalFilters(new AllExceptionsFilter());
    app.disable('x-powered-by');
    app.set('trust proxy', 'loopback');
    app.use(helmet(securityHeaders()));

    const document = markPublicOperations(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle('Local Buyer Intelligence API')
          .setDescription(
            'Where a home-service category’s buyers are, who they are in aggregate, which channels reach them and when to market.',
          )
          .setVersion(API_VERSION)
          .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
          .addSecurityRequirements('bearer')
          .build(),
      ),
    );
    if (config.apiDocs) {
      SwaggerModule.setup('api/docs', app, document, {
        jsonDocumentUrl: `${API_PREFIX}/openapi.json`,
        yamlDocumentUrl: undefined,
      });
    }

    await app.listen(options.port ?? config.port, '0.0.0.0');
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    logger.log({
      msg: 'api started',
      url,
      config: describeConfig(config),
      embedded_database: embedded !== undefined,
    });
    if (generatedSecret)
      logger.warn({
        msg: 'demo mode: generated a random JWT_SECRET for this run; tokens end with the process',
      });

    return {
      app,
      url,
      embedded,
      stop: async () => {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/**
 * Security headers (helmet). The console's scripts, styles, fonts and images all come from this
 * origin (the map draws offline from bundled outlines), so the policy allows 'self' only, plus inline
 * styles, which Angular Material and Swagger UI set at run time; images may also be data: URLs.
 */
function securityHeaders(): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    // The console and the API share one origin; nothing is meant to be embedded elsewhere.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  };
}
