import { randomBytes } from 'node:crypto';

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
  return {
    next(prefix) {
      return `${prefix}_${encodeTime(now())}${encodeRandom(randomBytes(16))}`;
    },
  };
}
