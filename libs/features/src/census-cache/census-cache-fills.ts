import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CensusFetchError,
  CensusHttp,
  DEFAULT_ACS_VARIABLE_IDS,
  fetchBusinessCounts,
  fetchCensusCells,
  planBusinessRequests,
  planCensusRequests,
} from '@lbi/census';
import { ReportStatus } from '@lbi/contracts';
import { AppConfig, errorMessageWithoutPii, rawWrite } from '@lbi/server';
import { DataSource } from 'typeorm';
import { CENSUS_FETCH_TUNING, CENSUS_HTTP, type CensusFetchTuning } from '../census/census-tuning';
import { resolveVintage, type ResolvedVintage } from '../census/census-vintage';
import { PublicCacheFill } from './public-cache-fill.entity';
import { type BusinessCoverage, PublicCensusCache } from './public-census-cache';
import type { ScanScope } from './scan-scope';

/** Names the variable catalogue a fill fetched: a fill with another catalogue does not vouch for the rows. */
export const ACS_CATALOGUE_KEY = createHash('sha256')
  .update(DEFAULT_ACS_VARIABLE_IDS.join(','))
  .digest('hex')
  .slice(0, 16);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a fill (or a check that needed none) cost. */
export interface FillOutcome {
  requests: number;
  rows_written: number;
  fill_ids: string[];
}

/**
 * Fills the public Census cache at the request floor: for a scope's ZCTAs the cache does not hold
 * completely, ceil(ZCTAs / per request) x variable groups ACS requests, chunk by chunk so memory stays
 * flat; for ZIP Code Business Patterns one national request per NAICS code. Each fill is recorded in
 * public_cache_fills. Owner connection only: never inside a tenant transaction.
 */
@Injectable()
export class CensusCacheFills {
  private readonly logger = new Logger(CensusCacheFills.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: PublicCensusCache,
    private readonly config: AppConfig,
    @Inject(CENSUS_HTTP) private readonly http: CensusHttp,
    @Inject(CENSUS_FETCH_TUNING) private readonly tuning: CensusFetchTuning,
  ) {}

  acsVintage(): Promise<ResolvedVintage> {
    return resolveVintage({ dataset: 'acs/acs5', ...this.vintageOptions(this.config.acsYear) });
  }

  businessVintage(): Promise<ResolvedVintage> {
    return resolveVintage({ dataset: 'cbp', ...this.vintageOptions(this.config.cbpYear) });
  }

  private vintageOptions(configuredYear: number | undefined) {
    return {
      configuredYear,
      baseUrl: this.config.censusApiBaseUrl,
      apiKey: this.config.censusApiKey,
      http: this.http,
      timeoutMs: this.tuning.timeoutMs,
    };
  }

  /** Records a queued fill (the job or an inline caller runs it). */
  record(input: {
    dataset: 'acs/acs5' | 'cbp';
    scope: string;
    trigger: string;
    vintage?: number;
    naics?: string;
  }) {
    const fills = this.dataSource.getRepository(PublicCacheFill);
    return fills.save(
      fills.create({
        dataset: input.dataset,
        scope: input.scope,
        trigger: input.trigger,
        vintage: input.vintage ?? null,
        naics: input.naics ?? null,
        status: ReportStatus.Queued,
      }),
    );
  }

  /**
   * Makes the cache hold every ZCTA of the scope for the vintage, fetching only the missing ones. A
   * successful fill of the scope (or the nation) with today's catalogue answers without a row check.
   */
  async ensureAcs(scope: ScanScope, vintage: ResolvedVintage, trigger: string): Promise<FillOutcome> {
    const [filled] = (await this.dataSource.query(
      `SELECT id FROM public_cache_fills
        WHERE dataset = 'acs/acs5' AND vintage = $1 AND status = $2 AND scope = ANY($3::varchar[])
          AND details->>'catalogue' = $4 LIMIT 1`,
      [vintage.year, ReportStatus.Success, [scope.code, 'US'], ACS_CATALOGUE_KEY],
    )) as { id: string }[];
    if (filled) return { requests: 0, rows_written: 0, fill_ids: [] };
    const { complete } = await this.cache.cachedZctas(vintage.year, scope.zctas, DEFAULT_ACS_VARIABLE_IDS);
    if (scope.zctas.every((zcta) => complete.has(zcta)))
      return { requests: 0, rows_written: 0, fill_ids: [] };
    const fill = await this.record({
      dataset: 'acs/acs5',
      scope: scope.code,
      trigger,
      vintage: vintage.year,
    });
    const outcome = await this.runAcs(fill, scope.zctas);
    return { ...outcome, fill_ids: [fill.id] };
  }

  /** Makes the cache hold the national counts of every NAICS code for the year (one request per code). */
  async ensureBusiness(
    naics: readonly string[],
    vintage: ResolvedVintage,
    trigger: string,
    scopes: readonly string[] = [],
  ): Promise<FillOutcome & { covered: Map<string, BusinessCoverage> }> {
    const covered = await this.cache.businessCoverage(vintage.year, naics, scopes);
    const outcome = { requests: 0, rows_written: 0, fill_ids: [] as string[], covered };
    for (const code of naics.filter((c) => !covered.has(c))) {
      const fill = await this.record({
        dataset: 'cbp',
        scope: 'US',
        trigger,
        vintage: vintage.year,
        naics: code,
      });
      const result = await this.runBusiness(fill);
      outcome.requests += result.requests;
      outcome.rows_written += result.rows_written;
      outcome.fill_ids.push(fill.id);
      covered.set(code, { scope: 'US', snapshot: false });
    }
    return outcome;
  }

