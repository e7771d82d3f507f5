import { describe, expect, it } from 'vitest';
import { createScryptHasher } from './password-hasher.js';

describe('createScryptHasher', () => {
  const hasher = createScryptHasher(1024);

  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hasher.hash('correct horse');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await hasher.verify('correct horse', stored)).toBe(true);
    expect(await hasher.verify('correct horsE', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
  });

  it('keeps verifying hashes made with another cost', async () => {
    const stored = await createScryptHasher(2048).hash('correct horse');
    expect(await hasher.verify('correct horse', stored)).toBe(true);
  });

  it('treats a malformed stored hash as a mismatch, and a dummy check as one too', async () => {
    expect(await hasher.verify('x', 'plaintext')).toBe(false);
    expect(await hasher.verifyAgainstDummy('anything')).toBe(false);
  });
});
