// The embedded default (PGlite behind pglite-socket) is one database session shared by every pooled
// connection. Concurrent clients must still each get their own answers, inside and outside
// transactions, and one client's failing statement must not stall or drop the others.
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@lbi/server';
import { Pool } from 'pg';

describe('embedded PostgreSQL under concurrent clients', () => {
  let embedded: EmbeddedPostgres;
  let pool: Pool;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ maxConnections: 12 });
    pool = new Pool({ connectionString: embedded.url, max: 8 });
  });
  afterAll(async () => {
    await pool?.end();
    await embedded?.stop();
  });

  it('answers 200 interleaved parameterised queries, each with its own value', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        // Each statement has its own text, so a Bind that reached another client's Parse would show;
        // a large parameter makes a message span several TCP reads, as real inserts do.
        const padding = 'x'.repeat(i % 4 === 0 ? 200_000 : 10);
        const { rows } = await pool.query<{ n: number; s: string; i: number; len: number }>(
          `SELECT $1::int AS n, $2::text AS s, ${i} AS i, length($3::text) AS len`,
          [i, `value ${i}`, padding],
        );
        return rows[0];
      }),
    );
    expect(answers).toEqual(
      Array.from({ length: 200 }, (_, i) => ({ n: i, s: `value ${i}`, i, len: i % 4 === 0 ? 200_000 : 10 })),
    );
  });

  it('keeps transactions of concurrent clients apart, and survives failing statements', async () => {
    await pool.query('CREATE TABLE IF NOT EXISTS concurrency_probe (client int, step int)');
    const work = Array.from({ length: 24 }, async (_, client) => {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        for (let step = 0; step < 5; step++) {
          await connection.query('INSERT INTO concurrency_probe (client, step) VALUES ($1, $2)', [
            client,
            step,
          ]);
        }
        const { rows } = await connection.query<{ count: string }>(
          'SELECT count(*) FROM concurrency_probe WHERE client = $1',
          [client],
        );
        if (client % 3 === 0) {
          // A statement error rolls this client back; the others go on.
          await expect(
            connection.query('SELECT * FROM no_such_table WHERE x = $1', [client]),
          ).rejects.toThrow(/no_such_table/);
          await connection.query('ROLLBACK');
          return { client, seen: Number(rows[0].count), committed: false };
        }
        await connection.query('COMMIT');
        return { client, seen: Number(rows[0].count), committed: true };
      } finally {
        connection.release();
      }
    });
    const results = await Promise.all(work);
    // Inside its transaction each client saw exactly its own five rows.
    expect(results.map((r) => r.seen)).toEqual(Array(24).fill(5));
    const { rows } = await pool.query<{ client: number; count: string }>(
      'SELECT client, count(*) FROM concurrency_probe GROUP BY client ORDER BY client',
    );
    const committed = results.filter((r) => r.committed).map((r) => ({ client: r.client, count: '5' }));
    expect(rows).toEqual(committed);
  });
});
