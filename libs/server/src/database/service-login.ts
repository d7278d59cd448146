import { Client } from 'pg';

/** The NOLOGIN role (created by the migrations) that holds what the API and workers may do. */
export const SERVICE_DB_ROLE = 'lbi_service';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates (or updates the password of) the login the API and workers connect as: not a superuser,
 * not the owner of any table, no BYPASSRLS; a member of `lbi_service`, so it has exactly the table
 * privileges the migrations grant that role and may switch to `lbi_app` in tenant transactions.
 * Run by `npm run migration:run` as the database owner when APP_DATABASE_USER is set.
 */
export async function ensureServiceLogin(ownerUrl: string, user: string, password: string): Promise<void> {
  if (!ROLE_NAME.test(user)) {
    throw new Error('APP_DATABASE_USER must be a lower-case PostgreSQL role name (letters, digits, _)');
  }
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const quotedPassword = (await client.query<{ q: string }>('SELECT quote_literal($1) AS q', [password]))
      .rows[0].q;
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user])).rowCount === 1;
    const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT';
    await client.query(
      exists
        ? `ALTER ROLE "${user}" ${attributes} PASSWORD ${quotedPassword}`
        : `CREATE ROLE "${user}" ${attributes} PASSWORD ${quotedPassword}`,
    );
    await client.query(`GRANT ${SERVICE_DB_ROLE} TO "${user}"`);
    const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    await client.query(`GRANT CONNECT ON DATABASE "${database}" TO "${user}"`);
  } finally {
    await client.end();
  }
}
