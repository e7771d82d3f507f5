import { describe, expect, it } from 'vitest';
import { createTransactionRetryPolicy } from './transaction-retry.js';

function codedError(code: string): Error & { code: string } {
  return Object.assign(new Error(`database said ${code}`), { code });
}

describe('createTransactionRetryPolicy', () => {
  it('re-runs the whole transaction after a serialization failure or a deadlock', async () => {
    let attempts = 0;
    const result = await createTransactionRetryPolicy().execute(() => {
      attempts += 1;
      if (attempts === 1) {
        return Promise.reject(codedError('40001'));
      }
      if (attempts === 2) {
        return Promise.reject(codedError('40P01'));
      }
      return Promise.resolve('committed');
    });
    expect([result, attempts]).toEqual(['committed', 3]);
  });

  it('gives up after the attempt budget and rethrows the last failure', async () => {
    let attempts = 0;
    const run = createTransactionRetryPolicy(3).execute(() => {
      attempts += 1;
      return Promise.reject(codedError('40P01'));
    });
    await expect(run).rejects.toMatchObject({ code: '40P01' });
    expect(attempts).toBe(3);
  });

  it('does not retry any other error', async () => {
    let attempts = 0;
    const run = createTransactionRetryPolicy().execute(() => {
      attempts += 1;
      return Promise.reject(codedError('23505'));
    });
    await expect(run).rejects.toMatchObject({ code: '23505' });
    expect(attempts).toBe(1);
  });
});
