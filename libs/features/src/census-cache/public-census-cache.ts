import { Injectable } from '@nestjs/common';
import {
  type BusinessCountRow,
  DEFAULT_ACS_VARIABLE_IDS,
  isAcsVariableId,
  zctaSourceUrls,
} from '@lbi/census';
import { ReportStatus } from '@lbi/contracts';
import { AppConfig, rawWrite, type TenantTransaction } from '@lbi/server';
import { DataSource } from 'typeorm';

/** The trigger of fills that loaded a bundled snapshot instead of asking the API. */
export const SNAPSHOT_TRIGGER = 'snapshot';

/** Where the cached counts of one NAICS code came from. */
export interface BusinessCoverage {
  /** `US`, or the state a snapshot covers. */
  scope: string;
  snapshot: boolean;
}

const NUMBER_CELL = /^-?\d+(\.\d+)?$/;
const CATALOGUE = new Set(DEFAULT_ACS_VARIABLE_IDS);

/**
 * The cache holds what the Census API answers for ACS variables: numbers (annotation codes are negative
 * numbers) and nulls, keyed by variable id. Anything else is refused before it is written, so no free
 * text (and no PII) can enter the public cache; this shape check stands in for the PII scan, which
 * would cost seconds per national fill on values that can only be numbers.
 */
export function assertCensusCells(
  zcta: string,
  values: Record<string, string | null>,
): Record<string, string | null> {
  if (!/^\d{5}$/.test(zcta))
    throw new Error(`the public Census cache takes 5-digit ZCTAs, not '${zcta.slice(0, 8)}'`);
  for (const [variable, value] of Object.entries(values)) {
    const known = CATALOGUE.has(variable) || isAcsVariableId(variable);
    if (!known || (value !== null && value !== '' && !NUMBER_CELL.test(value))) {
      throw new Error(`ZCTA ${zcta}: the public Census cache takes ACS variable ids with numbers only`);
    }
  }
  return values;
}

/** Rows per INSERT into the cache: one array per column (unnest), so a statement has five parameters. */
export const CACHE_WRITE_BATCH = 1000;

/** Cells of one cached ZCTA, with the key-free source URL of each variable (as fetchCensusCells gives). */
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

/**
 * The public Census cache (PublicAcsZcta, PublicBusinessCount): the same public figures for every
 * tenant, read inside tenant transactions (the app role may only SELECT them) and written only on the
 * owner connection, never inside a tenant transaction.
 */
@Injectable()
export class PublicCensusCache {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

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
      `SELECT zcta, cells, absent FROM public_acs_zctas
        WHERE vintage = $1 AND zcta = ANY($2::varchar[]) AND source = 'api' AND (absent OR cells ?& $3::text[])`,
      [vintage, zctas, variables],
    )) as { zcta: string; cells: Record<string, string | null>; absent: boolean }[];
    const cells = new Map<string, CachedCells>();
    const absent: string[] = [];
    const sourceUrlsOf = zctaSourceUrls({ baseUrl: this.config.censusApiBaseUrl, year: vintage, variables });
    for (const row of rows) {
      if (row.absent) absent.push(row.zcta);
      else cells.set(row.zcta, { values: row.cells, sourceUrls: sourceUrlsOf(row.zcta) });
    }
    return { cells, absent: absent.sort() };
  }

  /** ZCTAs of a vintage with any cached row (complete, partial or absent). */
  async cachedZctas(vintage: number, zctas: readonly string[], variables: readonly string[]) {
    const rows = (await this.dataSource.query(
      `SELECT zcta, source = 'api' AND (absent OR cells ?& $3::text[]) AS complete FROM public_acs_zctas
        WHERE vintage = $1 AND zcta = ANY($2::varchar[])`,
      [vintage, zctas, variables],
    )) as { zcta: string; complete: boolean }[];
    return {
      complete: new Set(rows.filter((r) => r.complete).map((r) => r.zcta)),
      partial: new Set(rows.filter((r) => !r.complete).map((r) => r.zcta)),
    };
  }

  /**
   * Writes cells as the API (or, with `source: 'snapshot'`, a bundled file) gave them, replacing a
   * ZCTA's earlier row of the vintage, and for fills the ZCTAs the API published nothing for. Owner
   * connection, batches of CACHE_WRITE_BATCH; returns rows written. A snapshot never replaces a row.
   */
  async writeAcs(
    vintage: number,
    cells: ReadonlyMap<string, { values: Record<string, string | null> }>,
    absent: readonly string[] = [],
    source: 'api' | 'snapshot' = 'api',
  ): Promise<number> {
    const conflict =
      source === 'snapshot'
        ? 'DO NOTHING'
        : 'DO UPDATE SET cells = EXCLUDED.cells, source = EXCLUDED.source, absent = EXCLUDED.absent, fetched_at = now()';
    const rows: [string, Record<string, string | null>, boolean][] = [];
    for (const [zcta, entry] of cells) rows.push([zcta, assertCensusCells(zcta, entry.values), false]);
    for (const zcta of absent) if (!cells.has(zcta)) rows.push([zcta, {}, true]);
    // One JSON document per batch: PostgreSQL parses it in one go, which is several times faster than
    // a jsonb[] parameter (whose every element the driver quotes and escapes) and near a raw COPY.
    for (let start = 0; start < rows.length; start += CACHE_WRITE_BATCH) {
      const batch = rows.slice(start, start + CACHE_WRITE_BATCH);
      await rawWrite(
        this.dataSource.manager,
        'public_acs_zctas',
        `INSERT INTO public_acs_zctas (vintage, zcta, cells, source, absent, fetched_at)
         SELECT $1, e->>0, e->1, $2, (e->>2)::boolean, now() FROM jsonb_array_elements($3::jsonb) AS e
         ON CONFLICT (vintage, zcta) ${conflict}`,
        [vintage, source, JSON.stringify(batch)],
        // No text: assertCensusCells let through ACS variable ids and numbers only.
        {},
      );
    }
    return rows.length;
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
        await rawWrite(
          manager,
          'public_business_counts',
          `INSERT INTO public_business_counts (vintage, naics, zip, establishments)
           SELECT $1, $2, u.zip, u.establishments FROM unnest($3::varchar[], $4::int[]) AS u(zip, establishments)`,
          [year, naics, batch.map((r) => r.zip), batch.map((r) => r.establishments)],
          // Codes and counts only: no text to check.
          {},
        );
      }
    });
    return rows.length;
  }
}
