import { PiiCheckOptions, assertNoPii } from '@lbi/pii';
import {
  EntityMetadata,
  EntitySubscriberInterface,
  EventSubscriber,
  InsertEvent,
  ObjectLiteral,
  UpdateEvent,
} from 'typeorm';

/**
 * Per-table exemptions, by database column name. `users.email` is the account login: the one
 * personal field the platform holds (see User). `users.hashed_password` needs no entry: secrets are
 * never read (defaultValueScan in @lbi/pii).
 */
export const PII_COLUMN_EXEMPTIONS: Readonly<Record<string, readonly string[]>> = {
  users: ['email'],
};

/**
 * The last line of the PII guard (ARCHITECTURE.md convention 6): before every insert and update that
 * TypeORM broadcasts, the row (its columns by database name; jsonb columns walked as nested objects)
 * goes through assertNoPii, and a PiiViolationError (field and kind, never the value) stops the write.
 * The API answers it with 400 (AllExceptionsFilter).
 *
 * What it sees: `save()`, `insert()`, `update()`, `upsert()` and query-builder inserts and updates with
 * their value sets. What bypasses it: raw SQL (`query()`), query builders with `.callListeners(false)`,
 * `INSERT ... SELECT` and `set({ col: () => 'sql' })` expressions. Bulk writes that take one of those
 * paths for speed (CSV imports) must call assertNoPii on their rows themselves, before writing.
 */
@EventSubscriber()
export class PiiSubscriber implements EntitySubscriberInterface<ObjectLiteral> {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    checkRow(event.metadata, event.entity);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    checkRow(event.metadata, event.entity);
  }
}

/** The row as it will be written: database column name -> value, undefined (unset) columns left out. */
export function rowOf(metadata: EntityMetadata, entity: ObjectLiteral): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    const value: unknown = column.getEntityValue(entity);
    if (value !== undefined) row[column.databaseName] = value;
  }
  return row;
}

/** Throws PiiViolationError when the row holds PII outside its table's exemptions. */
export function checkRow(metadata: EntityMetadata, entity: ObjectLiteral | undefined): void {
  if (!entity) return;
  const table = metadata.tableName;
  const options: PiiCheckOptions = {
    allowKeys: Object.hasOwn(PII_COLUMN_EXEMPTIONS, table) ? PII_COLUMN_EXEMPTIONS[table] : [],
  };
  assertNoPii(rowOf(metadata, entity), options);
}
