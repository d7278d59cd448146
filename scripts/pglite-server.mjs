// Embedded PostgreSQL for the default (no DATABASE_URL) mode: PGlite behind pglite-socket, so the
// platform connects with the ordinary `pg` driver. Started as a child process by the API, the demo
// and the test setup. Prints PGLITE_READY when it accepts connections.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { parseArgs } from 'node:util';

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
keepExtendedQueriesTogether(server.queryQueue);
await server.start();
process.stdout.write(`PGLITE_READY ${values.port}\n`);

/**
 * pglite-socket queues every protocol message of every connection on its own and, outside a
 * transaction, runs them in arrival order: the Parse/Bind/Execute/Sync of one connection's query can
 * then interleave with another connection's, which clobbers the unnamed statement and portal
 * ("portal \"\" does not exist", or another query's rows). A browser's parallel requests do exactly
 * that. Here, once a connection has started an extended-protocol sequence, only its messages run until
 * its Sync (as inside a transaction), so each query runs whole. The queue's other behaviour is kept.
 */
function keepExtendedQueriesTogether(queue) {
  // Message types that end a unit of work: Sync, simple Query, Terminate, CopyDone, CopyFail; a
  // startup packet (no type byte, so its first byte is the length's 0) also stands alone.
  const ENDS_SEQUENCE = new Set([0x53, 0x51, 0x58, 0x63, 0x66, 0x00]);
  let openHandler = null;
  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const sticky = openHandler ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let item;
        if (sticky !== null) {
          const index = this.queue.findIndex((entry) => entry.handlerId === sticky);
          if (index === -1) break; // wait for that connection's next message
          item = this.queue.splice(index, 1)[0];
        } else {
          item = this.queue.shift();
        }
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          openHandler = null;
          item.reject(error);
          continue;
        }
        openHandler = ENDS_SEQUENCE.has(item.message[0]) ? null : item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clearQueueForHandler(handlerId);
    // A connection that went away mid-query must not hold the others back.
    if (openHandler === handlerId) {
      openHandler = null;
      void queue.processQueue();
    }
  };
}

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
