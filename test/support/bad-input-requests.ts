// The malformed requests of test/e2e/bad-input.e2e-spec.ts: JSON bodies, query strings and paths. Each
// is [label, send, status, what the message must say, input it must not repeat]. The marker CANARY
// travels in the wrong part wherever the request has room for it.
import request, { Response } from 'supertest';
import { CANARY } from './bad-input-files';

export type RequestCase = [string, () => Promise<Response>, number, RegExp, string[]?];

export interface Context {
  url: string;
  headers: Record<string, string>;
  /** A geography of the tenant, one of another tenant, and an uploaded calendar's file_ref. */
  geo: string;
  otherGeo: string;
  icsRef: string;
}

export const MISSING = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_REF = 'c'.repeat(32);
const TRAVERSAL = 'etc/passwd';

/** The request builders both case tables use, bound to the analyst's session. */
export function builders(ctx: Context) {
  const get = (path: string) => request(ctx.url).get(path).set(ctx.headers);
  const post = (path: string) => request(ctx.url).post(path).set(ctx.headers);
  const raw = (path: string, body: string, type = 'application/json') =>
    post(path).set('Content-Type', type).send(body);
  const channel = (fields: Record<string, unknown>) =>
    post('/api/v1/channels').send({
      geography_id: ctx.geo,
      channel_type: 'library',
      name: 'Lib',
      zip_code: '19002',
      ...fields,
    });
  const geography = (fields: Record<string, unknown>) =>
    post('/api/v1/geographies').send({ name: `Geo ${CANARY}`, ...fields });
  const startImport = (query: Record<string, unknown> | string, kind = 'events') =>
    post(`/api/v1/import/${kind}${typeof query === 'string' ? query : ''}`).query(
      typeof query === 'string' ? {} : query,
    );
  const ref = { geography_id: ctx.geo };
  const notJson = /^The request body is not valid JSON; check its quotes, commas and brackets/;
  const fileRef = /file_ref must be the 32-character file_ref POST \/uploads returned/;
  const uuid = /Validation failed \(uuid is expected\)/;
  const reach = /estimated_reach must be (a whole number|at most 2147483647|not be negative)/;
  const zipList = /zip_codes|ZIP/;

  return { get, post, raw, channel, geography, startImport, ref, notJson, fileRef, uuid, reach, zipList };
}

