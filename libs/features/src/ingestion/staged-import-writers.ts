import { ChannelRow, EventRow, SignalType, SourceType } from '@lbi/contracts';
import { CopyStage, CopyValue, rawWrite, StageColumn } from '@lbi/server';
import { ImportSink, ImportTarget } from './import-writers';

// The PostgreSQL path of the event and channel imports: valid rows are COPYed into a staging table
// of the import's transaction as they stream in, then ONE INSERT … SELECT … ON CONFLICT DO UPDATE
// moves them into the real table when the file has been read to the end. Same transaction, same
// role and app.client_id (row-level security checks every row of the final INSERT), same natural-key
// upsert as the batched path (import-writers.ts), which the embedded PGlite keeps (no COPY FROM STDIN
// through its socket). Every value was checked by the import schema, PII detectors included.

/** Rows per COPY statement: about 2 MB of text for events; one COPY is in flight while more are parsed. */
export const COPY_CHUNK_ROWS = 20_000;

abstract class StagedSink<T> implements ImportSink<T> {
  private stage: CopyStage | null = null;
  private pending: CopyValue[][] = [];
  private inFlight: Promise<void> | null = null;

  constructor(protected readonly target: ImportTarget) {}

  /** The real table the rows are for. */
  protected abstract readonly table: string;
  protected abstract readonly columns: readonly StageColumn[];
  /** The row's values in `columns` order. */
  protected abstract valuesOf(row: T): CopyValue[];
  /** INSERT … SELECT from the stage; $1 is the client id, $2 the geography id. */
  protected abstract upsertSql(stage: string): string;

  async add(rows: readonly T[]): Promise<void> {
    for (const row of rows) {
      this.pending.push(this.valuesOf(row));
      if (this.pending.length >= COPY_CHUNK_ROWS) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    await this.settle();
    this.stage ??= await CopyStage.create(
      this.target.manager,
      `import_stage_${this.table}`,
      this.table,
      this.columns,
    );
    const copy = this.stage.copy(rows, 'validatedByImportSchema');
    // Observed by settle(); a failure aborts the pass there (and the transaction rolls back).
    copy.catch(() => undefined);
    this.inFlight = copy;
  }

  private async settle(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = null;
    if (pending) await pending;
  }

  async finish(): Promise<number> {
    await this.flush();
    await this.settle();
    if (!this.stage) return 0;
    const { manager, clientId, geographyId } = this.target;
    const sql = this.upsertSql(this.stage.table);
    return (await rawWrite(manager, this.table, sql, [clientId, geographyId], 'validatedByImportSchema'))
      .affected;
  }
}

export class StagedEventSink extends StagedSink<EventRow> {
  protected readonly table = 'demand_signals';
  protected readonly columns = [
    { name: 'zip_code', type: 'varchar' },
    { name: 'zcta', type: 'varchar' },
    { name: 'event_name', type: 'varchar' },
    { name: 'start_date', type: 'date' },
    { name: 'end_date', type: 'date' },
    { name: 'metadata', type: 'jsonb' },
    { name: 'source_url', type: 'text' },
  ];

  protected valuesOf(r: EventRow): CopyValue[] {
    const m: Record<string, unknown> = {};
    if (r.category !== null) m.category = r.category;
    if (r.estimated_attendance !== null) m.estimated_attendance = r.estimated_attendance;
    const zcta = r.zip_code === null ? null : (this.target.zctaByZip.get(r.zip_code) ?? null);
    return [r.zip_code, zcta, r.event_name, r.start_date, r.end_date, JSON.stringify(m), r.source_url];
  }

  // A key repeated in the file keeps its last row (DISTINCT ON … seq DESC), as the batched path does.
  protected upsertSql(stage: string): string {
    return `INSERT INTO demand_signals
         (client_id, geography_id, signal_type, source_type, zip_code, zcta, metric, event_name, start_date, end_date, metadata, source_url)
       SELECT $1::uuid, $2::uuid, '${SignalType.Event}', '${SourceType.CsvEvents}', s.zip_code, s.zcta, 'event',
              s.event_name, s.start_date, s.end_date, s.metadata, s.source_url
       FROM (SELECT DISTINCT ON (event_name, start_date) * FROM ${stage} ORDER BY event_name, start_date, seq DESC) s
       ON CONFLICT (client_id, geography_id, event_name, start_date) WHERE signal_type = '${SignalType.Event}'
       DO UPDATE SET source_type = EXCLUDED.source_type, zip_code = EXCLUDED.zip_code, zcta = EXCLUDED.zcta,
         end_date = EXCLUDED.end_date, metadata = EXCLUDED.metadata, source_url = EXCLUDED.source_url,
         updated_at = now()`;
  }
}

export class StagedChannelSink extends StagedSink<ChannelRow> {
  protected readonly table = 'channels';
  protected readonly columns = [
    { name: 'channel_type', type: 'varchar' },
    { name: 'name', type: 'varchar' },
    { name: 'city', type: 'varchar' },
    { name: 'state', type: 'varchar' },
    { name: 'zip_code', type: 'varchar' },
    { name: 'estimated_reach', type: 'int' },
    { name: 'website', type: 'text' },
    { name: 'notes', type: 'text' },
    { name: 'source_url', type: 'text' },
  ];

  protected valuesOf(r: ChannelRow): CopyValue[] {
    return [
      r.channel_type,
      r.name,
      r.city,
      r.state,
      r.zip_code,
      r.estimated_reach,
      r.website,
      r.notes,
      r.source_url,
    ];
  }

  protected upsertSql(stage: string): string {
    return `INSERT INTO channels
         (client_id, geography_id, channel_type, name, city, state, zip_code, estimated_reach, website, notes, source_url)
       SELECT $1::uuid, $2::uuid, s.channel_type, s.name, s.city, s.state, s.zip_code, s.estimated_reach,
              s.website, s.notes, s.source_url
       FROM (SELECT DISTINCT ON (channel_type, name) * FROM ${stage} ORDER BY channel_type, name, seq DESC) s
       ON CONFLICT (client_id, geography_id, channel_type, name)
       DO UPDATE SET city = EXCLUDED.city, state = EXCLUDED.state, zip_code = EXCLUDED.zip_code,
         estimated_reach = EXCLUDED.estimated_reach, website = EXCLUDED.website, notes = EXCLUDED.notes,
         source_url = EXCLUDED.source_url, updated_at = now()`;
  }
}
