import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { isTransientNetworkError } from '@lbi/census';
import { CensusHttpError, createAxiosCensusHttp } from './census-http';

describe('createAxiosCensusHttp', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/redirect')) {
        res.writeHead(302, { Location: '/data/invalid_key.html' });
        return res.end();
      }
      if (req.url?.startsWith('/busy')) {
        res.writeHead(429, { 'Retry-After': '3', 'Content-Type': 'text/plain' });
        return res.end('Too Many Requests');
      }
      if (req.url?.startsWith('/slow')) return setTimeout(() => res.end('[]'), 500);
      if (req.url?.startsWith('/reset')) return req.socket.destroy();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('[["NAME","zip code tabulation area"],["ZCTA5 19002","19002"]]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const http = createAxiosCensusHttp();

  it('returns the body as text, unparsed, with lower-case headers', async () => {
    const res = await http(`${base}/data?get=NAME`, { timeoutMs: 2000 });
    expect(res.status).toBe(200);
    expect(res.body).toBe('[["NAME","zip code tabulation area"],["ZCTA5 19002","19002"]]');
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('resolves error statuses with their headers (Retry-After) instead of throwing', async () => {
    const res = await http(`${base}/busy`, { timeoutMs: 2000 });
    expect(res).toMatchObject({ status: 429, body: 'Too Many Requests' });
    expect(res.headers['retry-after']).toBe('3');
  });

  it('does not follow redirects, so the invalid-key redirect is visible', async () => {
    const res = await http(`${base}/redirect`, { timeoutMs: 2000 });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/data/invalid_key.html');
  });

  it('rejects a timeout with a transient error that names neither the URL nor the key', async () => {
    const error = await http(`${base}/slow?key=SECRET-KEY-123`, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CensusHttpError);
    expect((error as CensusHttpError).code).toBe('ETIMEDOUT');
    expect(isTransientNetworkError(error)).toBe(true);
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
      'SECRET-KEY-123',
    );
  });

  it('rejects a connection reset with a transient error', async () => {
    const error = await http(`${base}/reset?key=SECRET-KEY-123`, { timeoutMs: 2000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CensusHttpError);
    expect(isTransientNetworkError(error)).toBe(true);
    expect((error as Error).message).not.toContain('SECRET-KEY-123');
  });
});
