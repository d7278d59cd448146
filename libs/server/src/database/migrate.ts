import { DataSource } from 'typeorm';
import { DataSourceInputs, buildDataSourceOptions } from './data-source-options';

/** Applies every pending migration, each in its own transaction; returns the names applied. */
export async function runMigrations(inputs: DataSourceInputs): Promise<string[]> {
  const dataSource = await new DataSource(buildDataSourceOptions({ ...inputs, poolSize: 1 })).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the most recent migration; returns false when there was none. */
export async function revertLastMigration(inputs: DataSourceInputs): Promise<boolean> {
  const dataSource = await new DataSource(buildDataSourceOptions({ ...inputs, poolSize: 1 })).initialize();
  try {
    const before = await dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'typeorm_migrations'`,
    );
    if (before[0].n === 0) return false;
    const executed = await dataSource.query('SELECT count(*)::int AS n FROM typeorm_migrations');
    if (executed[0].n === 0) return false;
    await dataSource.undoLastMigration({ transaction: 'each' });
    return true;
  } finally {
    await dataSource.destroy();
  }
}
