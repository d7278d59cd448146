import { classifyCensusResponse, emptyResponseNote } from './classify';

const KEY = 'abc123SECRETkey0000000000000000000000000';
const json = { 'content-type': 'application/json;charset=utf-8' };
const text = { 'content-type': 'text/plain;charset=utf-8' };
const html = { 'content-type': 'text/html;charset=utf-8' };

describe('classifyCensusResponse', () => {
  it('200 with a JSON array is ok', () => {
    const body = '[["NAME","B01003_001E","zip code tabulation area"],\n["ZCTA5 19002","31681","19002"]]';
    expect(classifyCensusResponse({ status: 200, headers: json, body })).toEqual({ kind: 'ok', status: 200 });
  });

  it('204 means no rows, with a note a person can read', () => {
    expect(classifyCensusResponse({ status: 204, headers: {}, body: '' })).toEqual({
      kind: 'empty',
      status: 204,
      note: emptyResponseNote(204),
    });
    expect(emptyResponseNote(204)).toMatch(/204 No Content: nothing matched/);
  });

  it('400 plain text is permanent and carries the body text', () => {
    const outcome = classifyCensusResponse({
      status: 400,
      headers: text,
      body: "error: unknown variable 'B99999_001E'",
    });
    expect(outcome).toEqual({
      kind: 'permanent',
      status: 400,
      reason: 'bad-request',
      message: "the Census API refused the request: error: unknown variable 'B99999_001E'",
    });
  });

  it('an HTML page with status 200 is an invalid key, and never echoes the key', () => {
    const body = `<html><body><h1>Invalid Key</h1><p>A valid <em>key</em> must be included. You sent ${KEY}.</p></body></html>`;
    const outcome = classifyCensusResponse({ status: 200, headers: html, body }, { apiKey: KEY });
    expect(outcome).toMatchObject({
      kind: 'permanent',
      reason: 'invalid-key',
      message: expect.stringMatching(/^the Census API key is invalid/),
    });
    expect(JSON.stringify(outcome)).not.toContain(KEY);
  });

  it('a 302 to invalid_key.html is an invalid key; without a key sent it asks for one', () => {
    const res = {
      status: 302,
      headers: { Location: 'https://api.census.gov/data/invalid_key.html' },
      body: '',
    };
    expect(classifyCensusResponse(res)).toMatchObject({ kind: 'permanent', reason: 'invalid-key' });
    expect(classifyCensusResponse(res, { keySent: false })).toMatchObject({
      kind: 'permanent',
      reason: 'missing-key',
      message: expect.stringMatching(/set CENSUS_API_KEY/),
    });
    expect(
      classifyCensusResponse({ status: 200, headers: { 'X-DataWebAPI-KeyError': 'true' }, body: '' }),
    ).toMatchObject({
      reason: 'invalid-key',
    });
  });

  it.each([
    [429, 'Too Many Requests'],
    [500, 'Internal Server Error'],
    [502, ''],
    [503, 'The service is unavailable'],
    [504, ''],
    [408, ''],
  ])('%i is transient', (status, body) => {
    expect(classifyCensusResponse({ status, headers: text, body })).toMatchObject({
      kind: 'transient',
      status,
    });
  });

  it('passes Retry-After on, whatever the header case', () => {
    expect(classifyCensusResponse({ status: 429, headers: { 'Retry-After': '1' }, body: '' })).toMatchObject({
      kind: 'transient',
      retryAfter: '1',
      message: expect.stringMatching(/429 \(rate limit reached\)/),
    });
    expect(
      classifyCensusResponse({ status: 503, headers: { 'retry-after': ['120'] }, body: '' }),
    ).toMatchObject({ retryAfter: '120' });
  });

  it.each([
    "There was an error while running your query.  We've logged the error and we'll correct it ASAP.",
    'The Census API is undergoing maintenance or is busy. Please try again later.',
  ])('the busy text "%s" is transient even with status 200 or as HTML', (body) => {
    expect(classifyCensusResponse({ status: 200, headers: text, body })).toMatchObject({ kind: 'transient' });
    expect(
      classifyCensusResponse({ status: 200, headers: html, body: `<html><body>${body}</body></html>` }),
    ).toMatchObject({
      kind: 'transient',
    });
  });

  it('other 4xx and unexpected redirects are permanent', () => {
    expect(classifyCensusResponse({ status: 404, headers: text, body: 'Not Found' })).toMatchObject({
      kind: 'permanent',
      reason: 'unexpected',
      message: 'the Census API answered 404: Not Found',
    });
    expect(
      classifyCensusResponse(
        { status: 301, headers: { location: `https://api.census.gov/x?key=${KEY}` }, body: '' },
        { apiKey: KEY },
      ),
    ).toMatchObject({
      kind: 'permanent',
      message: 'the Census API redirected (301) to https://api.census.gov/x?key=REDACTED',
    });
  });

  it('a 200 that is not JSON: error text is permanent, anything else transient, empty is empty', () => {
    expect(classifyCensusResponse({ status: 200, headers: text, body: 'error: bad' })).toMatchObject({
      kind: 'permanent',
    });
    expect(classifyCensusResponse({ status: 200, headers: text, body: 'garbled' })).toMatchObject({
      kind: 'transient',
    });
    expect(classifyCensusResponse({ status: 200, headers: json, body: '' })).toMatchObject({ kind: 'empty' });
  });

  it('a 200 of whole JSON that is not a table is permanent; JSON cut short is transient', () => {
    expect(
      classifyCensusResponse({ status: 200, headers: json, body: '{"error":"request failed"}' }),
    ).toMatchObject({
      kind: 'permanent',
      message:
        'the Census API answered 200 with JSON that is not a table of rows: {"error":"request failed"}',
    });
    expect(classifyCensusResponse({ status: 200, headers: json, body: '"text"' })).toMatchObject({
      kind: 'permanent',
    });
    expect(classifyCensusResponse({ status: 200, headers: json, body: '{"error":' })).toMatchObject({
      kind: 'transient',
    });
  });

  it('uses contentType when given and keeps long bodies short', () => {
    const outcome = classifyCensusResponse({
      status: 400,
      headers: {},
      contentType: 'text/plain',
      body: `error: ${'x'.repeat(1000)}`,
    });
    expect(outcome.kind === 'permanent' && outcome.message.length).toBeLessThan(400);
  });
});
