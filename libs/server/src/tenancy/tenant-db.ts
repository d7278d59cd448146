import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import { TenantContext } from './tenant-context';
import { TenantRepository } from './tenant-repository';

/** The NOLOGIN role tenant transactions run as; created by the row-level security migration. */
export const APP_DB_ROLE = 'lbi_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TenantDbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantDbError';
  }
}

interface OpenTenantTransaction {
  clientId: string;
  manager: EntityManager;
  /** False once committed or rolled back: later work that inherited the context must not join it. */
  active: boolean;
}

const openTransaction = new AsyncLocalStorage<OpenTenantTransaction>();

/**
 * The only way to reach tenant tables (ARCHITECTURE.md conventions 4-5). `run(clientId, fn)` opens a
 * transaction, drops to the non-superuser app role (so PostgreSQL row-level security applies even
 * when the connection is a superuser), sets `app.client_id` for this transaction only, and hands
 * scoped repositories to `fn`. Nested calls for the same tenant join the open transaction.
 */
@Injectable()
export class TenantDb {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(clientId: string, fn: (db: TenantTransaction) => Promise<T>): Promise<T> {
    if (!UUID.test(clientId)) throw new TenantDbError('A tenant id must be a UUID');
    const open = openTransaction.getStore();
    if (open?.active) {
      if (open.clientId !== clientId)
        throw new TenantDbError('A tenant transaction cannot switch to another tenant');
      return fn(new TenantTransaction(open.clientId, open.manager));
    }
    // The id is a checked UUID (the pattern above), so it is a safe literal.
    const enter = `SET LOCAL ROLE ${APP_DB_ROLE}; SELECT set_config('app.client_id', '${clientId.toLowerCase()}', true)`;
    // EntityManager.transaction's steps, with the tenant entered by the START TRANSACTION query itself.
    const runner = this.dataSource.createQueryRunner();
    try {
      await startTenantTransaction(runner, enter);
      const state: OpenTenantTransaction = { clientId, manager: runner.manager, active: true };
      let result: T;
      try {
        result = await openTransaction.run(state, () => fn(new TenantTransaction(clientId, runner.manager)));
      } finally {
        state.active = false;
      }
      await runner.commitTransaction();
      return result;
    } catch (error) {
      // The original error wins over a failed rollback (as in EntityManager.transaction).
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** `run` for the tenant of the current request or job. */
  forCurrentTenant<T>(fn: (db: TenantTransaction) => Promise<T>): Promise<T> {
    return this.run(TenantContext.requireClientId(), fn);
  }
}

/**
 * `runner.startTransaction()` (depth, events, state as TypeORM keeps them) whose START TRANSACTION
 * also carries `enter` (role and tenant) in one simple-protocol query: one round trip instead of two
 * on every tenant request. Should TypeORM ever send something else, `enter` runs on its own after it,
 * so the tenant is always entered before `fn`'s first query.
 */
async function startTenantTransaction(runner: QueryRunner, enter: string): Promise<void> {
  const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
  let entered = false;
  const folded = (sql: string, ...rest: unknown[]) => {
    if (entered || sql !== 'START TRANSACTION') return query(sql, ...rest);
    entered = true;
    return query(`START TRANSACTION; ${enter}`, ...rest);
  };
  runner.query = folded as QueryRunner['query'];
  try {
    await runner.startTransaction();
  } finally {
    // Back to the prototype's method for everything else on this connection.
    delete (runner as { query?: unknown }).query;
  }
  if (!entered) await runner.query(enter);
}

/** Runs `fn` detached from any open tenant transaction (background work started inside one). */
export function outsideTenantTransaction<T>(fn: () => T): T {
  return openTransaction.exit(fn);
}

/** What a tenant transaction offers: scoped repositories and, for set-based SQL, the manager. */
export class TenantTransaction {
  constructor(
    readonly clientId: string,
    /** Raw access inside the transaction; row-level security still confines it to the tenant. */
    readonly manager: EntityManager,
  ) {}

  repository<E extends ObjectLiteral & { clientId: string }>(entity: EntityTarget<E>): TenantRepository<E> {
    return new TenantRepository(this.manager.getRepository(entity), this.clientId);
  }
}
