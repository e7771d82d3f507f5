import { sign } from 'hono/jwt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { JWT_SECRET, createTestApp, expectProblem, type TestApp } from '../support/test-app.js';
import { anyString } from '../support/matchers.js';

function decodePart(token: string, index: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Registration, login, bearer tokens and the failed-login limit.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeAuthSuite(createDatabase: CreateTestDatabase): void {
  describe('auth', () => {
    let db: TestDatabase;
    let t: TestApp;

    beforeEach(async () => {
      db = await createDatabase();
      t = createTestApp(db.database);
    });
    afterEach(async () => {
      await db.cleanup();
    });

    describe('POST /v1/auth/register', () => {
      it('creates a user with a lower-cased email, a null name when omitted, and an empty wallet', async () => {
        const res = await t.json('POST', '/v1/auth/register', { email: 'Ada@Example.COM', password: 'correct horse' });
        expect(res.status).toBe(201);
        const body = (await res.json()) as { user: { id: string; email: string; name: unknown; createdAt: string } };
        expect(body).toEqual({
          user: { id: anyString, email: 'ada@example.com', name: null, createdAt: '2025-01-01T00:00:00.000Z' },
        });
        const login = await t.json('POST', '/v1/auth/login', { email: 'ada@example.com', password: 'correct horse' });
        const { accessToken } = (await login.json()) as { accessToken: string };
        const balance = await t.app.request('/v1/balance', { headers: { authorization: `Bearer ${accessToken}` } });
        expect(await balance.json()).toEqual({ accountId: anyString, currency: 'CNY', available: 0 });
      });

      it('keeps the name when one is given', async () => {
        const res = await t.json('POST', '/v1/auth/register', { email: 'grace@example.com', password: 'correct horse', name: 'Grace' });
        expect(((await res.json()) as { user: { name: string } }).user.name).toBe('Grace');
      });

      it('refuses an email that is already taken, whatever its case', async () => {
        await t.signUp('ada@example.com');
        const res = await t.json('POST', '/v1/auth/register', { email: 'ADA@example.com', password: 'another password' });
        await expectProblem(res, 409, 'email_taken');
      });

      it('lets exactly one of two concurrent registrations of one email through', async () => {
        const results = await Promise.all(
          [1, 2].map(() => t.json('POST', '/v1/auth/register', { email: 'race@example.com', password: 'correct horse' })),
        );
        expect(results.map((res) => res.status).sort()).toEqual([201, 409]);
      });

      it('rejects an invalid email, a short password and a long password with pointers', async () => {
        const res = await t.json('POST', '/v1/auth/register', { email: 'not-an-email', password: 'short' });
        const body = await expectProblem(res, 400, 'validation_failed');
        expect(body.errors).toEqual([
          { pointer: '/email', code: 'invalid_format', detail: anyString },
          { pointer: '/password', code: 'too_small', detail: 'Must be at least 8 characters.' },
        ]);
        const long = await t.json('POST', '/v1/auth/register', { email: 'a@example.com', password: 'x'.repeat(129) });
        expect((await expectProblem(long, 400, 'validation_failed')).errors).toEqual([
          { pointer: '/password', code: 'too_big', detail: 'Must be at most 128 characters.' },
        ]);
      });

      it('reports missing fields as required', async () => {
        const body = await expectProblem(await t.json('POST', '/v1/auth/register', {}), 400, 'validation_failed');
        expect(body.errors).toEqual([
          { pointer: '/email', code: 'required', detail: 'This field is required.' },
          { pointer: '/password', code: 'required', detail: 'This field is required.' },
        ]);
      });

      it('answers malformed and empty JSON bodies with malformed_json', async () => {
        await expectProblem(await t.json('POST', '/v1/auth/register', '{"email": '), 400, 'malformed_json');
        await expectProblem(await t.json('POST', '/v1/auth/register', ''), 400, 'malformed_json');
        await expectProblem(await t.app.request('/v1/auth/register', { method: 'POST' }), 400, 'malformed_json');
      });

      it('answers a body without a JSON content type with unsupported_media_type', async () => {
        const plain = await t.app.request('/v1/auth/register', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{"email":"a@example.com","password":"correct horse"}',
        });
        await expectProblem(plain, 415, 'unsupported_media_type');
        const none = await t.app.request('/v1/auth/register', { method: 'POST', body: '{}' });
        await expectProblem(none, 415, 'unsupported_media_type');
      });

      it('accepts a JSON content type with a charset', async () => {
        const res = await t.app.request('/v1/auth/register', {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ email: 'charset@example.com', password: 'correct horse' }),
        });
        expect(res.status).toBe(201);
      });
    });

    describe('POST /v1/auth/login', () => {
      it('issues an HS256 bearer token with sub, iat, exp and iss', async () => {
        const user = await t.signUp('ada@example.com');
        const res = await t.json('POST', '/v1/auth/login', { email: 'ADA@example.com', password: user.password });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { accessToken: string; tokenType: string; expiresIn: number };
        expect(body).toEqual({ accessToken: anyString, tokenType: 'Bearer', expiresIn: 3600 });
        expect(decodePart(body.accessToken, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
        const iat = Date.parse('2025-01-01T00:00:00.000Z') / 1000;
        expect(decodePart(body.accessToken, 1)).toEqual({ sub: user.id, iat, exp: iat + 3600, iss: 'faultline' });
      });

      it('gives the same answer, but for the request id, to a wrong password and an unknown email', async () => {
        await t.signUp('ada@example.com');
        const wrong = await expectProblem(await t.json('POST', '/v1/auth/login', { email: 'ada@example.com', password: 'wrong password' }), 401, 'invalid_credentials');
        const unknown = await expectProblem(await t.json('POST', '/v1/auth/login', { email: 'nobody@example.com', password: 'wrong password' }), 401, 'invalid_credentials');
        const strip = (body: Record<string, unknown>): Record<string, unknown> => ({ ...body, requestId: undefined, instance: undefined });
        expect(strip(wrong)).toEqual(strip(unknown));
      });

      it('rate-limits an email after 20 failed logins in 5 minutes, then lets it in again', async () => {
        const user = await t.signUp('ada@example.com');
        for (let attempt = 0; attempt < 20; attempt += 1) {
          const res = await t.json('POST', '/v1/auth/login', { email: 'ada@example.com', password: 'wrong password' });
          expect(res.status).toBe(401);
        }
        const limited = await t.json('POST', '/v1/auth/login', { email: 'ada@example.com', password: user.password });
        expect(limited.headers.get('retry-after')).toBe('300');
        await expectProblem(limited, 429, 'rate_limited');
        const other = await t.json('POST', '/v1/auth/login', { email: 'other@example.com', password: 'wrong password' });
        expect(other.status).toBe(401);
        t.clock.advance(300_000);
        const again = await t.json('POST', '/v1/auth/login', { email: 'ada@example.com', password: user.password });
        expect(again.status).toBe(200);
      });
    });

    describe('bearer tokens', () => {
      it('answers a missing token with unauthorized and WWW-Authenticate: Bearer', async () => {
        const res = await t.app.request('/v1/balance');
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        await expectProblem(res, 401, 'unauthorized');
      });

      it('answers a malformed, foreign-signed or unsigned token with unauthorized', async () => {
        const user = await t.signUp('ada@example.com');
        const iat = Math.floor(t.clock.now().getTime() / 1000);
        const claims = { sub: user.id, iat, exp: iat + 60, iss: 'faultline' };
        const foreign = await sign(claims, 'another-secret-0123456789abcdefghijklmnop', 'HS256');
        const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
        const otherIssuer = await sign({ ...claims, iss: 'someone-else' }, JWT_SECRET, 'HS256');
        for (const token of ['garbage', foreign, unsigned, otherIssuer]) {
          const res = await t.app.request('/v1/balance', { headers: { authorization: `Bearer ${token}` } });
          await expectProblem(res, 401, 'unauthorized');
        }
        const basic = await t.app.request('/v1/balance', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
        await expectProblem(basic, 401, 'unauthorized');
      });

      it('answers an expired token with token_expired', async () => {
        const user = await t.signUp('ada@example.com');
        t.clock.advance(3600 * 1000);
        const res = await t.app.request('/v1/balance', { headers: user.headers });
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
        await expectProblem(res, 401, 'token_expired');
      });
    });
  });
}
