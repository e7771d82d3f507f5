import { describe, expect, it } from 'vitest';
import { createIdGenerator } from './ids.js';

describe('createIdGenerator', () => {
  it('mints a prefix, ten time characters and sixteen random characters in Crockford base32', () => {
    const ids = createIdGenerator(() => Date.parse('2025-01-01T00:00:00.000Z'));
    expect(ids.next('tr')).toMatch(/^tr_01JGFJJZ00[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('never repeats, also across many refills of its entropy', () => {
    const ids = createIdGenerator(() => 0);
    const minted = new Set(Array.from({ length: 5000 }, () => ids.next('le')));
    expect(minted.size).toBe(5000);
  });

  it('keeps two generators independent', () => {
    const a = createIdGenerator(() => 0);
    const b = createIdGenerator(() => 0);
    expect(a.next('x')).not.toBe(b.next('x'));
  });
});
