import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { pathOnly, REDACTED_LOG_PATHS } from './redaction';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Structured JSON logs through nestjs-pino: one request id on every line of a request (taken from a
 * well-formed X-Request-Id or generated, and echoed back), no request or response bodies, no query
 * strings, secrets redacted.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            customProps: () => ({ service: 'lbi-api' }),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                path: pathOnly(req.url),
              }),
              res: (res: { statusCode: number }) => ({ status_code: res.statusCode }),
            },
            autoLogging: { ignore: (req: IncomingMessage) => pathOnly(req.url) === '/api/v1/health' },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
