import { Injectable } from '@nestjs/common';
import { RunStatus, SignalType, SourceType, SOURCE_TYPES, type SourceFreshness } from '@lbi/contracts';
import { AppConfig, TenantDb, TenantTransaction } from '@lbi/server';
import { resolveGeographyZctas } from '../census/geography-zctas';
import { requireGeography } from '../geographies/geography-lookup';
import { Geography } from '../geographies/geography.entity';

/**
 * Census figures and business counts are re-fetched after this many days (ACS and Business Patterns
 * release yearly; this catches new vintages).
 */
export const CENSUS_STALE_AFTER_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface StaleCensusSource {
  geographyId: string;
  source: CensusSourceType;
  reason: string;
  inFlight: boolean;
}

export interface RunSummary {
  lastSuccessAt: Date | null;
  lastRunStatus: RunStatus | null;
  lastRunAt: Date | null;
  /** ZCTAs the last successful Census run asked for but the ACS had no figures for. */
  lastSuccessMissingZctas: readonly string[];
}

const EMPTY_SUMMARY: RunSummary = {
  lastSuccessAt: null,
  lastRunStatus: null,
  lastRunAt: null,
  lastSuccessMissingZctas: [],
};

function ageInDays(since: Date, now: Date): number {
  return Math.floor((now.getTime() - since.getTime()) / DAY_MS);
}

/** The Census sources with per-ZIP signals: ACS figures and business counts. */
const CENSUS_SOURCES = [SourceType.Census, SourceType.CensusBusiness] as const;
type CensusSourceType = (typeof CENSUS_SOURCES)[number];

const WHAT: Record<CensusSourceType, { data: string; figures: string }> = {
  [SourceType.Census]: { data: 'Census data', figures: 'Census figures' },
  [SourceType.CensusBusiness]: { data: 'Business counts', figures: 'business counts' },
};

const SIGNAL_OF: Record<CensusSourceType, SignalType> = {
  [SourceType.Census]: SignalType.Census,
  [SourceType.CensusBusiness]: SignalType.Business,
};

function isCensusSource(source: SourceType): source is CensusSourceType {
  return (CENSUS_SOURCES as readonly SourceType[]).includes(source);
}

/** "today", "1 day ago", "3 days ago": how a person says it. */
export function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/**
 * Census staleness (ACS figures, or with `source` business counts): never refreshed, older than 30
 * days, or a ZIP with a ZCTA that has no signal of the source (a ZIP added by an edit). ZCTAs the ACS
 * publishes nothing for (per the last run) are not counted, or such a geography would be stale forever.
 */
export function censusStaleness(input: {
  now: Date;
  lastSuccessAt: Date | null;
  zctaByZip: ReadonlyMap<string, string>;
  zipsWithSignals: ReadonlySet<string>;
  missingZctas: readonly string[];
  source?: CensusSourceType;
}): { isStale: boolean; reason: string; zipsWithoutSignals: string[] } {
  const what = WHAT[input.source ?? SourceType.Census];
  const missing = new Set(input.missingZctas);
  const zipsWithoutSignals = [...input.zctaByZip.entries()]
    .filter(([zip, zcta]) => !input.zipsWithSignals.has(zip) && !missing.has(zcta))
    .map(([zip]) => zip)
    .sort();
  if (!input.lastSuccessAt) {
    return {
      isStale: true,
      reason: `${what.data} ${input.source === SourceType.CensusBusiness ? 'have' : 'has'} never been fetched for this geography`,
      zipsWithoutSignals,
    };
  }
  const age = ageInDays(input.lastSuccessAt, input.now);
  const reasons: string[] = [];
  if (input.now.getTime() - input.lastSuccessAt.getTime() > CENSUS_STALE_AFTER_DAYS * DAY_MS) {
    reasons.push(`the last successful refresh was ${age} days ago (stale after ${CENSUS_STALE_AFTER_DAYS})`);
  }
  if (zipsWithoutSignals.length > 0) {
    const list = zipsWithoutSignals.slice(0, 20).join(', ');
    const more = zipsWithoutSignals.length > 20 ? ` and ${zipsWithoutSignals.length - 20} more` : '';
    reasons.push(
      `ZIP(s) ${list}${more} have a ZCTA but no ${what.figures} yet (added since the last refresh?)`,
    );
  }
  if (reasons.length === 0) {
    return {
      isStale: false,
      reason: `refreshed ${daysAgo(age)}; every ZIP with a ZCTA has ${what.figures}`,
      zipsWithoutSignals,
    };
  }
  const text = reasons.join('; ');
  return { isStale: true, reason: text.charAt(0).toUpperCase() + text.slice(1), zipsWithoutSignals };
}

/** CSV sources: stale when never imported or when the last success is older than CSV_STALE_DAYS. */
export function csvStaleness(input: { now: Date; lastSuccessAt: Date | null; staleAfterDays: number }): {
  isStale: boolean;
  reason: string;
} {
  if (!input.lastSuccessAt) return { isStale: true, reason: 'Never imported for this geography' };
  const age = ageInDays(input.lastSuccessAt, input.now);
  if (input.now.getTime() - input.lastSuccessAt.getTime() > input.staleAfterDays * DAY_MS) {
    return {
      isStale: true,
      reason: `The last successful import was ${age} days ago (stale after ${input.staleAfterDays})`,
    };
  }
  return { isStale: false, reason: `imported ${daysAgo(age)}` };
}

