import { ConfigError, loadConfig } from '@lbi/server';
import { startApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const api = await startApi(config);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await api.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Boot failures (bad config, database unreachable) go to stderr in words, then exit non-zero.
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
