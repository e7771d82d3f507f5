import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresDatabase } from '../../src/db/database.js';
import { prepareDatabase, type CreateTestDatabase } from './test-database.js';

/**
 * The PostgreSQL server the `reference-app-pg` project runs against. Fails loudly instead of
 * skipping: a PostgreSQL run without PostgreSQL must not look green.
 */
export function postgresUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url === undefined || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('The reference-app-pg tests need DATABASE_URL=postgres://… (see .ci/run).');
  }
  return url;
}

/**
 * A fresh schema per call on the `DATABASE_URL` server: the pool's `search_path` points at it,
 * so migrations, the migration table and every query stay inside; cleanup drops it.
 */
export const createPostgresTestDatabase: CreateTestDatabase = async () => {
  const url = postgresUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const database = createPostgresDatabase({ connectionString: url, max: 20, options: `-c search_path=${schema}` });
  await prepareDatabase(database);
  let cleaned = false;
  return {
    database,
    cleanup: async () => {
      if (cleaned) {
        return;
      }
      cleaned = true;
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await dropper.end();
      }
    },
  };
};
