import type { Database } from '../db/database.js';
import { countUsers } from '../repositories/user.repository.js';
import type { Services } from './services.js';

/** The demo users created on a first start in development, with their password. */
export const demoUsers = [
  { email: 'alice@example.com', name: 'Alice', topUp: 100_000 },
  { email: 'bob@example.com', name: 'Bob', topUp: 0 },
] as const;

/** The demo users' password (development only). */
export const demoPassword = 'faultline-demo';

/**
 * On an empty database, registers the demo users and tops up Alice's wallet, so the docs page
 * has something to try. Never called in production.
 *
 * @param database - a migrated, seeded database
 * @param services - the services of the app
 * @returns whether demo data was created (false when users already exist)
 * @example
 * if (await seedDemoData(database, services)) logger.info('demo users created');
 */
export async function seedDemoData(database: Database, services: Services): Promise<boolean> {
  if ((await countUsers(database.db)) > 0) {
    return false;
  }
  for (const demo of demoUsers) {
    const user = await services.auth.register({ email: demo.email, password: demoPassword, name: demo.name });
    if (demo.topUp > 0) {
      await services.wallet.topUp(user.id, demo.topUp);
    }
  }
  return true;
}
