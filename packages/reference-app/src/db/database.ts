import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

/** Which SQL engine a {@link Database} talks to. */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * A Kysely instance with the facts the services need about it.
 *
 * @example
 * const database = createDatabase(':memory:');
 * await database.db.selectFrom('users').selectAll().execute();
 * await database.close();
 */
export interface Database {
  /** The query builder. Transactions: `db.transaction().execute(async (trx) => …)`. */
  readonly db: Kysely<DB>;
  readonly dialect: SqlDialect;
  /** Releases the connection (SQLite) or drains the pool (PostgreSQL). Idempotent. */
  close(): Promise<void>;
}

/**
 * Which engine a Kysely handle (a database or a transaction) runs on, for the few statements
 * written differently per engine.
 *
 * @param db - database or transaction handle
 * @example
 * if (getSqlDialect(trx) === 'sqlite') { … }
 */
export function getSqlDialect(db: Kysely<DB>): SqlDialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

const INT8_OID = 20;

function parseInt8(value: string): number {
  const parsed = Number(value);
  // Money and counts must stay exact; a value past 2^53 is a bug we want loudly.
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError('A bigint column holds a value outside the safe integer range.');
  }
  return parsed;
}

function createPgTypes(): pg.TypeOverrides {
  // Per pool, not pg's global registry: no module-level side effect on other pg users.
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, 'text', parseInt8);
  return types;
}

/**
 * Kysely's SQLite driver prepares every query anew; the service runs a small, fixed set of SQL
 * texts, so prepared statements are kept and reused (bounded, oldest evicted). Safe because the
 * driver runs one query at a time on the connection and never streams.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      sqlite.close();
    },
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        if (statements.size >= capacity) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) {
            statements.delete(oldest);
          }
        }
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function wrap(db: Kysely<DB>, dialect: SqlDialect): Database {
  let closing: Promise<void> | undefined;
  return {
    db,
    dialect,
    close() {
      closing ??= db.destroy();
      return closing;
    },
  };
}

/**
 * Opens SQLite through better-sqlite3 with WAL, a busy timeout and foreign keys on.
 *
 * @param filename - a file path (its folder is created) or `:memory:`
 * @example
 * const database = createSqliteDatabase('./data/faultline.db');
 */
export function createSqliteDatabase(filename: string): Database {
  if (filename !== ':memory:') {
    mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  }
  const sqlite = new BetterSqlite3(filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Fewer, larger checkpoints (hot pages are copied back once per 10k WAL pages, not per 1k),
  // and a 64 MiB page cache instead of 2 MiB.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('cache_size = -65536');
  return wrap(new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }), 'sqlite');
}

/**
 * Opens a PostgreSQL pool whose `int8` values come back as safe integers.
 *
 * @param config - `pg` pool settings (connection string, size, `options` such as a search path)
 * @example
 * const database = createPostgresDatabase({ connectionString: process.env.DATABASE_URL, max: 10 });
 */
export function createPostgresDatabase(config: pg.PoolConfig): Database {
  const pool = new pg.Pool({ max: 10, ...config, types: createPgTypes() });
  return wrap(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}

/**
 * Opens the database a `DATABASE_URL` names: `postgres://…`/`postgresql://…` → PostgreSQL,
 * anything else → a SQLite file (or `:memory:`).
 *
 * @param url - the setting's value
 * @example
 * const database = createDatabase(config.databaseUrl);
 */
export function createDatabase(url: string): Database {
  return /^postgres(ql)?:\/\//i.test(url) ? createPostgresDatabase({ connectionString: url }) : createSqliteDatabase(url);
}
