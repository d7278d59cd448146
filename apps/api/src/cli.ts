import { join } from 'node:path';
import { ALL_ENTITIES } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import { ConfigError, EmbeddedPostgres, loadConfig, runMigrations, startEmbeddedPostgres } from '@lbi/server';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';

/**
 * `npm run cli -- <command>`: operator commands against DATABASE_URL, or, when it is unset, against
 * the embedded database the demo uses (under LBI_DATA_DIR/pglite, migrated first). PGlite's folder
 * can be open in one process only: stop the demo or the API first.
 */
async function main(): Promise<number> {
  const config = loadConfig(process.env, { requireJwtSecret: false });
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const dataDir = join(config.dataDir, 'pglite');
    process.stderr.write(`DATABASE_URL is unset: using the embedded database in ${dataDir}\n`);
    embedded = await startEmbeddedPostgres({ dataDir, maxConnections: 4 });
    databaseUrl = embedded.url;
  }
  let failure: Error | undefined;
  try {
    await runMigrations({ url: databaseUrl, entities: ALL_ENTITIES, migrations: MIGRATIONS });
    await CommandFactory.run(CliModule.forRoot({ config, databaseUrl }), {
      logger: ['error', 'warn'],
      cliName: 'npm run cli --',
      // Commander would exit the process itself (bad options, --help): throw instead, so the
      // embedded database is closed cleanly below.
      errorHandler: (error) => {
        throw error;
      },
      serviceErrorHandler: (error) => {
        failure = error;
      },
    });
  } catch (error) {
    const exitCode = (error as { exitCode?: unknown }).exitCode;
    if (typeof exitCode === 'number') return exitCode;
    throw error;
  } finally {
    await embedded?.stop();
  }
  if (!failure) return 0;
  // Commander's own errors (unknown command, missing option, --help) have been printed already.
  const exitCode = (failure as { exitCode?: unknown }).exitCode;
  if (typeof exitCode === 'number') return exitCode;
  process.stderr.write(`${failure.message}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
