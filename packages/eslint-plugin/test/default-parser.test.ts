import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// Plain JavaScript linted with ESLint's own parser (espree): no parser services at all, not even
// the node maps typescript-eslint's parser always provides.
const code = `
import { Hono } from 'hono';
const app = new Hono();
app.post('/transfer', async (c) => {
  try {
    await db.updateTable('accounts').set({ balance: 1 }).where('id', '=', 1).execute();
    await db.updateTable('accounts').set({ balance: 2 }).where('id', '=', 2).execute();
  } catch (err) {
    return c.json({ message: err.message }, 500);
  }
  await db.transaction().execute(async (trx) => {
    await db.insertInto('ledger').values({ amount: 1 }).execute();
  });
  fetch('/x').catch(() => {});
  return c.json({ ok: true });
});
export class Orders {
  async place(order) {
    await db.insertInto('orders').values(order).execute();
    await db.updateTable('stock').set({ count: 0 }).execute();
  }
}
export function isActive(user) {
  if (!user) return null;
  if (user.active) return true;
  return false;
}
`;

describe('with the default parser', () => {
  it.each(Object.keys(plugin.rules))('%s lints JavaScript without crashing', (name) => {
    const linter = new Linter();
    const config: Linter.Config[] = [
      { ...plugin.configs.all, files: ['**/*.js'], languageOptions: {}, rules: { [`faultline/${name}`]: 'error' } },
    ];
    const messages = linter.verify(code, config, 'service.js');
    expect(messages.filter((message) => message.fatal === true || message.ruleId === null)).toEqual([]);
  });

  it('still reports what needs no types', () => {
    const linter = new Linter();
    const messages = linter.verify(code, [{ ...plugin.configs.all, files: ['**/*.js'], languageOptions: {} }], 'service.js');
    expect(new Set(messages.map((message) => message.ruleId))).toEqual(
      new Set([
        'faultline/no-swallowed-error',
        'faultline/no-error-leak',
        'faultline/require-transaction',
        'faultline/no-transaction-escape',
        'faultline/consistent-return-type',
      ]),
    );
  });
});
