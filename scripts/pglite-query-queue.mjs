// A query queue for pglite-socket that keeps each client's protocol exchanges whole.
//
// PGlite is ONE database session shared by every socket. pglite-socket's own queue hands the session
// to whichever client sent the next message, keeping it with one client only inside an explicit
// transaction. The extended query protocol (what `pg` uses for parameterised queries) sends
// Parse/Bind/Describe/Execute as separate messages and ends each exchange with Sync: another client's
// message between them lands in the middle of that exchange, and under concurrent requests the session
// answered the wrong client or dropped connections ("Connection terminated"). This queue gives the
// session to one client until it has finished an exchange (Sync, a simple Query, or Terminate) and is
// not inside a transaction; a failing message no longer stalls the queue for everyone.

/** Message types after which a client's exchange is complete. */
const EXCHANGE_ENDS = new Set(['S', 'Q', 'X']);

export class ExchangeQueryQueue {
  constructor(db) {
    this.db = db;
    this.queue = [];
    this.processing = false;
    /** The client whose exchange (or transaction) is in progress, or null. */
    this.owner = null;
  }

  enqueue(handlerId, message, onData) {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner);
        // The owner's next message has not arrived yet: everyone else waits for it.
        if (index < 0) break;
        const [query] = this.queue.splice(index, 1);
        let size = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(query.message, {
              onRawData: (data) => {
                size += data.length;
                query.onData(data);
              },
            }),
          );
        } catch (error) {
          query.reject(error);
          this.release(query.handlerId);
          continue;
        }
        const type = String.fromCharCode(query.message[0] ?? 0);
        // A startup message has no type letter (it begins with its length): it is a whole exchange.
        const ends = EXCHANGE_ENDS.has(type) || !/[A-Za-z]/.test(type);
        this.owner = ends && !this.db.isInTransaction() ? null : query.handlerId;
        query.resolve(size);
      }
    } finally {
      this.processing = false;
    }
  }

  release(handlerId) {
    if (this.owner === handlerId) this.owner = null;
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId) {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A client that disconnects mid-transaction or mid-exchange must not hold the session. */
  async clearTransactionIfNeeded(handlerId) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.process();
  }
}
