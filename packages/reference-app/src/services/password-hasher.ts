import { randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';

/**
 * Hashes and checks passwords.
 *
 * @example
 * const stored = await hasher.hash('correct horse');
 * await hasher.verify('correct horse', stored); // true
 */
export interface PasswordHasher {
  /** @param password - the plain password */
  hash(password: string): Promise<string>;
  /**
   * Constant-time check of a password against a stored hash. A malformed stored hash is `false`.
   *
   * @param password - the plain password
   * @param stored - an encoded hash from {@link PasswordHasher.hash}
   */
  verify(password: string, stored: string): Promise<boolean>;
  /** Spends the same time as a real check, for unknown users. Always resolves `false`. */
  verifyAgainstDummy(password: string): Promise<boolean>;
}

const KEY_LENGTH = 64;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

function derive(password: BinaryLike, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => {
      if (error === null) {
        resolve(key);
      } else {
        reject(error);
      }
    });
  });
}

/**
 * scrypt hasher storing `scrypt$N$r$p$<salt b64url>$<hash b64url>`. Old hashes keep verifying
 * when the cost changes, since the parameters are stored with each hash.
 *
 * @param cost - scrypt N (a power of two); default 16384
 * @example
 * const hasher = createScryptHasher(config.passwordHashCost);
 */
export function createScryptHasher(cost = 16_384): PasswordHasher {
  async function hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, { N: cost, r: BLOCK_SIZE, p: PARALLELISM });
    return ['scrypt', cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async function verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, expected] = stored.split('$');
    if (scheme !== 'scrypt' || salt === undefined || expected === undefined) {
      return false;
    }
    const expectedKey = Buffer.from(expected, 'base64url');
    const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
    return key.length === expectedKey.length && timingSafeEqual(key, expectedKey);
  }

  let dummy: Promise<string> | undefined;
  async function verifyAgainstDummy(password: string): Promise<boolean> {
    dummy ??= hash(randomBytes(16).toString('hex'));
    await verify(password, await dummy);
    return false;
  }

  return { hash, verify, verifyAgainstDummy };
}