/** Imports and JSON bodies that cannot be read. */
export function requestCases(ctx: Context): RequestCase[] {
  const { get, raw, channel, startImport, ref, notJson, fileRef } = builders(ctx);
  return [
    // POST /import/*: the query names a geography and an upload of the tenant.
    [
      'import: geography_id not a UUID',
      () => startImport({ geography_id: CANARY, file_ref: UNKNOWN_REF }),
      400,
      /geography_id must be a UUID/,
    ],
    [
      'import: geography_id missing',
      () => startImport({ file_ref: UNKNOWN_REF }),
      400,
      /geography_id must be a UUID/,
    ],
    [
      'import: SQL injection in geography_id',
      () => startImport({ geography_id: `' OR 1=1; -- ${CANARY}`, file_ref: UNKNOWN_REF }),
      400,
      /geography_id must be a UUID/,
    ],
    ['import: file_ref missing', () => startImport(ref), 400, fileRef],
    [
      'import: file_ref ../../etc/passwd',
      () => startImport({ ...ref, file_ref: `../../${TRAVERSAL}` }),
      400,
      fileRef,
      [TRAVERSAL],
    ],
    [
      'import: file_ref percent-encoded traversal',
      () => startImport(`?geography_id=${ctx.geo}&file_ref=..%2F..%2Fetc%2Fpasswd`),
      400,
      fileRef,
      [TRAVERSAL],
    ],
    [
      'import: file_ref double-encoded traversal',
      () => startImport(`?geography_id=${ctx.geo}&file_ref=%252e%252e%252f${TRAVERSAL}`),
      400,
      fileRef,
      [TRAVERSAL],
    ],
    [
      'import: file_ref an absolute path',
      () => startImport({ ...ref, file_ref: `/${TRAVERSAL}` }),
      400,
      fileRef,
      [TRAVERSAL],
    ],
    [
      'import: file_ref with a NUL byte',
      () => startImport(`?geography_id=${ctx.geo}&file_ref=${'a'.repeat(31)}%00`),
      400,
      fileRef,
    ],
    ['import: file_ref in upper case', () => startImport({ ...ref, file_ref: 'A'.repeat(32) }), 400, fileRef],
    [
      'import: file_ref given twice',
      () => startImport(`?geography_id=${ctx.geo}&file_ref=${UNKNOWN_REF}&file_ref=${UNKNOWN_REF}`),
      400,
      fileRef,
    ],
    [
      'import: an unknown file_ref',
      () => startImport({ ...ref, file_ref: UNKNOWN_REF }),
      404,
      /No upload with file_ref/,
    ],
    [
      'import: an unknown geography',
      () => startImport({ geography_id: MISSING, file_ref: ctx.icsRef }),
      404,
      /No geography with id/,
    ],
    [
      'import: another tenant’s geography',
      () => startImport({ geography_id: ctx.otherGeo, file_ref: ctx.icsRef }),
      404,
      /No geography with id/,
    ],
    [
      'import: an unknown query parameter',
      () => startImport({ ...ref, file_ref: ctx.icsRef, dry_run: 'true' }),
      400,
      /property dry_run should not exist/,
    ],
    [
      'import: an email as query parameter name',
      () => startImport(`?geography_id=${ctx.geo}&file_ref=${ctx.icsRef}&${CANARY}%40example.com=1`),
      400,
      /PII is not accepted/,
    ],
    [
      'import: a calendar as channels',
      () => startImport({ ...ref, file_ref: ctx.icsRef }, 'channels'),
      400,
      /iCalendar \(\.ics\) file can only be imported as events; upload a CSV file for channels/,
    ],
    [
      'import: a calendar as property',
      () => startImport({ ...ref, file_ref: ctx.icsRef }, 'property'),
      400,
      /can only be imported as events; upload a CSV file for property/,
    ],
    [
      'import: an unknown kind',
      () => startImport({ ...ref, file_ref: ctx.icsRef }, 'sales'),
      404,
      /There is no POST route at this path; the API's routes are listed at \/api\/docs/,
    ],
    [
      'an unknown route with an email in its query',
      () => get(`/api/v1/no-such-route?${CANARY}=${CANARY}%40example.com`),
      404,
      /There is no GET route at this path/,
    ],
    // JSON bodies that cannot be read.
    ['json: cut off', () => raw('/api/v1/channels', `{"name": "${CANARY}`), 400, notJson],
    ['json: a trailing comma', () => raw('/api/v1/channels', `{"name": "${CANARY}",}`), 400, notJson],
    [
      'json: a bare email (V8 used to quote it)',
      () => raw('/api/v1/channels', `${CANARY}@example.com`),
      400,
      notJson,
    ],
    ['json: single quotes', () => raw('/api/v1/channels', `{'name': '${CANARY}'}`), 400, notJson],
    [
      'json: 200 KB of notes',
      () => channel({ notes: CANARY.repeat(20_000) }),
      413,
      /larger than the 100 KiB a JSON request may have; files go to POST \/uploads/,
    ],
    [
      'json: UTF-16 charset',
      () => raw('/api/v1/channels', `{"name":"${CANARY}"}`, 'application/json; charset=utf-16'),
      400,
      notJson,
    ],
    [
      'json: an unknown charset',
      () => raw('/api/v1/channels', `{"name":"${CANARY}"}`, 'application/json; charset=x-klingon'),
      415,
      /must be UTF-8 JSON/,
    ],
    [
      'json: gzip that is not gzip',
      () => raw('/api/v1/channels', `{"name":"${CANARY}"}`).set('Content-Encoding', 'gzip'),
      400,
      /could not be decompressed/,
    ],
    [
      'json: sent as text/plain',
      () => raw('/api/v1/channels', `name=${CANARY}`, 'text/plain'),
      400,
      /geography_id must be the UUID/,
    ],
    [
      'json: an array instead of an object',
      () => raw('/api/v1/channels', `[{"name":"${CANARY}"}]`),
      400,
      /geography_id must be the UUID/,
    ],
    [
      'json: 10,000 nested arrays',
      () => raw('/api/v1/channels', `${'['.repeat(10_000)}"${CANARY}"${']'.repeat(10_000)}`),
      400,
      /nested more than 32 levels deep/,
    ],
    [
      'json: a __proto__ key',
      () =>
        raw(
          '/api/v1/channels',
          `{"__proto__":{"role":"admin"},"geography_id":"${ctx.geo}","channel_type":"library","name":"${CANARY}"}`,
        ),
      400,
      /city and state are required when zip_code is not given/,
    ],
  ];
}
