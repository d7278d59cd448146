import { SignalType, SourceType } from '@lbi/contracts';
import { rawWrite } from '@lbi/server';
import { EntityManager } from 'typeorm';
import { ChannelRow, EventRow, PropertyRow } from '@lbi/contracts';
import {
  MIN_PROPERTIES_PER_AGGREGATE,
  PropertyAggregator,
  propertySignalMetrics,
} from './property-aggregator';

// Set-based writers for the imports, all on the one import transaction's manager. Rows go to
// PostgreSQL in batches as column arrays expanded by unnest(): one statement with ~10 parameters per
// batch (instead of 10 parameters per row) is parsed and planned once, and ON CONFLICT turns it into
// an upsert on the natural key. Raw SQL bypasses the TypeORM PII subscriber: every value has already
// been checked by the schema validators (libs/contracts/src/import-schemas.ts).

/** Rows per INSERT statement: large enough to amortise round trips, small enough to keep memory flat. */
export const WRITE_BATCH_ROWS = 5000;

export interface ImportTarget {
  manager: EntityManager;
  clientId: string;
  geographyId: string;
  /** ZIP -> ZCTA from the geography's resolution. */
  zctaByZip: ReadonlyMap<string, string | null>;
}

export interface ImportSink<T> {
  /** Takes valid rows; may write some of them (a batch) before returning. */
  add(rows: readonly T[]): Promise<void>;
  /** Writes what is left and returns the number of records upserted. */
  finish(): Promise<number>;
  /** What the run's details should say beyond counts (after finish). */
  summary?(): Record<string, unknown>;
}

async function execute(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  if (!manager.queryRunner) throw new Error('Import writes must run inside a transaction');
  const table = /^\s*INSERT INTO (\w+)/i.exec(sql)?.[1] ?? 'unknown';
  return (await rawWrite(manager, table, sql, params, 'validatedByImportSchema')).affected;
}

/**
 * A batch keyed by natural key: a key repeated inside one batch keeps its last row (one upsert per
 * key; later batches update it through ON CONFLICT). One write is kept in flight while the next batch
 * is parsed and validated, so Node and PostgreSQL work at the same time (the statements still run one
 * after another on the transaction's connection).
 */
abstract class BatchSink<T> implements ImportSink<T> {
  protected batch = new Map<string, T>();
  private upserted = 0;
  private inFlight: Promise<number> | null = null;

  constructor(protected readonly target: ImportTarget) {}

  protected abstract keyOf(row: T): string;
  protected abstract write(rows: T[]): Promise<number>;

  async add(rows: readonly T[]): Promise<void> {
    for (const row of rows) {
      this.batch.set(this.keyOf(row), row);
      if (this.batch.size >= WRITE_BATCH_ROWS) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.batch.size === 0) return;
    const rows = [...this.batch.values()];
    this.batch = new Map();
    await this.settle();
    const write = this.write(rows);
    // Observed by settle(); a failure aborts the pass there (and the transaction rolls back).
    write.catch(() => undefined);
    this.inFlight = write;
  }

  private async settle(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = null;
    if (pending) this.upserted += await pending;
  }

  async finish(): Promise<number> {
    await this.flush();
    await this.settle();
    return this.upserted;
  }
}

export class EventSink extends BatchSink<EventRow> {
  protected keyOf(row: EventRow): string {
    return `${row.event_name}\u0000${row.start_date}`;
  }

  protected write(rows: EventRow[]): Promise<number> {
    const { manager, clientId, geographyId, zctaByZip } = this.target;
    const metadata = rows.map((r) => {
      const m: Record<string, unknown> = {};
      if (r.category !== null) m.category = r.category;
      if (r.estimated_attendance !== null) m.estimated_attendance = r.estimated_attendance;
      return JSON.stringify(m);
    });
    return execute(
      manager,
      `INSERT INTO demand_signals
         (client_id, geography_id, signal_type, source_type, zip_code, zcta, metric, event_name, start_date, end_date, metadata, source_url)
       SELECT $1::uuid, $2::uuid, '${SignalType.Event}', '${SourceType.CsvEvents}', u.zip_code, u.zcta, 'event',
              u.event_name, u.start_date, u.end_date, u.metadata, u.source_url
       FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::date[], $7::date[], $8::jsonb[], $9::text[])
         AS u(zip_code, zcta, event_name, start_date, end_date, metadata, source_url)
       ON CONFLICT (client_id, geography_id, event_name, start_date) WHERE signal_type = '${SignalType.Event}'
       DO UPDATE SET source_type = EXCLUDED.source_type, zip_code = EXCLUDED.zip_code, zcta = EXCLUDED.zcta,
         end_date = EXCLUDED.end_date, metadata = EXCLUDED.metadata, source_url = EXCLUDED.source_url,
         updated_at = now()`,
      [
        clientId,
        geographyId,
        rows.map((r) => r.zip_code),
        rows.map((r) => (r.zip_code === null ? null : (zctaByZip.get(r.zip_code) ?? null))),
        rows.map((r) => r.event_name),
        rows.map((r) => r.start_date),
        rows.map((r) => r.end_date),
        metadata,
        rows.map((r) => r.source_url),
      ],
    );
  }
}

export class ChannelSink extends BatchSink<ChannelRow> {
  protected keyOf(row: ChannelRow): string {
    return `${row.channel_type}\u0000${row.name}`;
  }

