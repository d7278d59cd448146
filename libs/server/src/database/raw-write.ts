import { PiiCheckOptions, assertNoPii, findPii } from '@lbi/pii';
import { EntityManager } from 'typeorm';
import { PII_COLUMN_EXEMPTIONS } from './pii.subscriber';

/**
 * What a raw write's text is checked against before it runs:
 * - the text values by column name (`{ error_message: …, details: {…} }`), walked by findPii exactly
 *   as the PII subscriber walks an entity's row (a column's name decides how its value is scanned);
 * - `validatedByImportSchema`: bulk import rows whose every text cell the import schema already ran
 *   through the same detectors (import-schemas.ts), so scanning millions of cells twice buys nothing.
 */
export type RawWriteText = Record<string, unknown> | 'validatedByImportSchema';

/**
 * The one way to run an INSERT or UPDATE as raw SQL (which the TypeORM PII subscriber cannot see):
 * the text it writes passes the PII guard first, and a PiiViolationError (field and kind, never the
 * value) stops it. A test fails when raw INSERT/UPDATE SQL is sent any other way.
 */
export async function rawWrite(
  manager: EntityManager,
  table: string,
  sql: string,
  params: unknown[],
  text: RawWriteText,
): Promise<{ affected: number; rows: unknown[] }> {
  if (text !== 'validatedByImportSchema') {
    const options: PiiCheckOptions = {
      allowKeys: Object.hasOwn(PII_COLUMN_EXEMPTIONS, table) ? PII_COLUMN_EXEMPTIONS[table] : [],
    };
    assertNoPii(text, options);
  }
  const runner = manager.queryRunner;
  if (runner) {
    const result = (await runner.query(sql, params, true)) as { affected?: number; records?: unknown[] };
    return { affected: result.affected ?? 0, rows: result.records ?? [] };
  }
  const result: unknown = await manager.query(sql, params);
  // pg through TypeORM answers [rows, count] for UPDATE … RETURNING and rows for INSERT … RETURNING.
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') {
    return { affected: result[1], rows: Array.isArray(result[0]) ? (result[0] as unknown[]) : [] };
  }
  return { affected: Array.isArray(result) ? result.length : 0, rows: Array.isArray(result) ? result : [] };
}

/** Stored failure texts are written and shown to every role: one that holds PII is withheld. */
export const WITHHELD_ERROR_MESSAGE =
  'The job failed; its error message was withheld because it contained personal data.';

export function errorMessageWithoutPii(message: string | null): string | null {
  if (message === null) return null;
  return findPii(message).length > 0 ? WITHHELD_ERROR_MESSAGE : message;
}

/** Failure details are stored like failure messages: a structure that holds PII is replaced. */
export function detailsWithoutPii(details: Record<string, unknown>): Record<string, unknown> {
  return findPii(details).length > 0 ? { withheld: WITHHELD_ERROR_MESSAGE } : details;
}
