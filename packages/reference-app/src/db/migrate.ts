import { Migrator, type MigrationResult } from 'kysely';
import type { Database } from './database.js';
import { getMigrations } from './migrations/index.js';

/** A migration run that failed; `results` says which migration and `cause` why. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  /**
   * @param results - per-migration outcomes reported by Kysely
   * @param options - the underlying error as `cause`
   */
  constructor(
    readonly results: readonly MigrationResult[],
    options?: ErrorOptions,
  ) {
    const failed = results.find((result) => result.status === 'Error');
    super(`Database migration ${failed?.migrationName ?? '(before any migration)'} failed.`, options);
  }
}

/**
 * Brings the schema to the latest version. Kysely's `migrateToLatest` never throws — it returns
 * `{ error, results }` — so the error is checked here and thrown as a {@link MigrationError}.
 *
 * @param database - the database to migrate
 * @returns the names of the migrations applied by this run
 * @example
 * await migrateToLatest(database);
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrations = getMigrations(database.dialect);
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new MigrationError(results, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
