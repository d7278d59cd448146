import { redactApiKey } from './request-plan';

/** What the injected HTTP function returns. Header names may be in any case. */
export interface CensusHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: string;
  /** Optional; read from the content-type header when absent. */
  readonly contentType?: string;
}

export type CensusOutcome =
  | { readonly kind: 'ok'; readonly status: number }
  | { readonly kind: 'empty'; readonly status: number; readonly note: string }
  | {
      readonly kind: 'permanent';
      readonly status: number;
      readonly reason: 'bad-request' | 'invalid-key' | 'missing-key' | 'unexpected';
      readonly message: string;
    }
  | {
      readonly kind: 'transient';
      readonly status: number;
      readonly message: string;
      readonly retryAfter?: string;
    };

export interface ClassifyOptions {
  /** Removed from every message, in case an error page echoes it. */
  readonly apiKey?: string;
  /** Whether the request carried a key; tells an invalid key from a missing one. Defaults to true. */
  readonly keySent?: boolean;
}

export function emptyResponseNote(status: number): string {
  const what = status === 204 ? '204 No Content' : `${status} with an empty body`;
  return `the Census API answered ${what}: nothing matched this query (for example none of these ZCTAs exist in this vintage)`;
}

// Texts the API uses for load and maintenance problems (DOMAIN.md): worth retrying later.
const TRANSIENT_TEXTS = [
  /there was an error while running your query/i,
  /undergoing maintenance or is busy/i,
];

export function headerValue(headers: CensusHttpResponse['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

// Error bodies are short plain text; keep a message readable if a whole page comes back.
function snippet(body: string, apiKey?: string): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return redactApiKey(cut, apiKey);
}

function parsesAsJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

function looksLikeHtml(body: string, contentType: string): boolean {
  return /text\/html/i.test(contentType) || /^\s*(<!doctype html|<html|<head|<body|<div|<\?xml)/i.test(body);
}

function keyProblem(status: number, keySent: boolean): CensusOutcome {
  return keySent
    ? {
        kind: 'permanent',
        status,
        reason: 'invalid-key',
        message: 'the Census API key is invalid: check CENSUS_API_KEY (the key itself is not shown)',
      }
    : {
        kind: 'permanent',
        status,
        reason: 'missing-key',
        message: 'the Census API asks for a key on this request: set CENSUS_API_KEY',
      };
}

/**
 * Decides what one Census API answer means: rows to parse, nothing to parse, a permanent error (stop at
 * once: retrying cannot help) or a transient one (retry with backoff).
 */
export function classifyCensusResponse(
  res: CensusHttpResponse,
  options: ClassifyOptions = {},
): CensusOutcome {
  const { status, body } = res;
  const keySent = options.keySent ?? true;
  const contentType = res.contentType ?? headerValue(res.headers, 'content-type') ?? '';
  const html = looksLikeHtml(body, contentType);
  const isJsonArray = body.trimStart().startsWith('[');

  if (status === 204) return { kind: 'empty', status, note: emptyResponseNote(status) };

  if (status === 429 || status === 408 || status >= 500) {
    const retryAfter = headerValue(res.headers, 'retry-after');
    const text = snippet(body, options.apiKey);
    const what =
      status === 429 ? 'rate limit reached' : status === 408 ? 'request timed out' : 'server error';
    return {
      kind: 'transient',
      status,
      message: `the Census API answered ${status} (${what})${text ? `: ${text}` : ''}`,
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    };
  }

  if (!isJsonArray && TRANSIENT_TEXTS.some((re) => re.test(body))) {
    return { kind: 'transient', status, message: `the Census API is busy: ${snippet(body, options.apiKey)}` };
  }

  // Key problems come as a redirect to invalid_key.html, a key-error header, or an HTML page with 200.
  if (status >= 300 && status < 400) {
    const location = headerValue(res.headers, 'location') ?? '';
    // Judge the path only: a query string may carry `key=` on any redirect.
    if (/key/i.test(location.split('?')[0])) return keyProblem(status, keySent);
    return {
      kind: 'permanent',
      status,
      reason: 'unexpected',
      message: `the Census API redirected (${status}) to ${redactApiKey(location, options.apiKey) || 'nowhere'}`,
    };
  }
  if (headerValue(res.headers, 'x-datawebapi-keyerror') !== undefined) return keyProblem(status, keySent);
  if (html && (status === 200 || /invalid key|valid key|key_signup|missing key/i.test(body))) {
    return keyProblem(status, keySent);
  }

  if (status === 400) {
    return {
      kind: 'permanent',
      status,
      reason: 'bad-request',
      message: `the Census API refused the request: ${snippet(body, options.apiKey) || '(empty body)'}`,
    };
  }
  if (status < 200 || status >= 300) {
    const text = snippet(body, options.apiKey);
    return {
      kind: 'permanent',
      status,
      reason: 'unexpected',
      message: `the Census API answered ${status}${html ? ' with an HTML page' : ''}${text ? `: ${text}` : ''}`,
    };
  }
  if (html) {
    return {
      kind: 'permanent',
      status,
      reason: 'unexpected',
      message: `the Census API answered an HTML page instead of JSON (status ${status})`,
    };
  }
  if (!isJsonArray) {
    if (body.trim() === '') return { kind: 'empty', status, note: emptyResponseNote(status) };
    if (/^\s*error:/i.test(body)) {
      return {
        kind: 'permanent',
        status,
        reason: 'bad-request',
        message: `the Census API refused the request: ${snippet(body, options.apiKey)}`,
      };
    }
    // Whole JSON that is not a table (an error object) will come back the same: retrying cannot help.
    if (parsesAsJson(body)) {
      return {
        kind: 'permanent',
        status,
        reason: 'unexpected',
        message: `the Census API answered ${status} with JSON that is not a table of rows: ${snippet(body, options.apiKey)}`,
      };
    }
    return {
      kind: 'transient',
      status,
      message: `the Census API answered ${status} with a body that is not JSON: ${snippet(body, options.apiKey)}`,
    };
  }
  return { kind: 'ok', status };
}
