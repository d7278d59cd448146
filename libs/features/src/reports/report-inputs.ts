import { SignalType, type SourceFreshness } from '@lbi/contracts';
import type { TenantTransaction } from '@lbi/server';
import { Channel } from '../channels/channel.entity';
import type { Geography } from '../geographies/geography.entity';
import type { BusinessSignal } from './zip-context';

/** Everything the engine needs about one geography, read in one tenant transaction. */
export interface ReportInputs {
  geography: Geography;
  census: {
    zip_code: string;
    zcta: string | null;
    metric: string;
    value: number | null;
    /** The 90% MOE, or the annotation code the API printed instead of one (e.g. -222222222). */
    margin_of_error: number | null;
    vintage: string | null;
    source_url: string | null;
  }[];
  property: {
    zip_code: string;
    property_count: number;
    median_year_built: number | null;
    owner_occupied_count: number | null;
  }[];
  events: {
    event_name: string;
    start_date: string;
    end_date: string | null;
    zip_code: string | null;
    category: string | null;
  }[];
  channels: {
    id: string;
    channel_type: string;
    name: string;
    zip_code: string | null;
    estimated_reach: number | null;
  }[];
  freshness: SourceFreshness[];
  /** The one ACS vintage of `census`; null when the geography has no Census rows. */
  vintage: string | null;
  /** Establishment counts per ZIP and NAICS metric (newest year each). */
  business: BusinessSignal[];
  /** ZIPs that have Census rows of other vintages only (left out of `census`). */
  other_vintage_zips: { zip_code: string; vintages: string[] }[];
}

/**
 * Loads the inputs of scoring and reports. Census signals: the rows of ONE vintage, the newest the
 * geography has (a refresh to a newer vintage keeps the older rows, which are never mixed in: a ZCTA
 * missing from the new release is reported as missing, not filled from the old one). An MOE the API
 * printed as an annotation code comes back as that code, so the engine can tell "no sampling error
 * can be given" from "no MOE loaded". Events: those not yet over on `asOf`.
 */
export async function loadReportInputs(
  db: TenantTransaction,
  geography: Geography,
  asOf: string,
  freshness: SourceFreshness[],
): Promise<
  Omit<ReportInputs, 'geography' | 'freshness'> & { geography: Geography; freshness: SourceFreshness[] }
> {
  const [{ vintage }] = (await db.manager.query(
    `SELECT max(vintage) AS vintage FROM demand_signals WHERE geography_id = $1 AND signal_type = $2`,
    [geography.id, SignalType.Census],
  )) as { vintage: string | null }[];
  const census: (ReportInputs['census'][number] & { moe_code: string | null })[] =
    vintage === null
      ? []
      : await db.manager.query(
          `SELECT zip_code, zcta, metric, value, margin_of_error, vintage, source_url,
                  CASE WHEN metadata->'annotation'->>'field' = 'moe' THEN metadata->'annotation'->>'code' END AS moe_code
             FROM demand_signals
            WHERE geography_id = $1 AND signal_type = $2 AND vintage = $3
            ORDER BY zip_code, metric`,
          [geography.id, SignalType.Census, vintage],
        );
  // ZIPs with rows of older releases only: named in the report, their old figures left out.
  const otherVintages: { zip_code: string; vintages: string[] }[] =
    vintage === null
      ? []
      : await db.manager.query(
          `SELECT zip_code, array_agg(DISTINCT vintage ORDER BY vintage) AS vintages FROM demand_signals
            WHERE geography_id = $1 AND signal_type = $2 AND vintage <> $3
              AND zip_code NOT IN (SELECT zip_code FROM demand_signals
                                    WHERE geography_id = $1 AND signal_type = $2 AND vintage = $3)
            GROUP BY zip_code ORDER BY zip_code`,
          [geography.id, SignalType.Census, vintage],
        );
  // ZIP-level aggregates only (block_group ''); owner-occupied counts from the ownership mix.
  const propertyRows: {
    zip_code: string;
    property_count: number;
    median_year_built: number | null;
    ownership_mix: Record<string, number>;
  }[] = await db.manager.query(
    `SELECT zip_code, property_count, median_year_built, ownership_mix FROM property_aggregates
        WHERE geography_id = $1 AND block_group = '' ORDER BY zip_code`,
    [geography.id],
  );
  const property: ReportInputs['property'] = propertyRows.map((row) => {
    const owned = Object.entries(row.ownership_mix ?? {}).filter(([label]) => /owner|owned/i.test(label));
    return {
      zip_code: row.zip_code,
      property_count: Number(row.property_count),
      median_year_built: numberOrNull(row.median_year_built),
      owner_occupied_count:
        owned.length > 0 ? owned.reduce((sum, [, count]) => sum + Number(count), 0) : null,
    };
  });
  const events: ReportInputs['events'] = await db.manager.query(
    `SELECT event_name, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
            zip_code, metadata->>'category' AS category
       FROM demand_signals
      WHERE geography_id = $1 AND signal_type = $2 AND coalesce(end_date, start_date) >= $3::date
      ORDER BY start_date, event_name`,
    [geography.id, SignalType.Event, asOf],
  );
  const business: BusinessSignal[] = await db.manager.query(
    `SELECT DISTINCT ON (zip_code, metric) zip_code, metric, value, vintage, (metadata->>'snapshot')::boolean AS snapshot
       FROM demand_signals
      WHERE geography_id = $1 AND signal_type = $2
      ORDER BY zip_code, metric, vintage DESC`,
    [geography.id, SignalType.Business],
  );
  const channelRows = await db
    .repository(Channel)
    .find({ where: { geographyId: geography.id }, order: { name: 'ASC' } });
  return {
    geography,
    census: census.map(({ moe_code, ...row }) => ({
      ...row,
      value: numberOrNull(row.value),
      margin_of_error: moe_code !== null ? Number(moe_code) : numberOrNull(row.margin_of_error),
    })),
    property,
    events,
    channels: channelRows.map((channel) => ({
      id: channel.id,
      channel_type: channel.channelType,
      name: channel.name,
      zip_code: channel.zipCode,
      estimated_reach: channel.estimatedReach,
    })),
    freshness,
    vintage,
    other_vintage_zips: otherVintages,
    business: business.map((row) => ({ ...row, value: numberOrNull(row.value) })),
  };
}

// pg returns double precision as numbers already; this guards against numeric strings.
function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}
