import type { Kysely } from 'kysely';
import type { DB, UserRow } from '../db/schema.js';
import { toDate } from '../db/schema.js';
import { isUniqueViolation } from '../db/database-errors.js';
import type { User } from '../domain/user.js';
import { ConflictError } from '../errors/app-error.js';

/** A user with the stored password hash, for the login check only. */
export interface UserCredentials {
  readonly user: User;
  readonly passwordHash: string;
}

function toUser(row: Pick<UserRow, 'id' | 'email' | 'name' | 'created_at'>): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: toDate(row.created_at) };
}

/**
 * Inserts a user. A taken email (unique violation, also under a concurrent register) becomes
 * `email_taken`.
 *
 * @param db - database or transaction handle
 * @param user - the new user, email already normalised
 * @param passwordHash - the encoded hash
 * @throws {ConflictError} `email_taken`
 * @example
 * await insertUser(trx, user, await hasher.hash(password));
 */
export async function insertUser(db: Kysely<DB>, user: User, passwordHash: string): Promise<User> {
  try {
    await db
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email,
        name: user.name,
        password_hash: passwordHash,
        created_at: user.createdAt.toISOString(),
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError('email_taken', 'An account with this email already exists.', { cause: error });
    }
    throw error;
  }
  return user;
}

/**
 * Finds a user and the password hash by (normalised) email.
 *
 * @param db - database or transaction handle
 * @param email - lower-case email
 * @returns the credentials, or `undefined` when no user has this email
 * @example
 * const found = await findCredentialsByEmail(db, 'ada@example.com');
 */
export async function findCredentialsByEmail(db: Kysely<DB>, email: string): Promise<UserCredentials | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row === undefined ? undefined : { user: toUser(row), passwordHash: row.password_hash };
}

/**
 * Finds a user by id or by (normalised) email.
 *
 * @param db - database or transaction handle
 * @param idOrEmail - a user id, or a lower-case email
 * @returns the user, or `undefined` when none matches
 * @example
 * const recipient = await findUserByIdOrEmail(trx, 'bob@example.com');
 */
export async function findUserByIdOrEmail(db: Kysely<DB>, idOrEmail: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'created_at'])
    .where((eb) => eb.or([eb('id', '=', idOrEmail), eb('email', '=', idOrEmail)]))
    .executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}

/**
 * Counts users (used to decide whether to seed demo data).
 *
 * @param db - database or transaction handle
 * @example
 * if ((await countUsers(db)) === 0) { … }
 */
export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
