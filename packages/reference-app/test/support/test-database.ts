import type { Database } from '../../src/db/database.js';
import { createSqliteDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedSystemAccounts } from '../../src/db/seed.js';

/** A migrated, seeded database for one test, and how to get rid of it. */
export interface TestDatabase {
  readonly database: Database;
  /** Closes the connection and drops whatever the test created. Idempotent. */
  readonly cleanup: () => Promise<void>;
}

/** Creates a fresh database for one test. The suites take one of these per dialect. */
export type CreateTestDatabase = () => Promise<TestDatabase>;

/** The currency every suite runs in. */
export const TEST_CURRENCY = 'CNY';

/**
 * Migrates and seeds a database the way `main.ts` does.
 *
 * @param database - an empty database
 */
export async function prepareDatabase(database: Database): Promise<void> {
  await migrateToLatest(database);
  await seedSystemAccounts(database, TEST_CURRENCY, new Date('2025-01-01T00:00:00.000Z'));
}

/** A fresh in-memory SQLite database per call. */
export const createSqliteTestDatabase: CreateTestDatabase = async () => {
  const database = createSqliteDatabase(':memory:');
  await prepareDatabase(database);
  return { database, cleanup: () => database.close() };
};
