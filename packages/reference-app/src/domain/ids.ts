import { randomFillSync } from 'node:crypto';

/** A readable prefix naming the kind of id (`usr`, `acc`, `tr`, …). */
export type IdPrefix = string;

/**
 * Mints opaque, unique ids. Injected so tests can use predictable ids.
 *
 * @example
 * const id = ids.next('tr'); // 'tr_01JD…'
 */
export interface IdGenerator {
  /**
   * @param prefix - the kind of id
   */
  next(prefix: IdPrefix): string;
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i += 1) {
    out = (crockford[rest % 32] ?? '0') + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) {
    out += crockford[byte % 32] ?? '0';
  }
  return out;
}

/**
 * ULID-style ids (`<prefix>_` + 10 chars of milliseconds + 16 random chars): unique, roughly
 * time-ordered, and safe in URLs.
 *
 * @param now - the time source; default `Date.now`
 * @example
 * const ids = createIdGenerator();
 * ids.next('usr'); // 'usr_01JD3XK2M4QZ8P1R6T9VW0YBCD'
 */
export function createIdGenerator(now: () => number = Date.now): IdGenerator {
  // A transfer mints four ids; one randomBytes call each cost ~2 µs, so entropy is drawn from
  // the CSPRNG 4 KiB at a time and handed out 16 bytes per id.
  const pool = Buffer.alloc(4096);
  let offset = pool.length;
  return {
    next(prefix) {
      if (offset + 16 > pool.length) {
        randomFillSync(pool);
        offset = 0;
      }
      const random = pool.subarray(offset, offset + 16);
      offset += 16;
      return `${prefix}_${encodeTime(now())}${encodeRandom(random)}`;
    },
  };
}