interface RunRow {
  source_type: SourceType;
  last_run_status: RunStatus | null;
  last_run_at: Date | string | null;
  last_success_at: Date | string | null;
  last_success_details: Record<string, unknown> | null;
}

const toDate = (value: Date | string | null | undefined): Date | null =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(value);

function missingZctasOf(details: Record<string, unknown> | null): string[] {
  const value = details?.missing_zctas;
  return Array.isArray(value) ? value.filter((z): z is string => typeof z === 'string') : [];
}

/** Freshness of each source type for the geographies of one tenant, read inside its transaction. */
@Injectable()
export class FreshnessService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly config: AppConfig,
  ) {}

  /** GET /geographies/:id/freshness; another tenant's geography answers 404 like a missing one. */
  forGeography(geographyId: string, now = new Date()): Promise<SourceFreshness[]> {
    return this.tenantDb.forCurrentTenant(async (db) => {
      const geography = await requireGeography(db, geographyId);
      return this.compute(db, geography, now);
    });
  }

  /** Stale Census sources (ACS figures, business counts) of every geography of one tenant (the nightly refresh). */
  async staleCensusGeographies(clientId: string, now = new Date()): Promise<StaleCensusSource[]> {
    return this.tenantDb.run(clientId, async (db) => {
      const geographies = await db.repository(Geography).find({ order: { createdAt: 'ASC' } });
      const stale: StaleCensusSource[] = [];
      for (const geography of geographies) {
        for (const entry of await this.compute(db, geography, now)) {
          if (!isCensusSource(entry.source_type) || !entry.is_stale) continue;
          const inFlight =
            entry.last_run_status === RunStatus.Queued || entry.last_run_status === RunStatus.Running;
          stale.push({
            geographyId: geography.id,
            source: entry.source_type,
            reason: entry.reason,
            inFlight,
          });
        }
      }
      return stale;
    });
  }

  private async compute(db: TenantTransaction, geography: Geography, now: Date): Promise<SourceFreshness[]> {
    const runs = (await db.manager.query(
      `SELECT t.source_type,
              last.status AS last_run_status,
              COALESCE(last.finished_at, last.started_at, last.created_at) AS last_run_at,
              ok.finished_at AS last_success_at,
              ok.details AS last_success_details
         FROM unnest($3::varchar[]) AS t(source_type)
         LEFT JOIN LATERAL (
           SELECT status, finished_at, started_at, created_at FROM ingestion_runs r
            WHERE r.client_id = $1 AND r.geography_id = $2 AND r.source_type = t.source_type
            ORDER BY r.created_at DESC LIMIT 1) last ON true
         LEFT JOIN LATERAL (
           SELECT COALESCE(finished_at, updated_at) AS finished_at, details FROM ingestion_runs r
            WHERE r.client_id = $1 AND r.geography_id = $2 AND r.source_type = t.source_type
              AND r.status = '${RunStatus.Success}'
            ORDER BY COALESCE(r.finished_at, r.updated_at) DESC LIMIT 1) ok ON true`,
      [db.clientId, geography.id, SOURCE_TYPES],
    )) as RunRow[];
    const byType = new Map<SourceType, RunSummary>(
      runs.map((r) => [
        r.source_type,
        {
          lastSuccessAt: toDate(r.last_success_at),
          lastRunStatus: r.last_run_status,
          lastRunAt: toDate(r.last_run_at),
          lastSuccessMissingZctas: missingZctasOf(r.last_success_details),
        },
      ]),
    );

    const signalZips = (await db.manager.query(
      `SELECT DISTINCT signal_type, zip_code FROM demand_signals
        WHERE client_id = $1 AND geography_id = $2 AND signal_type = ANY($3::varchar[]) AND zip_code IS NOT NULL`,
      [db.clientId, geography.id, Object.values(SIGNAL_OF)],
    )) as { signal_type: SignalType; zip_code: string }[];
    const resolved = await resolveGeographyZctas(geography);
    const zctaByZip = new Map<string, string>();
    for (const [zcta, zips] of resolved.zipsByZcta) for (const zip of zips) zctaByZip.set(zip, zcta);

    return SOURCE_TYPES.map((sourceType) => {
      const summary = byType.get(sourceType) ?? EMPTY_SUMMARY;
      const staleAfterDays = isCensusSource(sourceType) ? CENSUS_STALE_AFTER_DAYS : this.config.csvStaleDays;
      const verdict = isCensusSource(sourceType)
        ? censusStaleness({
            now,
            lastSuccessAt: summary.lastSuccessAt,
            zctaByZip,
            zipsWithSignals: new Set(
              signalZips.filter((r) => r.signal_type === SIGNAL_OF[sourceType]).map((r) => r.zip_code),
            ),
            missingZctas: summary.lastSuccessMissingZctas,
            source: sourceType,
          })
        : csvStaleness({ now, lastSuccessAt: summary.lastSuccessAt, staleAfterDays });
      return {
        source_type: sourceType,
        last_success_at: summary.lastSuccessAt?.toISOString() ?? null,
        last_run_status: summary.lastRunStatus,
        last_run_at: summary.lastRunAt?.toISOString() ?? null,
        is_stale: verdict.isStale,
        stale_after_days: staleAfterDays,
        reason: verdict.reason,
      };
    });
  }
}
