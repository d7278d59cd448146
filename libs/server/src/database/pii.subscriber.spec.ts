import { PiiViolationError } from '@lbi/pii';
import { EntityMetadata, InsertEvent, ObjectLiteral, UpdateEvent } from 'typeorm';
import { PiiSubscriber, rowOf } from './pii.subscriber';

/** Just enough EntityMetadata: a table name and columns (property name -> database name). */
function metadataOf(tableName: string, columns: Record<string, string>): EntityMetadata {
  return {
    tableName,
    columns: Object.entries(columns).map(([propertyName, databaseName]) => ({
      propertyName,
      databaseName,
      getEntityValue: (entity: ObjectLiteral) => entity[propertyName],
    })),
  } as unknown as EntityMetadata;
}

const clients = metadataOf('clients', { id: 'id', name: 'name', createdAt: 'created_at' });
const users = metadataOf('users', {
  id: 'id',
  clientId: 'client_id',
  email: 'email',
  hashedPassword: 'hashed_password',
  role: 'role',
  isActive: 'is_active',
});
const signals = metadataOf('demand_signals', {
  clientId: 'client_id',
  metric: 'metric',
  eventName: 'event_name',
  startDate: 'start_date',
  metadata: 'metadata',
  sourceUrl: 'source_url',
  value: 'value',
});

const insert = (metadata: EntityMetadata, entity: ObjectLiteral | undefined) =>
  ({ metadata, entity }) as InsertEvent<ObjectLiteral>;
const update = (metadata: EntityMetadata, entity: ObjectLiteral | undefined) =>
  ({ metadata, entity }) as UpdateEvent<ObjectLiteral>;

/** The error an insert throws, or undefined when it passes. */
function insertError(metadata: EntityMetadata, entity: ObjectLiteral): PiiViolationError | undefined {
  try {
    new PiiSubscriber().beforeInsert(insert(metadata, entity));
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(PiiViolationError);
    return error as PiiViolationError;
  }
}

describe('PiiSubscriber', () => {
  const subscriber = new PiiSubscriber();

  it('builds the row by database column name and leaves unset columns out', () => {
    const createdAt = new Date('2026-01-01T00:00:00Z');
    expect(rowOf(users, { clientId: null, hashedPassword: 'h', isActive: true, createdAt })).toEqual({
      client_id: null,
      hashed_password: 'h',
      is_active: true,
    });
    expect(rowOf(clients, { name: 'Acme', createdAt })).toEqual({ name: 'Acme', created_at: createdAt });
  });

  it('lets clean rows through', () => {
    expect(insertError(clients, { name: 'Main Street Business Association' })).toBeUndefined();
    expect(
      insertError(signals, {
        clientId: '5d1c2f8e-3b7a-4c1e-9f6d-2a8b7c6d5e4f',
        metric: 'B25003_002E',
        eventName: '2026 Main Street Festival',
        startDate: '2026-05-01',
        metadata: { annotation: '-666666666', counts: { owner_occupied: 1200 }, vintage: '2023' },
        sourceUrl:
          'https://api.census.gov/data/2023/acs/acs5?get=B25003_002E&for=zip%20code%20tabulation%20area:19002',
        value: 2155550142,
      }),
    ).toBeUndefined();
  });

  it('refuses a PII value in a column, naming the column and the kind, never the value', () => {
    const error = insertError(clients, { name: 'Call 215-555-0142' });
    expect(error?.violations).toEqual([{ path: 'name', kind: 'phone-number value' }]);
    expect(error?.message).toBe(
      'PII is not accepted: field "name" contains a phone number (value). Remove it and try again.',
    );
    expect(error?.message).not.toContain('215-555-0142');
    expect(insertError(clients, { name: '123 Main St' })?.violations).toEqual([
      { path: 'name', kind: 'street-address value' },
    ]);
  });

  it('walks jsonb columns as nested objects: PII keys and values at any depth', () => {
    const error = insertError(signals, {
      metric: 'event',
      metadata: { contact: { owner_name: 'Jane Quimby' }, notes: ['ok', 'email jane@example.com'] },
    });
    expect(error?.violations).toEqual([
      { path: 'metadata.contact.owner_name', kind: 'person-name key' },
      { path: 'metadata.notes[1]', kind: 'email value' },
    ]);
    expect(error?.message).not.toMatch(/Jane|jane@example\.com/);
  });

  it('exempts exactly users.email, and never reads the password hash', () => {
    const user = {
      email: 'analyst@agency.example',
      hashedPassword: '$argon2id$v=19$m=19456,t=2,p=1$MTIzIE1haW4gU3Q$215-555-0142 123 Main St',
      role: 'analyst',
      isActive: true,
    };
    expect(insertError(users, user)).toBeUndefined();
    expect(insertError(users, { ...user, role: 'jane@example.com' })?.violations).toEqual([
      { path: 'role', kind: 'email value' },
    ]);
    // The exemption belongs to the users table: an email column anywhere else is refused.
    const elsewhere = metadataOf('channels', { name: 'name', email: 'email' });
    expect(insertError(elsewhere, { name: 'HOA', email: 'board@hoa.example' })?.violations).toEqual([
      { path: 'email', kind: 'email key' },
      { path: 'email', kind: 'email value' },
    ]);
  });

  it('checks updates the same way, including partial value sets from update()', () => {
    expect(() => subscriber.beforeUpdate(update(clients, { name: 'Acme Roofing' }))).not.toThrow();
    expect(() => subscriber.beforeUpdate(update(clients, { name: 'SSN 123-45-6789' }))).toThrow(
      'PII is not accepted: field "name" contains a Social Security number (value). Remove it and try again.',
    );
    expect(() => subscriber.beforeUpdate(update(signals, { metadata: { phone: '1' } }))).toThrow(
      /field "metadata.phone" looks like a phone number \(key\)/,
    );
  });

  it('ignores events without an entity', () => {
    expect(() => subscriber.beforeInsert(insert(clients, undefined))).not.toThrow();
    expect(() => subscriber.beforeUpdate(update(clients, undefined))).not.toThrow();
  });

  it('is not fooled by a table named like an Object.prototype member', () => {
    const odd = metadataOf('constructor', { email: 'email' });
    expect(insertError(odd, { email: 'x@example.com' })?.violations[0]).toEqual({
      path: 'email',
      kind: 'email key',
    });
  });
});
