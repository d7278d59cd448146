import { ALL_ENTITIES } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import { ConfigError, ensureServiceLogin, loadConfig, revertLastMigration, runMigrations } from '@lbi/server';

/** `npm run migration:run` / `migration:revert`: apply or undo migrations on DATABASE_URL. */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfig(process.env, { requireJwtSecret: false });
  if (!config.databaseUrl) {
    throw new ConfigError([
      'DATABASE_URL: set it to the PostgreSQL database to migrate (the embedded default migrates itself at start)',
    ]);
  }
  const inputs = { url: config.databaseUrl, entities: ALL_ENTITIES, migrations: MIGRATIONS };
  if (command === 'run') {
    const applied = await runMigrations(inputs);
    process.stdout.write(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n`
        : 'The schema is up to date.\n',
    );
    if (config.appDatabaseUser && config.appDatabasePassword) {
      await ensureServiceLogin(config.databaseUrl, config.appDatabaseUser, config.appDatabasePassword);
      process.stdout.write(
        `The API and workers can connect as "${config.appDatabaseUser}" (member of lbi_service, owns nothing).\n`,
      );
    }
  } else if (command === 'revert') {
    const reverted = await revertLastMigration(inputs);
    process.stdout.write(reverted ? 'Reverted the last migration.\n' : 'No migration to revert.\n');
  } else {
    throw new ConfigError([`unknown command "${command ?? ''}": use "run" or "revert"`]);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
