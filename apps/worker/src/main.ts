import { NestFactory } from '@nestjs/core';
import { ConfigError, describeConfig, loadConfig } from '@lbi/server';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  await app.init();
  logger.log({ msg: 'worker started', config: describeConfig(config) });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Closing lets the job in hand finish; Bull hands unfinished jobs to another worker.
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
