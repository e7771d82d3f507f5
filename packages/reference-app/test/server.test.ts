import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageRoot = path.resolve(import.meta.dirname, '..');

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly stdout: string[];
  readonly stderr: string[];
}

/** Starts `src/main.ts` the way `npm start` starts `dist/main.js`, on an ephemeral port. */
function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${stdout.join('')}\n${stderr.join('')}`));
    }, 20_000);
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk.toString('utf8'));
      const match = /listening on (http:\/\/localhost:\d+)/.exec(stdout.join(''));
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: match[1], stdout, stderr });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${stdout.join('')}\n${stderr.join('')}`));
    });
  });
}

function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.on('exit', (code) => {
      resolve(code);
    });
    started.child.kill('SIGTERM');
  });
}

/**
 * Sends a chunked body over a real socket (no Content-Length) and returns the status and body:
 * `bytes` spaces, or `payload` when given.
 */
function postChunked(url: string, bytes: number, payload?: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    const chunk = payload ?? Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = (): void => {
      while (sent < bytes) {
        const size = Math.min(chunk.length, bytes - sent);
        sent += size;
        if (!req.write(chunk.subarray(0, size))) {
          req.once('drain', write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

describe('the started server', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'faultline-server-'));
  let server: Started;

  beforeAll(async () => {
    server = await start({ DATABASE_URL: path.join(dataDir, 'nested', 'faultline.db') });
  }, 30_000);
  afterAll(() => {
    if (server.child.exitCode === null) {
      server.child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints its URL and docs URL, and warns about the generated JWT secret on stderr', () => {
    expect(server.stdout.join('')).toContain(`API docs at ${server.url}/docs`);
    expect(server.stderr.join('')).toContain('JWT_SECRET is not set');
  });

  it('answers /healthz and serves the docs over HTTP', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    expect((await fetch(`${server.url}/docs`)).status).toBe(200);
  });

  it('runs an authenticated flow over real HTTP on the SQLite file, demo users included', async () => {
    const post = (pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
      fetch(`${server.url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post('/v1/auth/register', { email: 'http@example.com', password: 'correct horse' })).status).toBe(201);
    const login = await post('/v1/auth/login', { email: 'alice@example.com', password: 'faultline-demo' });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    const transfer = await post('/v1/transfers', { to: 'http@example.com', amount: 500 }, { ...auth, 'idempotency-key': 'server-test-1' });
    expect(transfer.status).toBe(201);
    expect(transfer.headers.get('x-request-id')).toBeTruthy();
    const balance = await fetch(`${server.url}/v1/balance`, { headers: auth });
    expect(((await balance.json()) as { available: number }).available).toBe(100_000 - 575);
  });

  it('refuses a chunked body over 1 MiB with a 413 problem', async () => {
    const { status, body } = await postChunked(server.url, 1024 * 1024 + 10);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('refuses a body whose Content-Length is over 1 MiB with a 413 problem', async () => {
    const res = await fetch(`${server.url}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'big@example.com', password: 'x'.repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('reads a chunked JSON body under the limit', async () => {
    const payload = Buffer.from(JSON.stringify({ email: 'chunked@example.com', password: 'correct horse' }));
    const { status, body } = await postChunked(server.url, payload.length, payload);
    expect(status).toBe(201);
    expect(JSON.parse(body)).toMatchObject({ user: { email: 'chunked@example.com' } });
  });

  it('answers a POST without a body as malformed_json and a body without a content type as 415', async () => {
    // fetch sends `Content-Length: 0` and no content type for a bodiless POST.
    const bodiless = await fetch(`${server.url}/v1/auth/login`, { method: 'POST' });
    expect(bodiless.status).toBe(400);
    expect(await bodiless.json()).toMatchObject({ code: 'malformed_json' });
    const untyped = await fetch(`${server.url}/v1/auth/login`, { method: 'POST', body: new Blob(['{}']) });
    expect(untyped.status).toBe(415);
    expect(await untyped.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('stops on SIGTERM after closing the server and the database, with exit code 0', async () => {
    const code = await stop(server);
    expect(code).toBe(0);
    expect(server.stdout.join('')).toContain('"msg":"stopped"');
  });
});
