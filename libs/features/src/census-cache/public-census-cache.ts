import { Injectable } from '@nestjs/common';
import type { BusinessCountRow, CensusCells } from '@lbi/census';
import { ReportStatus } from '@lbi/contracts';
import type { TenantTransaction } from '@lbi/server';
import { DataSource } from 'typeorm';

/** The trigger of fills that loaded a bundled snapshot instead of asking the API. */
export const SNAPSHOT_TRIGGER = 'snapshot';

/** Where the cached counts of one NAICS code came from. */
export interface BusinessCoverage {
  /** `US`, or the state a snapshot covers. */
  scope: string;
  snapshot: boolean;
}

/** Rows per INSERT into the cache: one array per column (unnest), so a statement has five parameters. */
export const CACHE_WRITE_BATCH = 1000;

/** Cells of one cached ZCTA, with the key-free URL each variable came from (as fetchCensusCells gives). */
export interface CachedCells {
  values: Record<string, string | null>;
  sourceUrls: Record<string, string>;
}

export interface CachedAcs {
  /** ZCTAs holding every requested variable. */
  cells: Map<string, CachedCells>;
  /** ZCTAs the API was asked for by a fill and published nothing for in this vintage. */
  absent: string[];
}

// `get=NAME,B01003_001E,...&for=` -> the variables one cached request URL supplied.
function variablesOf(url: string): string[] {
  const match = /[?&]get=([^&]*)/.exec(url);
  return match ? decodeURIComponent(match[1]).split(',') : [];
}

/**
 * The public Census cache (PublicAcsZcta, PublicBusinessCount): the same public figures for every
 * tenant, read inside tenant transactions (the app role may only SELECT them) and written only on the
 * owner connection, never inside a tenant transaction.
 */
@Injectable()
export class PublicCensusCache {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Cached ZCTAs of a vintage that hold every one of `variables`, and those known to be absent.
   * Rows missing a variable (a smaller catalogue, the bundled snapshot) are not returned: they are
   * fetched again. Pass a tenant transaction to read as the app role.
   */
  async readAcs(
    vintage: number,
    zctas: readonly string[],
    variables: readonly string[],
    db?: TenantTransaction,
  ): Promise<CachedAcs> {
    const manager = db?.manager ?? this.dataSource.manager;
    const rows = (await manager.query(
      `SELECT zcta, cells, request_urls, absent FROM public_acs_zctas
        WHERE vintage = $1 AND zcta = ANY($2::varchar[]) AND (absent OR cells ?& $3::text[])`,
      [vintage, zctas, variables],
    )) as { zcta: string; cells: Record<string, string | null>; request_urls: string[]; absent: boolean }[];
    const cells = new Map<string, CachedCells>();
    const absent: string[] = [];
    const urlVariables = new Map<string, string[]>();
    for (const row of rows) {
      if (row.absent) {
        absent.push(row.zcta);
        continue;
      }
      const sourceUrls: Record<string, string> = {};
      for (const url of row.request_urls) {
        let list = urlVariables.get(url);
        if (!list) {
          list = variablesOf(url);
          urlVariables.set(url, list);
        }
        for (const variable of list) sourceUrls[variable] = url;
      }
      cells.set(row.zcta, { values: row.cells, sourceUrls });
    }
    return { cells, absent: absent.sort() };
  }

  /** ZCTAs of a vintage with any cached row (complete, partial or absent). */
  async cachedZctas(vintage: number, zctas: readonly string[], variables: readonly string[]) {
    const rows = (await this.dataSource.query(
      `SELECT zcta, absent OR cells ?& $3::text[] AS complete FROM public_acs_zctas
        WHERE vintage = $1 AND zcta = ANY($2::varchar[])`,
      [vintage, zctas, variables],
    )) as { zcta: string; complete: boolean }[];
    return {
      complete: new Set(rows.filter((r) => r.complete).map((r) => r.zcta)),
      partial: new Set(rows.filter((r) => !r.complete).map((r) => r.zcta)),
    };
  }

