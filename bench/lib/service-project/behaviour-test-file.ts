import type { ServiceModule } from './service-module.js';

/**
 * `<module>.behaviour.test.ts`: vitest tests of the module's permissions, export, notifications and
 * events.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.behaviour.test.ts`, behaviourTestFile(module));
 */
export function behaviourTestFile(module: ServiceModule): string {
  const { pascal: type, camel } = module;
  return `import { describe, expect, it } from 'vitest';
import { money } from '../lib/money.js';
import { createLogger } from '../observability/logger.js';
import { describe${type}Event, dispatch${type}Event, parse${type}Event } from './${module.name}.events.js';
import { ${camel}sToCsv, parseCsvLine, parse${type}Import } from './${module.name}.export.js';
import type { ${type} } from './${module.name}.model.js';
import { dedupe${type}Notifications, ${camel}Notifications, should${type}Notify } from './${module.name}.notifications.js';
import { can${type}, redact${type}, type Actor } from './${module.name}.permissions.js';

function a${type}(overrides: Partial<${type}> = {}): ${type} {
  return {
    id: 1,
    accountId: 7,
    amount: money(12_50, 'EUR'),
    status: 'pending',
    reference: 'ref-1',
    note: null,
    externalId: null,
    attempts: 0,
    dueAt: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),${module.child === undefined ? '' : '\n    lines: [],'}
    ...overrides,
  };
}

const finance: Actor = { userId: 1, accountIds: [7], roles: ['finance'], mfa: false };

describe('${module.name} permissions', () => {
  it('lets finance complete a small item of its own account', () => {
    expect(can${type}(finance, 'complete', a${type}())).toEqual({ allowed: true });
  });

  it('asks for a second factor above the threshold', () => {
    expect(can${type}(finance, 'complete', a${type}({ amount: money(10_000_000, 'EUR') })).allowed).toBe(false);
  });

  it('refuses items of another account', () => {
    expect(can${type}(finance, 'read', a${type}({ accountId: 8 })).allowed).toBe(false);
  });

  it('shows viewers only the public fields', () => {
    const viewer: Actor = { ...finance, roles: ['viewer'] };
    expect(Object.keys(redact${type}(viewer, a${type}()))).toEqual(['id', 'status', 'reference', 'createdAt']);
  });
});

describe('${module.name} export', () => {
  it('quotes cells with commas and neutralises formulas', () => {
    const csv = ${camel}sToCsv([a${type}({ reference: '=SUM(A1)' }), a${type}({ id: 2, reference: 'a,b' })]);
    expect(csv).toContain("'=SUM(A1)");
    expect(parseCsvLine(csv.split('\\r\\n')[2] ?? '')[2]).toBe('a,b');
  });

  it('reports import rows that do not validate, with their line', () => {
    const result = parse${type}Import('account_id,reference,amount,currency\\n7,ref-1,100,EUR\\nx,ref-2,100,EUR\\n7,ref-3,-1,EUR');
    expect(result.rows).toHaveLength(1);
    expect(result.errors.map((error) => error.line)).toEqual([3, 4]);
  });
});

describe('${module.name} notifications', () => {
  const recipient = { email: 'a@example.com', phone: '+100', webhookUrl: null, locale: 'en' as const, optedOut: [] };

  it('notifies on completion but not on drafts', () => {
    expect(should${type}Notify('active', 'completed')).toBe(true);
    expect(should${type}Notify('draft', 'draft')).toBe(false);
  });

  it('texts only failures', () => {
    expect(${camel}Notifications(a${type}({ status: 'failed' }), recipient).map((message) => message.channel)).toEqual(['email', 'sms']);
    expect(${camel}Notifications(a${type}({ status: 'completed' }), recipient).map((message) => message.channel)).toEqual(['email']);
  });

  it('drops duplicates', () => {
    const messages = ${camel}Notifications(a${type}({ status: 'completed' }), recipient);
    expect(dedupe${type}Notifications([...messages, ...messages])).toHaveLength(1);
  });
});

describe('${module.name} events', () => {
  it('parses known topics and ignores others', () => {
    expect(parse${type}Event('${module.name}.completed', { id: 3 })).toEqual({ type: '${module.name}.completed', id: 3 });
    expect(parse${type}Event('other.completed', { id: 3 })).toBeUndefined();
  });

  it('dispatches to the matching handler', async () => {
    const seen: number[] = [];
    const handled = await dispatch${type}Event({ type: '${module.name}.completed', id: 4 }, { completed: async (event) => { seen.push(event.id); } }, createLogger());
    expect(handled).toBe(true);
    expect(seen).toEqual([4]);
  });

  it('describes events for the audit log', () => {
    expect(describe${type}Event({ type: '${module.name}.cancelled', id: 5, reason: 'duplicate' })).toContain('duplicate');
  });
});
`;
}
