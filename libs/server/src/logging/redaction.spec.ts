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

  it('drops query strings from logged paths', () => {
    expect(pathOnly('/api/v1/signals?geography_id=1&key=abc')).toBe('/api/v1/signals');
    expect(pathOnly('/api/v1/health')).toBe('/api/v1/health');
    expect(pathOnly(undefined)).toBe('');
  });
});
