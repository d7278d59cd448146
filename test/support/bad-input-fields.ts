// More malformed requests of test/e2e/bad-input.e2e-spec.ts: wrong types, ranges and formats in JSON
// bodies, query strings and paths. Same shape as requestCases.
import { CANARY } from './bad-input-files';
import { builders, Context, MISSING, RequestCase } from './bad-input-requests';

export function fieldCases(ctx: Context): RequestCase[] {
  const { get, post, raw, channel, geography, uuid, reach, zipList } = builders(ctx);
  return [
    // Wrong types, ranges and formats.
    [
      'channel: reach as a string',
      () => channel({ estimated_reach: '1200' }),
      400,
      /estimated_reach must be a whole number/,
    ],
    [
      'channel: negative reach',
      () => channel({ estimated_reach: -1 }),
      400,
      /estimated_reach must not be negative/,
    ],
    ['channel: reach 1e308', () => channel({ estimated_reach: 1e308 }), 400, reach],
    [
      'channel: reach 2^53 + 1',
      () =>
        raw(
          '/api/v1/channels',
          `{"geography_id":"${ctx.geo}","channel_type":"library","name":"Lib","estimated_reach":9007199254740993}`,
        ),
      400,
      reach,
    ],
    [
      'channel: fractional reach',
      () => channel({ estimated_reach: 12.5 }),
      400,
      /estimated_reach must be a whole number/,
    ],
    ['channel: name as a number', () => channel({ name: 42 }), 400, /name must be a string/],
    [
      'channel: name of 201 characters',
      () => channel({ name: `${CANARY}${'n'.repeat(201)}` }),
      400,
      /name must be at most 200 characters/,
    ],
    [
      'channel: ZIP as a number',
      () => channel({ zip_code: 19002 }),
      400,
      /zip_code must be a 5-digit ZIP code/,
    ],
    [
      'channel: SQL injection in channel_type',
      () => channel({ channel_type: `library'; DROP TABLE channels; -- ${CANARY}` }),
      400,
      /channel_type must be one of: hoa/,
    ],
    [
      'channel: a javascript: website',
      () => channel({ website: `javascript:alert('${CANARY}')` }),
      400,
      /website must be an http\(s\) URL/,
    ],
    ['channel: a ZIP outside the geography', () => channel({ zip_code: '90210' }), 400, /90210/],
    [
      'channel: an unknown field',
      () => channel({ contact_hours: CANARY }),
      400,
      /property contact_hours should not exist/,
    ],
    [
      'channel: a field named like a phone number',
      () => channel({ [`${CANARY} 215-555-0142`]: 1 }),
      400,
      /PII is not accepted: field "\[redacted\]"/,
      ['555-0142'],
    ],
    [
      'channel: another tenant’s geography',
      () => channel({ geography_id: ctx.otherGeo }),
      404,
      /No geography with id/,
    ],
    [
      'geography: 5,001 ZIPs',
      () => geography({ zip_codes: Array.from({ length: 5001 }, (_, i) => String(10000 + i)) }),
      400,
      /at most 5,000 ZIP codes \(got 5,001\)/,
    ],
    ['geography: ZIPs as one string', () => geography({ zip_codes: '19002,19003' }), 400, zipList],
    ['geography: a ZIP of letters', () => geography({ zip_codes: ['19002', 'ABCDE'] }), 400, zipList],
    ['geography: no ZIPs', () => geography({ zip_codes: [] }), 400, zipList],
    [
      'geography: a negative radius',
      () => geography({ around: { zip_code: '19002', radius_miles: -5 } }),
      400,
      /radius_miles/,
    ],
    [
      'geography: county FIPS with SQL',
      () => geography({ counties: [`42091' OR '1'='1`] }),
      400,
      /counties|FIPS/,
    ],
    [
      'report: SQL injection in category',
      () => post('/api/v1/reports').send({ geography_id: ctx.geo, category: `roofing' OR 1=1 -- ${CANARY}` }),
      400,
      /category must be a category id from GET \/categories/,
    ],
    // Query strings.
    [
      'signals: geography_id not a UUID',
      () => get(`/api/v1/signals?geography_id=${CANARY}`),
      400,
      /geography_id is required: the UUID/,
    ],
    [
      'signals: signal_type with SQL',
      () => get(`/api/v1/signals?geography_id=${ctx.geo}&signal_type=CENSUS'--${CANARY}`),
      400,
      /signal_type must be one of: CENSUS/,
    ],
    [
      'signals: limit 1e9',
      () => get(`/api/v1/signals?geography_id=${ctx.geo}&limit=1000000000`),
      400,
      /limit must be at most 1000/,
    ],
    [
      'signals: negative offset',
      () => get(`/api/v1/signals?geography_id=${ctx.geo}&offset=-1`),
      400,
      /offset must not be negative/,
    ],
    [
      'signals: offset as text',
      () => get(`/api/v1/signals?geography_id=${ctx.geo}&offset=${CANARY}`),
      400,
      /offset must be a whole number/,
    ],
    [
      'signals: an unknown query parameter',
      () => get(`/api/v1/signals?geography_id=${ctx.geo}&sort=desc`),
      400,
      /property sort should not exist/,
    ],
    [
      'channels: an email as query parameter name',
      () => get(`/api/v1/channels?${CANARY}%40example.com=1`),
      400,
      /its name is not repeated here\); it takes only: geography_id, channel_type/,
    ],
    [
      'channels: a person’s name as query parameter name',
      () => get(`/api/v1/channels?Jane%20${CANARY}=1`),
      400,
      /its name is not repeated here/,
    ],
    [
      'runs: an unknown status',
      () => get(`/api/v1/ingestion-runs?status=${CANARY}`),
      400,
      /status must be one of: queued, running, success, failed/,
    ],
    [
      'trade area: radius 1e308',
      () => get('/api/v1/trade-areas/preview?zip_code=19002&radius_miles=1e308'),
      400,
      /radius_miles must be a number of miles from 1 to 100/,
    ],
    [
      'trade area: a ZIP of letters',
      () => get(`/api/v1/trade-areas/preview?zip_code=${CANARY}&radius_miles=5`),
      400,
      /zip_code/,
    ],
    [
      'export: an unknown format',
      () => get(`/api/v1/reports/${MISSING}/export?format=xlsx`),
      400,
      /format must be json, csv or pdf/,
    ],
    // Paths.
    ['path: a channel id that is not a UUID', () => get(`/api/v1/channels/${CANARY}`), 400, uuid],
    ['path: SQL injection as geography id', () => get(`/api/v1/geographies/1'%20OR%20'1'%3D'1`), 400, uuid],
    ['path: a run id that is a number', () => get('/api/v1/ingestion-runs/12345'), 400, uuid],
    [
      'path: an invalid percent-encoding',
      () => get('/api/v1/channels/%E0%A4%A'),
      400,
      /invalid percent-encoding/,
    ],
    [
      'path: a UUID of no geography',
      () => get(`/api/v1/geographies/${MISSING}`),
      404,
      /No geography with id/,
    ],
  ];
}
