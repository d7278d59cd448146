import { acsVariableById, CensusRow } from '@lbi/census';
import { SignalType, SourceType } from '@lbi/contracts';
import { CopyStage, CopyValue, rawWrite, supportsCopyFromStdin, type TenantTransaction } from '@lbi/server';

export const CENSUS_DATASET = 'acs/acs5';

/** Rows per INSERT: sent as one array per column (unnest), so the statement has a dozen parameters. */
export const CENSUS_UPSERT_BATCH = 5000;

export interface CensusSignalRow {
  zip_code: string;
  zcta: string;
  metric: string;
  value: number | null;
  margin_of_error: number | null;
  vintage: string;
  metadata: Record<string, unknown>;
  source_url: string | null;
}

/**
 * One signal per ZIP of the geography and metric: ZIPs sharing a ZCTA (a PO-box ZIP and its
 * containing ZIP) each get the ZCTA's rows. Annotated cells are kept with value NULL and the reason,
 * never as the sentinel number.
 */
export function toCensusSignalRows(
  rows: readonly CensusRow[],
  zipsByZcta: ReadonlyMap<string, readonly string[]>,
  vintage: number,
): CensusSignalRow[] {
  const out: CensusSignalRow[] = [];
  for (const row of rows) {
    const zips = zipsByZcta.get(row.zcta);
    if (!zips) continue;
    const variable = acsVariableById(row.variable);
    const metadata: Record<string, unknown> = {
      variable: row.variable,
      moe_variable: variable?.moe ?? `${row.variable.slice(0, -1)}M`,
      label: variable?.label ?? row.variable,
      // 'unit' alone reads as an apartment unit to the PII guard: name it for what it is.
      unit_of_measure: variable?.unit ?? null,
      kind: variable?.kind ?? null,
    };
    if (row.annotation) {
      metadata.annotation = {
        code: row.annotation.code,
        reason: row.annotation.reason,
        field: row.annotation.field,
      };
    } else if (row.estimate === null) {
      metadata.note = 'the Census API published no value for this ZCTA';
    }
    for (const zip of zips) {
      out.push({
        zip_code: zip,
        zcta: row.zcta,
        metric: row.metric,
        value: row.estimate,
        margin_of_error: row.moe,
        vintage: String(vintage),
        metadata,
        source_url: row.source_url ?? null,
      });
    }
  }
  return out;
}

const UPSERT_SET = `zcta = EXCLUDED.zcta, value = EXCLUDED.value, margin_of_error = EXCLUDED.margin_of_error,
         dataset = EXCLUDED.dataset, metadata = EXCLUDED.metadata, source_url = EXCLUDED.source_url,
         source_type = EXCLUDED.source_type, updated_at = now()`;

/**
 * Upserts CENSUS signals on the partial unique index uq_demand_signals_census: the same vintage
 * refreshed again updates the same rows. On PostgreSQL the rows are COPYed into a staging table of the
 * transaction and moved by one INSERT … SELECT … ON CONFLICT (upsertCensusSignalsByCopy); on the
 * embedded PGlite (no COPY FROM STDIN through its socket) they go in batches. Each batch is one multi-row INSERT ... SELECT FROM unnest(...)
 * with one array per column; metadata and source URLs repeat across ZIPs, so each batch sends each
 * distinct one once and the rows refer to it by position. Runs inside the caller's tenant transaction;
 * returns the number of rows written.
 */
