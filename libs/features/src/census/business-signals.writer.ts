import type { ZipCrosswalk } from '@lbi/census';
import { SignalType, SourceType } from '@lbi/contracts';
import { establishmentsMetric } from '@lbi/scoring';
import { rawWrite, type TenantTransaction } from '@lbi/server';

export const BUSINESS_DATASET = 'cbp';

/** A signal per geography ZIP and NAICS code: the establishments of the ZIP's ZCTA. */
export interface BusinessSignalRow {
  zip_code: string;
  zcta: string;
  metric: string;
  value: number;
  vintage: string;
  metadata: Record<string, unknown>;
  source_url: string;
}

// ZCTA -> every crosswalk ZIP that maps to it (its own ZIP and the PO-box and unique ZIPs inside it).
const zipsOfZcta = new WeakMap<ZipCrosswalk, Map<string, string[]>>();

export function crosswalkZipsByZcta(crosswalk: ZipCrosswalk): Map<string, string[]> {
  let index = zipsOfZcta.get(crosswalk);
  if (!index) {
    index = new Map();
    for (const entry of crosswalk.values()) {
      if (!entry.zcta) continue;
      const list = index.get(entry.zcta) ?? [];
      list.push(entry.zip);
      index.set(entry.zcta, list);
    }
    for (const list of index.values()) list.sort();
    zipsOfZcta.set(crosswalk, index);
  }
  return index;
}

/**
 * Establishments are counted where they are located, by USPS ZIP; ACS figures describe ZCTAs. A ZCTA's
 * count is the sum over every ZIP inside it (a PO-box ZIP's businesses are in the area it sits in), and
 * each geography ZIP gets its ZCTA's count. ZIPs without a published row add 0: the count is a floor.
 */
export function toBusinessSignalRows(input: {
  zipsByZcta: ReadonlyMap<string, readonly string[]>;
  crosswalk: ZipCrosswalk;
  naics: readonly string[];
  counts: readonly { zip: string; naics: string; establishments: number }[];
  year: number;
  sourceUrlOf: (naics: string) => string;
  snapshot?: boolean;
}): BusinessSignalRow[] {
  const byKey = new Map(input.counts.map((c) => [`${c.naics}:${c.zip}`, c.establishments]));
  const zctaZips = crosswalkZipsByZcta(input.crosswalk);
  const out: BusinessSignalRow[] = [];
  for (const [zcta, geographyZips] of input.zipsByZcta) {
    const cbpZips = zctaZips.get(zcta) ?? [zcta];
    for (const naics of input.naics) {
      const published: Record<string, number> = {};
      const unpublished: string[] = [];
      let total = 0;
      for (const zip of cbpZips) {
        const count = byKey.get(`${naics}:${zip}`);
        if (count === undefined) unpublished.push(zip);
        else {
          published[zip] = count;
          total += count;
        }
      }
      const metadata: Record<string, unknown> = {
        naics,
        published_zips: published,
        unpublished_zips: unpublished,
        note:
          unpublished.length > 0
            ? `${unpublished.length} ZIP(s) of this ZCTA have no published count (fewer than 3 establishments, or none): the total is a floor`
            : 'every ZIP of this ZCTA has a published count',
        ...(input.snapshot ? { snapshot: true } : {}),
      };
      for (const zip of geographyZips) {
        out.push({
          zip_code: zip,
          zcta,
          metric: establishmentsMetric(naics),
          value: total,
          vintage: String(input.year),
          metadata,
          source_url: input.sourceUrlOf(naics),
        });
      }
    }
  }
  return out;
}

/** Upserts BUSINESS signals on uq_demand_signals_business, in the caller's tenant transaction. */
export async function upsertBusinessSignals(
  db: TenantTransaction,
  geographyId: string,
  rows: readonly BusinessSignalRow[],
  batchSize = 5000,
): Promise<number> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const metadata = batch.map((r) => r.metadata);
    const urls = batch.map((r) => r.source_url);
    await rawWrite(
      db.manager,
      'demand_signals',
      `INSERT INTO demand_signals
         (client_id, geography_id, signal_type, source_type, zip_code, zcta, metric, value, vintage, dataset,
          metadata, source_url)
       SELECT $1, $2, $3, $4, u.zip_code, u.zcta, u.metric, u.value, u.vintage, $5, u.metadata, u.source_url
         FROM unnest($6::varchar[], $7::varchar[], $8::varchar[], $9::double precision[], $10::varchar[],
                     $11::jsonb[], $12::text[]) AS u(zip_code, zcta, metric, value, vintage, metadata, source_url)
       ON CONFLICT (client_id, geography_id, zip_code, metric, vintage) WHERE signal_type = 'BUSINESS'
       DO UPDATE SET zcta = EXCLUDED.zcta, value = EXCLUDED.value, metadata = EXCLUDED.metadata,
         source_url = EXCLUDED.source_url, updated_at = now()`,
      [
        db.clientId,
        geographyId,
        SignalType.Business,
        SourceType.CensusBusiness,
        BUSINESS_DATASET,
        batch.map((r) => r.zip_code),
        batch.map((r) => r.zcta),
        batch.map((r) => r.metric),
        batch.map((r) => r.value),
        batch.map((r) => r.vintage),
        metadata.map((m) => JSON.stringify(m)),
        urls,
      ],
      // Counts are numbers; the text is the notes and the key-free source URLs (distinct ones suffice).
      { metadata: [...new Set(metadata)], source_url: [...new Set(urls)] },
    );
  }
  return rows.length;
}
