// A stand-in for api.census.gov in tests and benchmarks. It answers ACS 5-year ZCTA queries in the
// API's exact format from the REAL 2019-2023 figures bundled in data/census, and can inject the faults
// the real API shows (rate limits, server errors, empty answers, plain-text 400s, HTML key pages,
// slowness, connection resets, bodies cut short or of the wrong shape), from the first request or
// after a number of normal answers.
//
// It never invents a figure: a variable the bundled files do not hold for a ZCTA (for example B25024,
// B01002 or B25010, or a median the source left empty because Census annotated it) is answered as JSON
// null, which the real API also uses for "no value". Tests must treat those nulls as "no figure".
// Cells the source kept as an annotation code (three -666666666 medians of B25035) are served as is.
// ZIP Code Business Patterns (`/data/2022/cbp`) come from data/business (fake-business-patterns.ts).
//
// With `syntheticTables: true` it also serves the tables the real files lack (tenure cross-tabulations,
// vacancy status, the income, value, rent and year-built distributions) for the 188 Philadelphia-suburb
// ZCTAs from synthetic/SYNTHETIC_*.csv: invented figures, labelled so in the file name and in
// synthetic/README.md, for tests of the statistics that need those tables. They never replace a real
// figure (a clash stops the server) and are never presented as Census figures.
import { readFile } from 'node:fs/promises';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

import { ACS_VARIABLES, parseCsv } from '@lbi/census';

import { FAKE_CBP_YEAR, answerBusinessPatterns, defaultBusinessDataDir } from './fake-business-patterns';

export type FakeCensusMode =
  | 'normal'
  | '429'
  | '500'
  | '204'
  | '400-text'
  | 'html'
  | 'html-redirect'
  | 'slow'
  | 'reset'
  | 'fail-n-times'
  | 'truncated'
  | 'wrong-shape';

export interface FakeCensusModeOptions {
  /** Fault only this many requests, then answer normally. Default: every request (2 for fail-n-times). */
  readonly times?: number;
  /** Answer this many requests normally before the faults start (a run that fails part-way). Default 0. */
  readonly after?: number;
  /** 'slow': how long to wait before answering. Default 2,000 ms. */
  readonly delayMs?: number;
  /** '429': the Retry-After header sent. Default '1'. */
  readonly retryAfter?: string;
}

export interface FakeCensusServerOptions {
  /** Folder holding the bundled files; default: the repository's data/census. */
  readonly dataDir?: string;
  /** Folder holding the Business Patterns file; default: the repository's data/business. */
  readonly businessDataDir?: string;
  /** Added before every answer, to make benchmarks look like a real network. */
  readonly latencyMs?: number;
  readonly mode?: FakeCensusMode;
  readonly modeOptions?: FakeCensusModeOptions;
  /** Whether /data.json answers; set false to test discovery by probing. Default true. */
  readonly serveCatalog?: boolean;
  /** Also serve the SYNTHETIC tables of synthetic/ (see the note at the top). Default false. */
  readonly syntheticTables?: boolean;
}

export interface FakeCensusServer {
  /** e.g. http://127.0.0.1:43210/data — the same shape as https://api.census.gov/data */
  readonly baseUrl: string;
  /** Path and query of every request received, in order, with any `key` value replaced by REDACTED. */
  readonly requests: string[];
  /** Number of ZCTAs with real figures loaded. */
  readonly zctaCount: number;
  setMode(mode: FakeCensusMode, options?: FakeCensusModeOptions): void;
  close(): Promise<void>;
}

/** The vintage the bundled figures belong to: ACS 2019-2023 5-year, i.e. /data/2023/acs/acs5. */
export const FAKE_CENSUS_VINTAGE = 2023;

export const FAKE_DATA_FILES = {
  apiResponse: 'api_response_acs5_2023_zcta_all_NAME_B01003_B25001.json',
  tenure: 'acs5_2023_zcta_population_housing_tenure.csv',
  philadelphiaSuburbs: 'acs5_2023_zcta_philadelphia_suburbs.csv',
} as const;

