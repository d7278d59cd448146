import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Inserts one minimal row into every tenant table for a new client, as the connecting (owner) user,
 * and returns the client id. Used to prove isolation: each row is tagged with the client's name.
 */
export async function seedTenantRows(dataSource: DataSource, label: string): Promise<string> {
  const [{ id: clientId }] = await dataSource.query(`INSERT INTO clients (name) VALUES ($1) RETURNING id`, [
    `${label} ${randomUUID()}`,
  ]);
  const [{ id: geographyId }] = await dataSource.query(
    `INSERT INTO geographies (client_id, name, zip_codes) VALUES ($1, $2, '{19002}') RETURNING id`,
    [clientId, `${label} suburbs`],
  );
  const rows: [string, string][] = [
    [
      'demand_signals',
      `INSERT INTO demand_signals (client_id, geography_id, signal_type, source_type, zip_code, metric, value, vintage)
       VALUES ($1, $2, 'CENSUS', 'census', '19002', 'population', 35000, '2023')`,
    ],
    [
      'ingestion_runs',
      `INSERT INTO ingestion_runs (client_id, geography_id, source_type, status) VALUES ($1, $2, 'census', 'success')`,
    ],
    [
      'channels',
      `INSERT INTO channels (client_id, geography_id, channel_type, name, city, state) VALUES ($1, $2, 'hoa', 'Oak Hill HOA', 'Ambler', 'PA')`,
    ],
    [
      'property_aggregates',
      `INSERT INTO property_aggregates (client_id, geography_id, zip_code, property_count) VALUES ($1, $2, '19002', 12)`,
    ],
    [
      'zip_scores',
      `INSERT INTO zip_scores (client_id, geography_id, category, zip_code, score, rank, computed_at) VALUES ($1, $2, 'roofing', '19002', 0.8, 1, now())`,
    ],
    [
      'intelligence_reports',
      `INSERT INTO intelligence_reports (client_id, geography_id, category, status) VALUES ($1, $2, 'roofing', 'queued')`,
    ],
  ];
  for (const [, sql] of rows) await dataSource.query(sql, [clientId, geographyId]);
  await dataSource.query(
    `INSERT INTO uploads (client_id, file_ref, original_filename, size_bytes, content_kind, sha256) VALUES ($1, $2, 'events.csv', 10, 'csv', $3)`,
    [clientId, randomUUID().replace(/-/g, ''), 'f'.repeat(64)],
  );
  await dataSource.query(
    `INSERT INTO scans (client_id, category, scope, zip_limit, status) VALUES ($1, 'roofing', 'PA', 100, 'queued')`,
    [clientId],
  );
  return clientId;
}
