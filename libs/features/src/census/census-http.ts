import type { CensusHttp } from '@lbi/census';
import axios, { AxiosError, AxiosInstance } from 'axios';

/** An HTTP failure without the request attached: the URL may hold the API key, so it is never kept. */
export class CensusHttpError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'CensusHttpError';
  }
}

function headerMap(headers: unknown): Record<string, string | readonly string[] | undefined> {
  const out: Record<string, string | readonly string[] | undefined> = {};
  if (!headers || typeof headers !== 'object') return out;
  const plain =
    typeof (headers as { toJSON?: unknown }).toJSON === 'function'
      ? (headers as { toJSON(): Record<string, unknown> }).toJSON()
      : (headers as Record<string, unknown>);
  for (const [name, value] of Object.entries(plain)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value;
    else if (Array.isArray(value)) out[name.toLowerCase()] = value.map(String);
    else if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
  }
  return out;
}

/**
 * The `http` function libs/census expects, on axios: resolves for every status (redirects are not
 * followed, so the invalid-key redirect is seen), rejects on network errors and timeouts with an error
 * that carries the code (ECONNRESET, ECONNABORTED, ...) but neither the URL nor the request config.
 */
export function createAxiosCensusHttp(instance: AxiosInstance = axios.create()): CensusHttp {
  return async (url, { timeoutMs }) => {
    try {
      const res = await instance.get<string>(url, {
        timeout: timeoutMs,
        maxRedirects: 0,
        responseType: 'text',
        // Keep the body as text: libs/census parses it and reports what it starts with.
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        headers: { Accept: 'application/json' },
      });
      const body = typeof res.data === 'string' ? res.data : res.data == null ? '' : String(res.data);
      return { status: res.status, headers: headerMap(res.headers), body };
    } catch (err) {
      if (err instanceof AxiosError) {
        const code =
          err.code === AxiosError.ECONNABORTED || err.code === 'ETIMEDOUT' ? 'ETIMEDOUT' : err.code;
        const message =
          code === 'ETIMEDOUT'
            ? `no answer within ${timeoutMs} ms`
            : err.message.replace(/https?:\/\/\S+/g, '');
        throw new CensusHttpError(message, code);
      }
      throw err;
    }
  };
}