/** Invented tables for the Philadelphia suburbs (synthetic/README.md); served only when asked for. */
export const SYNTHETIC_TABLES_FILE = resolve(
  __dirname,
  'synthetic',
  'SYNTHETIC_acs5_2023_zcta_philadelphia_suburbs_tables.csv',
);

const GEOGRAPHY = 'zip code tabulation area';
const JSON_TYPE = 'application/json;charset=utf-8';
const TEXT_TYPE = 'text/plain;charset=utf-8';
const HTML_TYPE = 'text/html;charset=utf-8';

// Wording of the public "Invalid Key" page the API serves for a bad key.
const INVALID_KEY_HTML = `<!DOCTYPE html>
<html lang="en"><head><title>Invalid Key</title></head><body>
<div class="flex-container content"><div class="content-wrap center">
<h1>Invalid Key</h1>
<p>A valid <em>key</em> must be included with each data API request. You included a key with this request, however, it is not valid. Please check your key and try again.</p>
<p>If you do not have a key you may sign up for one <a href="key_signup.html">here</a>.</p>
</div></div></body></html>
`;

interface ZctaFigures {
  readonly name: string;
  readonly values: ReadonlyMap<string, string>;
}

interface FakeData {
  /** In ZCTA order, as the API lists them. */
  readonly zctas: ReadonlyMap<string, ZctaFigures>;
  readonly knownVariables: ReadonlySet<string>;
}

const loaded = new Map<string, Promise<FakeData>>();

