import { Writable } from 'node:stream';
import pino from 'pino';
import { pathOnly, REDACTED_LOG_PATHS } from './redaction';

describe('log redaction', () => {
  it('replaces secrets and account emails wherever they appear in a logged object', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, sink);
    logger.info({
      req: { headers: { authorization: 'Bearer eyJhbGciOi.secret.token', cookie: 'sid=abc' } },
      body: { email: 'analyst@agency.example', password: 'hunter2-password' },
      access_token: 'eyJ.token.value',
    });
    const text = lines.join('');
    for (const secret of [
      'eyJhbGciOi.secret.token',
      'sid=abc',
      'analyst@agency.example',
      'hunter2-password',
      'eyJ.token.value',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('also replaces the commonest PII field names', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, sink);
    const values = {
      phone: '215-555-0142',
      phone_number: '(610) 555-0199',
      ssn: '123-45-6789',
      address: '123 Main St',
      street_address: '45 Oak Avenue',
      owner_name: 'Jane Quimby',
    };
    logger.info({ row: values });
    const text = lines.join('');
    for (const value of Object.values(values)) expect(text).not.toContain(value);
  });

  it('drops query strings from logged paths', () => {
    expect(pathOnly('/api/v1/signals?geography_id=1&key=abc')).toBe('/api/v1/signals');
    expect(pathOnly('/api/v1/health')).toBe('/api/v1/health');
    expect(pathOnly(undefined)).toBe('');
  });
});