  /**
   * Writes fetched cells (replacing a ZCTA's earlier row of the vintage) and, for fills, the ZCTAs the
   * API published nothing for. Owner connection, batches of CACHE_WRITE_BATCH; returns rows written.
   * `keepExisting` (the bundled snapshot) never replaces a row the API wrote.
   */
  async writeAcs(
    vintage: number,
    cells: CensusCells['cells'],
    absent: readonly string[] = [],
    options: { keepExisting?: boolean } = {},
  ): Promise<number> {
    const manager = this.dataSource.manager;
    const conflict = options.keepExisting
      ? 'DO NOTHING'
      : `DO UPDATE SET cells = EXCLUDED.cells, request_urls = EXCLUDED.request_urls,
           absent = EXCLUDED.absent, fetched_at = now()`;
    const entries: [string, string, string, boolean][] = [];
    for (const [zcta, entry] of cells) {
      const urls = [...new Set(Object.values(entry.sourceUrls))].sort();
      entries.push([zcta, JSON.stringify(entry.values), urls.join('\n'), false]);
    }
    for (const zcta of absent) if (!cells.has(zcta)) entries.push([zcta, '{}', '', true]);
    for (let start = 0; start < entries.length; start += CACHE_WRITE_BATCH) {
      const batch = entries.slice(start, start + CACHE_WRITE_BATCH);
      await manager.query(
        `INSERT INTO public_acs_zctas (vintage, zcta, cells, request_urls, absent, fetched_at)
         SELECT $1, u.zcta, u.cells, CASE WHEN u.urls = '' THEN '{}'::text[] ELSE string_to_array(u.urls, E'\\n') END,
                u.absent, now()
           FROM unnest($2::varchar[], $3::jsonb[], $4::text[], $5::boolean[]) AS u(zcta, cells, urls, absent)
         ON CONFLICT (vintage, zcta) ${conflict}`,
        [
          vintage,
          batch.map((e) => e[0]),
          batch.map((e) => e[1]),
          batch.map((e) => e[2]),
          batch.map((e) => e[3]),
        ],
      );
    }
    return entries.length;
  }

  /**
   * NAICS codes whose counts of `year` are complete in the cache: a successful CBP fill of the nation,
   * or of one of `scopes` (the bundled snapshot covers one state).
   */
  async businessCoverage(
    year: number,
    naics: readonly string[],
    scopes: readonly string[] = [],
  ): Promise<Map<string, BusinessCoverage>> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (naics) naics, scope, trigger FROM public_cache_fills
        WHERE dataset = 'cbp' AND vintage = $1 AND naics = ANY($2::varchar[]) AND status = $3
          AND scope = ANY($4::varchar[])
        ORDER BY naics, (scope = 'US') DESC, finished_at DESC`,
      [year, naics, ReportStatus.Success, ['US', ...scopes]],
    )) as { naics: string; scope: string; trigger: string }[];
    return new Map(rows.map((r) => [r.naics, { scope: r.scope, snapshot: r.trigger === SNAPSHOT_TRIGGER }]));
  }

  /** Cached counts of these NAICS codes, for these ZIPs or (`*`) for every ZIP. */
  async readBusinessCounts(
    year: number,
    naics: readonly string[],
    zips: readonly string[] | '*',
    db?: TenantTransaction,
  ): Promise<{ zip: string; naics: string; establishments: number }[]> {
    const manager = db?.manager ?? this.dataSource.manager;
    return zips === '*'
      ? manager.query(
          `SELECT zip, naics, establishments FROM public_business_counts
            WHERE vintage = $1 AND naics = ANY($2::varchar[])`,
          [year, naics],
        )
      : manager.query(
          `SELECT zip, naics, establishments FROM public_business_counts
            WHERE vintage = $1 AND naics = ANY($2::varchar[]) AND zip = ANY($3::varchar[])`,
          [year, naics, zips],
        );
  }

  /** Replaces the cached counts of (year, NAICS) with a complete national (or snapshot) answer. */
  async writeBusinessCounts(
    year: number,
    naics: string,
    rows: readonly Pick<BusinessCountRow, 'zip' | 'establishments'>[],
  ): Promise<number> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM public_business_counts WHERE vintage = $1 AND naics = $2`, [
        year,
        naics,
      ]);
      for (let start = 0; start < rows.length; start += CACHE_WRITE_BATCH * 5) {
        const batch = rows.slice(start, start + CACHE_WRITE_BATCH * 5);
        await manager.query(
          `INSERT INTO public_business_counts (vintage, naics, zip, establishments)
           SELECT $1, $2, u.zip, u.establishments FROM unnest($3::varchar[], $4::int[]) AS u(zip, establishments)`,
          [year, naics, batch.map((r) => r.zip), batch.map((r) => r.establishments)],
        );
      }
    });
    return rows.length;
  }
}
