import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../domain/clock.js';
import { createTokenService, TOKEN_ISSUER } from './token.service.js';

const secret = 'token-test-secret-0123456789abcdefghijkl';
const start = Date.parse('2025-01-01T00:00:00.000Z');
const iat = start / 1000;

function clockAt(ms: number): Clock {
  return { now: () => new Date(ms) };
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function part(token: string, index: number): unknown {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8'));
}

function codeOf(verify: () => unknown): unknown {
  try {
    verify();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'accepted';
}

describe('createTokenService', () => {
  const tokens = createTokenService({ secret, ttlSeconds: 3600, clock: clockAt(start) });

  it('issues an HS256 JWT with sub, iat, exp and iss that it verifies', () => {
    const { accessToken, ...rest } = tokens.issue('usr_1');
    expect(rest).toEqual({ tokenType: 'Bearer', expiresIn: 3600 });
    expect(part(accessToken, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(part(accessToken, 1)).toEqual({ sub: 'usr_1', iat, exp: iat + 3600, iss: TOKEN_ISSUER });
    expect(tokens.verify(accessToken)).toBe('usr_1');
  });

  it('verifies a token signed by another standard HS256 implementation with the same secret', async () => {
    const token = await sign({ sub: 'usr_2', iat, exp: iat + 60, iss: TOKEN_ISSUER }, secret, 'HS256');
    expect(tokens.verify(token)).toBe('usr_2');
  });

  it('answers token_expired for a valid token at or after its exp, and unauthorized before checking time on a bad one', async () => {
    const { accessToken } = tokens.issue('usr_1');
    const later = createTokenService({ secret, ttlSeconds: 3600, clock: clockAt(start + 3600 * 1000) });
    expect(codeOf(() => later.verify(accessToken))).toBe('token_expired');
    const forged = await sign({ sub: 'usr_1', iat, exp: iat - 1, iss: TOKEN_ISSUER }, 'another-secret-0123456789abcdefghijklmnop', 'HS256');
    expect(codeOf(() => tokens.verify(forged))).toBe('unauthorized');
  });

  it('refuses a foreign signature, a tampered payload or signature, and alg none', async () => {
    const { accessToken } = tokens.issue('usr_1');
    const [header = '', payload = '', signature = ''] = accessToken.split('.');
    const tampered = `${header}.${encode({ sub: 'usr_admin', iat, exp: iat + 3600, iss: TOKEN_ISSUER })}.${signature}`;
    const flipped = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const none = `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const foreign = await sign({ sub: 'usr_1', iat, exp: iat + 60, iss: TOKEN_ISSUER }, 'another-secret-0123456789abcdefghijklmnop', 'HS256');
    for (const token of [tampered, flipped, none, foreign]) {
      expect(codeOf(() => tokens.verify(token))).toBe('unauthorized');
    }
  });

  it('refuses another algorithm even when it is signed with the secret', async () => {
    const token = await sign({ sub: 'usr_1', iat, exp: iat + 60, iss: TOKEN_ISSUER }, secret, 'HS512');
    expect(codeOf(() => tokens.verify(token))).toBe('unauthorized');
  });

  it('refuses another issuer, a missing or empty sub, and a missing exp', async () => {
    const claims = [
      { sub: 'usr_1', iat, exp: iat + 60, iss: 'someone-else' },
      { sub: 'usr_1', iat, exp: iat + 60 },
      { iat, exp: iat + 60, iss: TOKEN_ISSUER },
      { sub: '', iat, exp: iat + 60, iss: TOKEN_ISSUER },
      { sub: 42, iat, exp: iat + 60, iss: TOKEN_ISSUER },
      { sub: 'usr_1', iat, iss: TOKEN_ISSUER },
    ];
    for (const claim of claims) {
      const token = await sign(claim, secret, 'HS256');
      expect(codeOf(() => tokens.verify(token))).toBe('unauthorized');
    }
  });

  it('refuses malformed tokens', () => {
    const { accessToken } = tokens.issue('usr_1');
    const [header = '', payload = '', signature = ''] = accessToken.split('.');
    const malformed = [
      '',
      'garbage',
      `${header}.${payload}`,
      `${accessToken}.extra`,
      `${header}.${payload}.${signature}=`,
      `${header}..${signature}`,
      `${encode('not an object')}.${payload}.${signature}`,
      `${header}.${Buffer.from('not json').toString('base64url')}.${signature}`,
    ];
    for (const token of malformed) {
      expect([token, codeOf(() => tokens.verify(token))]).toEqual([token, 'unauthorized']);
    }
  });
});