  protected write(rows: ChannelRow[]): Promise<number> {
    const { manager, clientId, geographyId } = this.target;
    return execute(
      manager,
      `INSERT INTO channels
         (client_id, geography_id, channel_type, name, city, state, zip_code, estimated_reach, website, notes, source_url)
       SELECT $1::uuid, $2::uuid, u.channel_type, u.name, u.city, u.state, u.zip_code, u.estimated_reach,
              u.website, u.notes, u.source_url
       FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::int[],
                   $9::text[], $10::text[], $11::text[])
         AS u(channel_type, name, city, state, zip_code, estimated_reach, website, notes, source_url)
       ON CONFLICT (client_id, geography_id, channel_type, name)
       DO UPDATE SET city = EXCLUDED.city, state = EXCLUDED.state, zip_code = EXCLUDED.zip_code,
         estimated_reach = EXCLUDED.estimated_reach, website = EXCLUDED.website, notes = EXCLUDED.notes,
         source_url = EXCLUDED.source_url, updated_at = now()`,
      [
        clientId,
        geographyId,
        rows.map((r) => r.channel_type),
        rows.map((r) => r.name),
        rows.map((r) => r.city),
        rows.map((r) => r.state),
        rows.map((r) => r.zip_code),
        rows.map((r) => r.estimated_reach),
        rows.map((r) => r.website),
        rows.map((r) => r.notes),
        rows.map((r) => r.source_url),
      ],
    );
  }
}

/**
 * Property rows are folded into aggregates as they stream; finish() replaces the geography's property
 * aggregates and PROPERTY signals with the file's, so importing the same file again gives the same state.
 */
export class PropertySink implements ImportSink<PropertyRow> {
  private readonly aggregator = new PropertyAggregator();

  constructor(private readonly target: ImportTarget) {}

  add(rows: readonly PropertyRow[]): Promise<void> {
    for (const row of rows) this.aggregator.add(row);
    return Promise.resolve();
  }

  summary(): Record<string, unknown> {
    const { block_groups, zips } = this.aggregator.withheld;
    if (block_groups + zips === 0) return {};
    return {
      suppressed_small_buckets: {
        min_properties: MIN_PROPERTIES_PER_AGGREGATE,
        block_groups_folded_into_zip: block_groups,
        zips_withheld: zips,
        note: `Aggregates of fewer than ${MIN_PROPERTIES_PER_AGGREGATE} properties are not kept: ${block_groups} block group(s) count only in their ZIP's total, ${zips} ZIP(s) were withheld.`,
      },
    };
  }

  async finish(): Promise<number> {
    const { manager, clientId, geographyId, zctaByZip } = this.target;
    const aggregates = this.aggregator.results();
    await manager.query(`DELETE FROM property_aggregates WHERE client_id = $1 AND geography_id = $2`, [
      clientId,
      geographyId,
    ]);
    let upserted = 0;
    for (let i = 0; i < aggregates.length; i += WRITE_BATCH_ROWS) {
      const rows = aggregates.slice(i, i + WRITE_BATCH_ROWS);
      upserted += await execute(
        manager,
        `INSERT INTO property_aggregates
           (client_id, geography_id, zip_code, block_group, property_count, median_year_built, median_lot_size_sqft,
            property_type_mix, ownership_mix, income_band_mix, centroid_lat, centroid_lon)
         SELECT $1::uuid, $2::uuid, u.*
         FROM unnest($3::varchar[], $4::varchar[], $5::int[], $6::float8[], $7::float8[], $8::jsonb[], $9::jsonb[],
                     $10::jsonb[], $11::float8[], $12::float8[]) AS u`,
        [
          clientId,
          geographyId,
          rows.map((r) => r.zip_code),
          rows.map((r) => r.block_group),
          rows.map((r) => r.property_count),
          rows.map((r) => r.median_year_built),
          rows.map((r) => r.median_lot_size_sqft),
          rows.map((r) => JSON.stringify(r.property_type_mix)),
          rows.map((r) => JSON.stringify(r.ownership_mix)),
          rows.map((r) => JSON.stringify(r.income_band_mix)),
          rows.map((r) => r.centroid_lat),
          rows.map((r) => r.centroid_lon),
        ],
      );
    }
    // PROPERTY signals per ZIP: upserted on their natural key; ZIPs no longer in the file lose theirs.
    const zipLevel = aggregates.filter((a) => a.block_group === '');
    const signals = zipLevel.flatMap((a) =>
      Object.entries(propertySignalMetrics(a)).map(([metric, value]) => ({ zip: a.zip_code, metric, value })),
    );
    await manager.query(
      `DELETE FROM demand_signals
       WHERE client_id = $1 AND geography_id = $2 AND signal_type = '${SignalType.Property}'
         AND NOT (zip_code = ANY($3::varchar[]))`,
      [clientId, geographyId, zipLevel.map((a) => a.zip_code)],
    );
    if (signals.length > 0) {
      upserted += await execute(
        manager,
        `INSERT INTO demand_signals (client_id, geography_id, signal_type, source_type, zip_code, zcta, metric, value)
         SELECT $1::uuid, $2::uuid, '${SignalType.Property}', '${SourceType.CsvProperty}', u.zip_code, u.zcta, u.metric, u.value
         FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::float8[]) AS u(zip_code, zcta, metric, value)
         ON CONFLICT (client_id, geography_id, zip_code, metric) WHERE signal_type = '${SignalType.Property}'
         DO UPDATE SET source_type = EXCLUDED.source_type, zcta = EXCLUDED.zcta, value = EXCLUDED.value,
           updated_at = now()`,
        [
          clientId,
          geographyId,
          signals.map((s) => s.zip),
          signals.map((s) => zctaByZip.get(s.zip) ?? null),
          signals.map((s) => s.metric),
          signals.map((s) => s.value),
        ],
      );
    }
    return upserted;
  }
}