export async function upsertCensusSignals(
  db: TenantTransaction,
  geographyId: string,
  rows: readonly CensusSignalRow[],
  batchSize = CENSUS_UPSERT_BATCH,
): Promise<number> {
  if (rows.length === 0) return 0;
  if (await supportsCopyFromStdin(db.manager)) return upsertCensusSignalsByCopy(db, geographyId, rows);
  let written = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const zips: string[] = [];
    const zctas: string[] = [];
    const metrics: string[] = [];
    const values: (number | null)[] = [];
    const moes: (number | null)[] = [];
    const vintages: string[] = [];
    const metadataAt: number[] = [];
    const urlAt: (number | null)[] = [];
    const metadataList: string[] = [];
    const urlList: string[] = [];
    const metadataIndex = new Map<Record<string, unknown>, number>();
    const metadataByText = new Map<string, number>();
    const urlIndex = new Map<string, number>();
    for (const row of batch) {
      zips.push(row.zip_code);
      zctas.push(row.zcta);
      metrics.push(row.metric);
      values.push(row.value);
      moes.push(row.margin_of_error);
      vintages.push(row.vintage);
      let meta = metadataIndex.get(row.metadata);
      if (meta === undefined) {
        const text = JSON.stringify(row.metadata);
        meta = metadataByText.get(text);
        if (meta === undefined) {
          meta = metadataList.push(text);
          metadataByText.set(text, meta);
        }
        metadataIndex.set(row.metadata, meta);
      }
      metadataAt.push(meta);
      if (row.source_url === null) {
        urlAt.push(null);
      } else {
        let url = urlIndex.get(row.source_url);
        if (url === undefined) {
          url = urlList.push(row.source_url);
          urlIndex.set(row.source_url, url);
        }
        urlAt.push(url);
      }
    }
    await rawWrite(
      db.manager,
      'demand_signals',
      `INSERT INTO demand_signals
         (client_id, geography_id, signal_type, source_type, zip_code, zcta, metric, value, margin_of_error,
          vintage, dataset, metadata, source_url)
       SELECT $1, $2, $3, $4, u.zip_code, u.zcta, u.metric, u.value, u.margin_of_error, u.vintage, $5,
              m.doc, l.url
         FROM unnest($6::varchar[], $7::varchar[], $8::varchar[], $9::double precision[],
                     $10::double precision[], $11::varchar[], $12::int[], $13::int[])
              AS u(zip_code, zcta, metric, value, margin_of_error, vintage, metadata_at, url_at)
         -- Joined by position rather than subscripted per row: a subscript reads the whole array
         -- parameter again for every row (quadratic in the batch).
         JOIN unnest($14::jsonb[]) WITH ORDINALITY AS m(doc, at) ON m.at = u.metadata_at
         LEFT JOIN unnest($15::text[]) WITH ORDINALITY AS l(url, at) ON l.at = u.url_at
       ON CONFLICT (client_id, geography_id, zip_code, metric, vintage) WHERE signal_type = 'CENSUS'
       DO UPDATE SET ${UPSERT_SET}`,
      [
        db.clientId,
        geographyId,
        SignalType.Census,
        SourceType.Census,
        CENSUS_DATASET,
        zips,
        zctas,
        metrics,
        values,
        moes,
        vintages,
        metadataAt,
        urlAt,
        metadataList,
        urlList,
      ],
      // Census figures are numbers; the text is the annotation notes and the key-free source URLs.
      { metadata: metadataList.map((text) => JSON.parse(text) as unknown), source_url: urlList },
    );
    written += batch.length;
  }
  return written;
}

/**
 * The PostgreSQL path: one COPY of every row into a staging table, one INSERT … SELECT … ON CONFLICT.
 * A key given twice keeps its last row (one statement may not update a row twice). The text checked
 * for PII is the same as the batched path's: each distinct metadata and source URL.
 */
async function upsertCensusSignalsByCopy(
  db: TenantTransaction,
  geographyId: string,
  rows: readonly CensusSignalRow[],
): Promise<number> {
  const byKey = new Map<string, CensusSignalRow>();
  for (const row of rows) byKey.set(`${row.zip_code}\u0000${row.metric}\u0000${row.vintage}`, row);
  const metadataText = new Map<Record<string, unknown>, string>();
  const urls = new Set<string>();
  const values: CopyValue[][] = [];
  for (const row of byKey.values()) {
    let metadata = metadataText.get(row.metadata);
    if (metadata === undefined) metadataText.set(row.metadata, (metadata = JSON.stringify(row.metadata)));
    if (row.source_url !== null) urls.add(row.source_url);
    values.push([
      row.zip_code,
      row.zcta,
      row.metric,
      row.value,
      row.margin_of_error,
      row.vintage,
      metadata,
      row.source_url,
    ]);
  }
  const stage = await CopyStage.create(db.manager, 'census_signal_stage', 'demand_signals', [
    { name: 'zip_code', type: 'varchar' },
    { name: 'zcta', type: 'varchar' },
    { name: 'metric', type: 'varchar' },
    { name: 'value', type: 'double precision' },
    { name: 'margin_of_error', type: 'double precision' },
    { name: 'vintage', type: 'varchar' },
    { name: 'metadata', type: 'jsonb' },
    { name: 'source_url', type: 'text' },
  ]);
  // Census figures are numbers; the text is the annotation notes and the key-free source URLs.
  await stage.copy(values, {
    metadata: [...new Set(metadataText.values())].map((text) => JSON.parse(text) as unknown),
    source_url: [...urls],
  });
  const { affected } = await rawWrite(
    db.manager,
    'demand_signals',
    `INSERT INTO demand_signals
       (client_id, geography_id, signal_type, source_type, zip_code, zcta, metric, value, margin_of_error,
        vintage, dataset, metadata, source_url)
     SELECT $1, $2, $3, $4, s.zip_code, s.zcta, s.metric, s.value, s.margin_of_error, s.vintage, $5, s.metadata, s.source_url
       FROM ${stage.table} s
     ON CONFLICT (client_id, geography_id, zip_code, metric, vintage) WHERE signal_type = 'CENSUS'
     DO UPDATE SET ${UPSERT_SET}`,
    [db.clientId, geographyId, SignalType.Census, SourceType.Census, CENSUS_DATASET],
    {},
  );
  await stage.clear();
  return affected;
}
