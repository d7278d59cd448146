import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { PiiViolationError } from '@lbi/pii';
import { NoTenantError, TenantContextMissingError } from '@lbi/server';
import { AllExceptionsFilter } from './all-exceptions.filter';

function hostCapturing() {
  const sent: { status?: number; body?: unknown; headers?: Record<string, string> } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
    setHeader(name: string, value: string) {
      sent.headers = { ...sent.headers, [name]: value };
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('AllExceptionsFilter', () => {
  const filter = new AllExceptionsFilter();

  it('answers HttpExceptions in the contract shape', () => {
    const { host, sent } = hostCapturing();
    filter.catch(new NotFoundException('No user with id x'), host);
    expect(sent).toEqual({
      status: 404,
      body: { status_code: 404, error: 'Not Found', message: 'No user with id x' },
    });
  });

  it('never repeats a body that is not JSON: V8 quotes the text around the mistake', () => {
    const { host, sent } = hostCapturing();
    let parseError: unknown;
    try {
      JSON.parse('jane@example.com');
    } catch (error) {
      parseError = Object.assign(error as SyntaxError, { type: 'entity.parse.failed', status: 400 });
    }
    expect((parseError as Error).message).toContain('jane@example.com');
    filter.catch(new BadRequestException((parseError as Error).message, { cause: parseError }), host);
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body)).not.toContain('jane');
    expect(sent.body).toMatchObject({
      message: expect.stringMatching(/^The request body is not valid JSON/),
    });
  });

  it('answers a missing tenant (a platform admin without X-Client-Id) with 400 and what to send', () => {
    const { host, sent } = hostCapturing();
    filter.catch(new NoTenantError(), host);
    expect(sent.status).toBe(400);
    expect(sent.body).toEqual({
      status_code: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/send X-Client-Id/),
    });
  });

  it('answers PostgreSQL away (refused, shutting down, connection lost) with 503 and Retry-After', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('QueryFailedError'), { driverError: { code: '57P01' } });
    for (const error of [refused, shutdown, new Error('Connection terminated unexpectedly')]) {
      const { host, sent } = hostCapturing();
      filter.catch(error, host);
      expect(sent).toEqual({
        status: 503,
        headers: { 'Retry-After': '30' },
        body: {
          status_code: 503,
          error: 'Service Unavailable',
          message: 'The database is not answering right now; try again in a minute.',
        },
      });
    }
    warn.mockRestore();
  });

  it('answers a lost tenant context with a 500 and logs it, never with the platform admin’s advice', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, sent } = hostCapturing();
    filter.catch(new TenantContextMissingError(), host);
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toMatch(/X-Client-Id/);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ msg: 'tenant context missing' }));
    error.mockRestore();
  });

  it('answers a PII refusal from the database layer with 400 naming the field, never the value', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { host, sent } = hostCapturing();
    filter.catch(new PiiViolationError([{ path: 'name', kind: 'phone-number value' }]), host);
    expect(sent).toEqual({
      status: 400,
      body: {
        status_code: 400,
        error: 'Bad Request',
        message:
          'PII is not accepted: field "name" contains a phone number (value). Remove it and try again.',
      },
    });
    expect(warn).toHaveBeenCalledWith({
      msg: 'pii refused',
      violations: [{ path: 'name', kind: 'phone-number value' }],
    });
    warn.mockRestore();
  });
});
