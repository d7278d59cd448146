// Embedded PostgreSQL for the default (no DATABASE_URL) mode: PGlite behind pglite-socket, so the
// platform connects with the ordinary `pg` driver. Started as a child process by the API, the demo
// and the test setup. Prints PGLITE_READY when it accepts connections.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { parseArgs } from 'node:util';
import { ExchangeQueryQueue } from './pglite-query-queue.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5432' },
    'data-dir': { type: 'string' },
    'max-connections': { type: 'string', default: '20' },
  },
});

const db = await PGlite.create(values['data-dir'] ?? undefined);
const server = new PGLiteSocketServer({
  db,
  host: '127.0.0.1',
  port: Number(values.port),
  maxConnections: Number(values['max-connections']),
});
// pglite-socket's own queue interleaves clients' extended-protocol exchanges: see ExchangeQueryQueue.
server.queryQueue = new ExchangeQueryQueue(db);
await server.start();
process.stdout.write(`PGLITE_READY ${values.port}\n`);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  try {
    await server.stop();
    await db.close();
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// The parent's death must not leave an orphan holding the data folder.
process.on('disconnect', shutdown);
setInterval(() => {
  if (process.ppid === 1) void shutdown();
}, 2000).unref();
