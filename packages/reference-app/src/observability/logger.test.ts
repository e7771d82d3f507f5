import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createRequestLineLogger } from './logger.js';

describe('createLogger', () => {
  it('censors credentials, tokens and card-like fields at the top level and one level down', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    });
    const logger = createLogger({ destination });
    logger.info(
      {
        password: 'p1',
        token: 't1',
        authorization: 'Bearer t2',
        body: { password: 'p2', accessToken: 't3', cardNumber: '4111111111111111', cvv: '123' },
        headers: { authorization: 'Bearer t4', cookie: 'sid=c1' },
      },
      'payload',
    );
    const line = lines.join('');
    for (const secret of ['p1', 'p2', 't1', 'Bearer', 't3', '4111', '"123"', 'sid=']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
  });

  it('writes request lines to the same destination, still censoring top-level credentials', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    });
    createRequestLineLogger(createLogger({ destination })).info({ requestId: 'req-1', authorization: 'Bearer t1', password: 'p1' }, 'request completed');
    const line = lines.join('');
    expect(line).toContain('"requestId":"req-1"');
    expect(line).not.toContain('t1');
    expect(line).not.toContain('p1');
  });
});