  /** ACS fill of the given ZCTAs (the missing ones of the scope), chunk by chunk. */
  async runAcs(fill: PublicCacheFill, zctas: readonly string[]): Promise<Omit<FillOutcome, 'fill_ids'>> {
    const vintage = fill.vintage ?? (await this.acsVintage()).year;
    const { complete } = await this.cache.cachedZctas(vintage, zctas, DEFAULT_ACS_VARIABLE_IDS);
    const missing = zctas.filter((zcta) => !complete.has(zcta));
    const requests =
      missing.length === 0
        ? []
        : planCensusRequests({
            baseUrl: this.config.censusApiBaseUrl,
            year: vintage,
            variables: DEFAULT_ACS_VARIABLE_IDS,
            zctas: missing,
            apiKey: this.config.censusApiKey,
            maxZctasPerRequest: this.tuning.maxZctasPerRequest,
          });
    const chunks = new Map<number, typeof requests>();
    for (const request of requests)
      chunks.set(request.chunk, [...(chunks.get(request.chunk) ?? []), request]);
    await this.start(fill, vintage, {
      zctas_missing: missing.length,
      zctas_in_scope: zctas.length,
      requests_planned: requests.length,
    });
    const started = Date.now();
    let made = 0;
    let written = 0;
    let writeMs = 0;
    const absent: string[] = [];
    try {
      for (const chunk of chunks.values()) {
        const { cells, stats } = await fetchCensusCells({ ...this.retryOptions(), requests: chunk });
        made += stats.requestsMade;
        const writeStarted = Date.now();
        written += await this.cache.writeAcs(vintage, cells, stats.missingZctas);
        writeMs += Date.now() - writeStarted;
        absent.push(...stats.missingZctas);
        await this.progress(fill, made, written);
      }
    } catch (error) {
      await this.fail(fill, error, made, written);
      throw error;
    }
    await this.succeed(fill, made, written, {
      fetch_ms: Date.now() - started - writeMs,
      write_ms: writeMs,
      zctas_absent: absent.length,
      variables: DEFAULT_ACS_VARIABLE_IDS.length,
      catalogue: ACS_CATALOGUE_KEY,
    });
    this.logger.log({
      msg: 'census cache filled',
      fill_id: fill.id,
      scope: fill.scope,
      requests: made,
      rows: written,
    });
    return { requests: made, rows_written: written };
  }

  /** CBP fill: the national counts of one NAICS code in one request. */
  async runBusiness(fill: PublicCacheFill): Promise<Omit<FillOutcome, 'fill_ids'>> {
    const year = fill.vintage ?? (await this.businessVintage()).year;
    const requests = planBusinessRequests({
      baseUrl: this.config.censusApiBaseUrl,
      year,
      naics: [fill.naics as string],
      zips: '*',
      apiKey: this.config.censusApiKey,
    });
    await this.start(fill, year, { requests_planned: requests.length });
    try {
      const { rows, stats } = await fetchBusinessCounts({ ...this.retryOptions(), requests });
      const written = await this.cache.writeBusinessCounts(year, fill.naics as string, rows);
      await this.succeed(fill, stats.requestsMade, written, { notes: stats.notes });
      return { requests: stats.requestsMade, rows_written: written };
    } catch (error) {
      await this.fail(fill, error, 0, 0);
      throw error;
    }
  }

  private retryOptions() {
    return {
      http: this.http,
      sleep,
      timeoutMs: this.tuning.timeoutMs,
      maxAttempts: this.tuning.maxAttempts,
      retry: this.tuning.retry,
    };
  }

  private async start(
    fill: PublicCacheFill,
    vintage: number,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.write(
      `status = $2, vintage = $3, started_at = COALESCE(started_at, now()), details = details || $4::jsonb`,
      [fill.id, ReportStatus.Running, vintage, JSON.stringify(details)],
      { details },
    );
  }

  private async progress(fill: PublicCacheFill, requests: number, rows: number): Promise<void> {
    await this.write(`requests = $2, rows_written = $3`, [fill.id, requests, rows], {});
  }

  private async succeed(
    fill: PublicCacheFill,
    requests: number,
    rows: number,
    details: Record<string, unknown>,
  ) {
    await this.write(
      `status = $2, requests = $3, rows_written = $4, details = details || $5::jsonb, error_message = NULL,
       finished_at = now()`,
      [fill.id, ReportStatus.Success, requests, rows, JSON.stringify(details)],
      { details },
    );
  }

  private async fail(fill: PublicCacheFill, error: unknown, requests: number, rows: number): Promise<void> {
    const text = error instanceof CensusFetchError || error instanceof Error ? error.message : String(error);
    const message = errorMessageWithoutPii(`The cache fill failed: ${text}`.slice(0, 2000));
    await this.write(
      `status = $2, requests = $3, rows_written = $4, error_message = $5, finished_at = now()`,
      [fill.id, ReportStatus.Failed, requests, rows, message],
      { error_message: message },
    );
  }

  /** Platform data on the service connection, through the raw-write PII check like every raw write. */
  private async write(set: string, params: unknown[], text: Record<string, unknown>): Promise<void> {
    await rawWrite(
      this.dataSource.manager,
      'public_cache_fills',
      `UPDATE public_cache_fills SET ${set}, updated_at = now() WHERE id = $1`,
      params,
      text,
    );
  }
}