function loadData(dataDir: string, synthetic: boolean): Promise<FakeData> {
  const key = `${dataDir}|${synthetic}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = readData(dataDir, synthetic);
    loaded.set(key, pending);
  }
  return pending;
}

// Merges the three files by ZCTA. They agree wherever they overlap (checked when they were copied); a
// disagreement would mean a corrupted copy, so it stops the server rather than pick one.
async function readData(dataDir: string, synthetic: boolean): Promise<FakeData> {
  const figures = new Map<string, { name: string; values: Map<string, string> }>();
  const variables = new Set<string>();

  const put = (zcta: string, variable: string, value: string, file: string) => {
    if (value === '') return; // an empty cell is an annotated (missing) figure: leave it null
    const entry = figures.get(zcta);
    if (!entry) throw new Error(`${file}: ZCTA ${zcta} is not in the API response file`);
    const previous = entry.values.get(variable);
    if (previous !== undefined && previous !== value) {
      throw new Error(`${file}: ZCTA ${zcta} ${variable} is ${value} but another file says ${previous}`);
    }
    entry.values.set(variable, value);
    variables.add(variable);
  };

  const api = JSON.parse(await readFile(resolve(dataDir, FAKE_DATA_FILES.apiResponse), 'utf8')) as (
    string | null
  )[][];
  const [header, ...rows] = api;
  const geoIndex = header.indexOf(GEOGRAPHY);
  const nameIndex = header.indexOf('NAME');
  for (const row of rows) {
    const zcta = row[geoIndex] as string;
    figures.set(zcta, { name: row[nameIndex] as string, values: new Map() });
    header.forEach((column, i) => {
      const value = row[i];
      if (i !== geoIndex && i !== nameIndex && value !== null)
        put(zcta, column as string, value, FAKE_DATA_FILES.apiResponse);
    });
  }

  const files = [
    resolve(dataDir, FAKE_DATA_FILES.tenure),
    resolve(dataDir, FAKE_DATA_FILES.philadelphiaSuburbs),
  ];
  const real = new Set(variables);
  for (const file of synthetic ? [...files, SYNTHETIC_TABLES_FILE] : files) {
    const [csvHeader, ...csvRows] = parseCsv(await readFile(file, 'utf8'));
    if (file === SYNTHETIC_TABLES_FILE) {
      for (const v of variables) real.add(v);
      const clash = csvHeader.find((column) => real.has(column));
      if (clash) throw new Error(`${file}: ${clash} is a real figure; a synthetic table must not replace it`);
    }
    const zctaIndex = csvHeader.indexOf('zcta');
    for (const cells of csvRows) {
      csvHeader.forEach((column, i) => {
        if (i !== zctaIndex) put(cells[zctaIndex], column, cells[i] ?? '', file);
      });
    }
  }

  const knownVariables = new Set<string>(['NAME', ...variables]);
  for (const v of ACS_VARIABLES) {
    knownVariables.add(v.estimate);
    knownVariables.add(v.moe);
  }
  const sorted = new Map([...figures.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { zctas: sorted, knownVariables };
}

/** Body in the API's layout: one row per line, every value a string or null. */
export function formatCensusBody(rows: readonly (readonly (string | null)[])[]): string {
  return `[${rows.map((r) => JSON.stringify(r)).join(',\n')}]`;
}

function redactKey(pathAndQuery: string): string {
  return pathAndQuery.replace(/([?&]key=)[^&#]*/gi, '$1REDACTED');
}

export async function startFakeCensusServer(
  options: FakeCensusServerOptions = {},
): Promise<FakeCensusServer> {
  const dataDir = options.dataDir ?? resolve(__dirname, '..', '..', '..', 'data', 'census');
  const businessDataDir = options.businessDataDir ?? defaultBusinessDataDir();
  const data = await loadData(dataDir, options.syntheticTables ?? false);
  const latencyMs = options.latencyMs ?? 0;
  const serveCatalog = options.serveCatalog ?? true;
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();

  let mode: FakeCensusMode = 'normal';
  let modeOptions: FakeCensusModeOptions = {};
  let faultsLeft = Infinity;
  let normalLeft = 0;
  const setMode = (next: FakeCensusMode, nextOptions: FakeCensusModeOptions = {}) => {
    mode = next;
    modeOptions = nextOptions;
    faultsLeft = nextOptions.times ?? (next === 'fail-n-times' ? 2 : Infinity);
    normalLeft = nextOptions.after ?? 0;
  };
  setMode(options.mode ?? 'normal', options.modeOptions);

  let baseUrl = '';

  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const send = (
    res: ServerResponse,
    status: number,
    type: string | null,
    body: string,
    headers: Record<string, string> = {},
  ) => {
    later(latencyMs, () => {
      if (res.destroyed || res.writableEnded) return;
      res.writeHead(status, { ...(type ? { 'Content-Type': type } : {}), ...headers });
      res.end(body);
    });
  };

  // The normal behaviour: what api.census.gov answers for the same query.
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const path = url.pathname;
    if (path === '/data.json') {
      if (!serveCatalog) return send(res, 404, TEXT_TYPE, 'Not Found');
      const catalog = {
        '@type': 'dcat:Catalog',
        dataset: [
          {
            c_vintage: FAKE_CENSUS_VINTAGE,
            c_dataset: ['acs', 'acs5'],
            c_isAggregate: true,
            c_isAvailable: true,
            title: 'American Community Survey: 5-Year Estimates: Detailed Tables 5-Year',
            distribution: [{ accessURL: `${baseUrl}/${FAKE_CENSUS_VINTAGE}/acs/acs5` }],
          },
          {
            c_vintage: FAKE_CBP_YEAR,
            c_dataset: ['cbp'],
            c_isAggregate: true,
            c_isAvailable: true,
            title: 'County Business Patterns: 2022',
            distribution: [{ accessURL: `${baseUrl}/${FAKE_CBP_YEAR}/cbp` }],
          },
        ],
      };
      return send(res, 200, JSON_TYPE, JSON.stringify(catalog));
    }
    if (path === '/data/invalid_key.html') return send(res, 200, HTML_TYPE, INVALID_KEY_HTML);
    if (path === `/data/${FAKE_CBP_YEAR}/cbp`) {
      void answerBusinessPatterns(url, businessDataDir, formatCensusBody).then((answer) =>
        send(
          res,
          answer.status,
          answer.kind === 'json' ? JSON_TYPE : answer.kind === 'text' ? TEXT_TYPE : null,
          answer.body,
        ),
      );
      return;
    }
    if (path !== `/data/${FAKE_CENSUS_VINTAGE}/acs/acs5`) {
      return send(res, 404, TEXT_TYPE, `fake Census API: no dataset at ${path}`);
    }

    const get = url.searchParams.get('get');
    const forParam = url.searchParams.get('for');
    if (!get) return send(res, 400, TEXT_TYPE, "error: missing 'get' parameter");
    if (!forParam) return send(res, 400, TEXT_TYPE, "error: missing 'for' parameter");
    // ZCTAs are not nested in states since 2020: the real API refuses `in=` with this (misspelt) text.
    if (url.searchParams.has('in'))
      return send(res, 400, TEXT_TYPE, 'error: unknown/unsupported geography heirarchy');

    const variables = get.split(',').map((v) => v.trim());
    const unknown = variables.find((v) => !data.knownVariables.has(v));
    if (unknown !== undefined) return send(res, 400, TEXT_TYPE, `error: unknown variable '${unknown}'`);

    const colon = forParam.indexOf(':');
    const geography = colon < 0 ? forParam : forParam.slice(0, colon);
    const list = colon < 0 ? '' : forParam.slice(colon + 1);

    if (geography === 'us' && (list === '1' || list === '*')) {
      // Only NAME is known nationally here; the bundled files hold no national figures.
      const row = variables.map((v) => (v === 'NAME' ? 'United States' : null));
      return send(
        res,
        200,
        JSON_TYPE,
        formatCensusBody([
          [...variables, 'us'],
          [...row, '1'],
        ]),
      );
    }
    if (geography !== GEOGRAPHY || list === '') {
      return send(res, 400, TEXT_TYPE, 'error: unknown/unsupported geography heirarchy');
    }

    let zctas: string[];
    if (list === '*') {
      zctas = [...data.zctas.keys()];
    } else {
      const wanted = new Set(list.split(',').map((z) => z.trim()));
      zctas = [...data.zctas.keys()].filter((z) => wanted.has(z));
    }
    if (zctas.length === 0) return send(res, 204, null, '');

    const rows: (string | null)[][] = [[...variables, GEOGRAPHY]];
    for (const zcta of zctas) {
      const figures = data.zctas.get(zcta) as ZctaFigures;
      rows.push([
        ...variables.map((v) => (v === 'NAME' ? figures.name : (figures.values.get(v) ?? null))),
        zcta,
      ]);
    }
    return send(res, 200, JSON_TYPE, formatCensusBody(rows));
  };

  const server: Server = createServer((req, res) => {
    requests.push(redactKey(req.url ?? '/'));
    if (mode === 'normal' || faultsLeft <= 0) return answer(req, res);
    if (normalLeft > 0) {
      normalLeft--;
      return answer(req, res);
    }
    faultsLeft--;
    switch (mode) {
      case '429':
        return send(res, 429, TEXT_TYPE, 'Too Many Requests', {
          'Retry-After': modeOptions.retryAfter ?? '1',
        });
      case '500':
        return send(res, 500, TEXT_TYPE, 'There was an error while running your query.');
      case 'fail-n-times':
        return send(
          res,
          503,
          TEXT_TYPE,
          'The Census API is undergoing maintenance or is busy. Please try again later.',
        );
      case '204':
        return send(res, 204, null, '');
      case '400-text':
        return send(res, 400, TEXT_TYPE, 'error: unknown/unsupported geography heirarchy');
      case 'html':
        return send(res, 200, HTML_TYPE, INVALID_KEY_HTML);
      case 'html-redirect':
        return send(res, 302, HTML_TYPE, '', { Location: `${baseUrl}/invalid_key.html` });
      case 'slow':
        return later(modeOptions.delayMs ?? 2000, () => answer(req, res));
      case 'reset':
        return req.socket.destroy();
      case 'truncated':
        // A 200 cut short in transit: the start of a real answer, then nothing.
        return send(res, 200, JSON_TYPE, '[["NAME","B01003_001E","zip code tabulation area"],\n["ZCTA5 190');
      case 'wrong-shape':
        return send(res, 200, JSON_TYPE, '{"error":"request failed","rows":[]}');
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/data`;

  return {
    baseUrl,
    requests,
    zctaCount: data.zctas.size,
    setMode,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
