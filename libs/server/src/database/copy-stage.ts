import { PiiCheckOptions, assertNoPii } from '@lbi/pii';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { PII_COLUMN_EXEMPTIONS } from './pii.subscriber';
import { RawWriteText } from './raw-write';

// Bulk writes through a staging table: rows go to a temporary table by COPY … FROM STDIN (the
// cheapest way into PostgreSQL: no statement per batch, no parameters, no index), then one set-based
// INSERT … SELECT … ON CONFLICT moves them into the real table. The staging table lives in the
// caller's transaction only (ON COMMIT DROP), so the COPY runs under the same role and app.client_id
// as the rest of the transaction, and a rollback leaves nothing behind.

/** A value COPY's text format can carry. */
export type CopyValue = string | number | boolean | null | undefined;

/** One staging column: its name and SQL type. */
export interface StageColumn {
  name: string;
  type: string;
}

const copyCapable = new WeakMap<DataSource, Promise<boolean>>();

/**
 * False on the embedded PGlite: behind pglite-socket it cannot take COPY … FROM STDIN (the CopyIn
 * sub-protocol ends its one session with "protocol synchronization was lost"), and its own
 * COPY FROM '/dev/blob' is only reachable through PGlite's JavaScript API, not the `pg` wire protocol
 * the platform uses. Callers keep their batched INSERT path there.
 */
export function supportsCopyFromStdin(manager: EntityManager): Promise<boolean> {
  const dataSource = manager.connection;
  let known = copyCapable.get(dataSource);
  if (!known) {
    // On the manager itself: inside a transaction on PGlite, another connection would wait for it to end.
    known = manager
      .query(`SELECT version() AS version`)
      .then((rows: { version: string }[]) => !/pglite|emscripten/i.test(rows[0]?.version ?? ''));
    copyCapable.set(dataSource, known);
    known.catch(() => copyCapable.delete(dataSource));
  }
  return known;
}

/** One value in COPY's text format: NULL as \N, backslash and control characters escaped. */
export function copyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\n\r\t]/.test(value) ? value.replace(/[\\\n\r\t]/g, escapeChar) : value;
}

function escapeChar(char: string): string {
  return char === '\\' ? '\\\\' : char === '\n' ? '\\n' : char === '\r' ? '\\r' : '\\t';
}

/** One row of COPY text (tab-separated, newline-terminated) from values in staging-column order. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : '\t') + copyValue(values[i]);
  return `${line}\n`;
}

/**
 * A temporary table in the current transaction that rows are COPYed into, moved on by the caller's
 * INSERT … SELECT, then emptied for the next batch.
 */
export class CopyStage {
  private constructor(
    private readonly client: PoolClient,
    readonly table: string,
    private readonly columns: readonly StageColumn[],
    private readonly target: string,
  ) {}

  /**
   * Creates the staging table. `target` is the real table the rows are for: the PII exemptions of its
   * columns apply when the rows' text is checked.
   */
  static async create(
    manager: EntityManager,
    table: string,
    target: string,
    columns: readonly StageColumn[],
  ): Promise<CopyStage> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('A COPY stage must be created inside a transaction');
    if (!/^\w+$/.test(table) || columns.some((c) => !/^\w+$/.test(c.name)))
      throw new Error('Staging table and column names must be plain identifiers');
    const definition = columns.map((c) => `${c.name} ${c.type}`).join(', ');
    // A stage of the same name left by an earlier writer in this transaction is replaced.
    await runner.query(`DROP TABLE IF EXISTS pg_temp.${table}`);
    await runner.query(`CREATE TEMPORARY TABLE ${table} (${definition}) ON COMMIT DROP`);
    const client = (await runner.connect()) as PoolClient;
    return new CopyStage(client, table, columns, target);
  }

  /**
   * COPYs rows (values in column order) into the stage. `text` is checked for PII first, as rawWrite
   * checks a raw write's text: `validatedByImportSchema` for rows the import schema has checked.
   */
  async copy(rows: readonly (readonly CopyValue[])[], text: RawWriteText): Promise<void> {
    if (rows.length === 0) return;
    if (text !== 'validatedByImportSchema') {
      const options: PiiCheckOptions = {
        allowKeys: Object.hasOwn(PII_COLUMN_EXEMPTIONS, this.target)
          ? PII_COLUMN_EXEMPTIONS[this.target]
          : [],
      };
      assertNoPii(text, options);
    }
    const names = this.columns.map((c) => c.name).join(', ');
    // One batch's text (a few MB at most, never the file) handed to the stream at once: the COPY then
    // runs to its end without waiting for this busy event loop to feed it chunk by chunk.
    let data = '';
    for (const row of rows) data += copyLine(row);
    const stream = this.client.query(copyFrom(`COPY ${this.table} (${names}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.once('finish', resolve);
      stream.once('error', reject);
      stream.end(data);
    });
  }

  /** Empties the stage for the next batch (the table stays until the transaction ends). */
  async clear(): Promise<void> {
    await this.client.query(`TRUNCATE ${this.table}`);
  }
}
