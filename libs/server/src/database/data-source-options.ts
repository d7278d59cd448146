import { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { PiiSubscriber } from './pii.subscriber';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

export interface DataSourceInputs {
  url: string;
  entities: EntityList;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  poolSize?: number;
  applicationName?: string;
}

/**
 * The one way the platform connects to PostgreSQL, real or embedded. Migrations are the only
 * schema path: synchronize stays off everywhere (ARCHITECTURE.md convention 11). Every insert and
 * update TypeORM broadcasts passes the PII subscriber (see PiiSubscriber for what bypasses it).
 */
export function buildDataSourceOptions(inputs: DataSourceInputs): DataSourceOptions {
  return {
    type: 'postgres',
    url: inputs.url,
    entities: inputs.entities,
    migrations: inputs.migrations,
    subscribers: [PiiSubscriber],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    applicationName: inputs.applicationName ?? 'lbi',
    poolSize: inputs.poolSize ?? 10,
    extra: { connectionTimeoutMillis: 10_000 },
  };
}
