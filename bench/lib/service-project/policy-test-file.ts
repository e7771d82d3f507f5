import type { ServiceModule } from './service-module.js';

/**
 * `<module>.policy.test.ts`: vitest tests of the module's business rules, which real services keep
 * beside the code and in the tsconfig.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.policy.test.ts`, policyTestFile(module));
 */
export function policyTestFile(module: ServiceModule): string {
  const { pascal: type, camel } = module;
  const upper = module.name.replaceAll('-', '_').toUpperCase();
  return `import { describe, expect, it } from 'vitest';
import { money } from '../lib/money.js';
import { can${type}Transition, is${type}Final } from './${module.name}.model.js';
import {
  ${camel}Fee,
  ${camel}Label,
  ${camel}NetAmount,
  is${type}Overdue,
  next${type}AttemptAt,
  sort${type}sByPriority,
  summarize${type}s,
  validate${type},
  ${upper}_LIMIT_MINOR,
  ${upper}_MAX_ATTEMPTS,
} from './${module.name}.policy.js';

const now = new Date('2026-01-15T10:00:00Z');

describe('${module.name} policy', () => {
  it('accepts a valid draft', () => {
    expect(validate${type}({ amountMinor: 1_000, currency: 'EUR', reference: 'ref-1', dueAt: null }, now)).toEqual([]);
  });

  it('rejects an amount over the limit', () => {
    const problems = validate${type}({ amountMinor: ${upper}_LIMIT_MINOR + 1, currency: 'EUR', reference: 'ref-1', dueAt: null }, now);
    expect(problems).toHaveLength(1);
  });

  it('rejects a due date in the past and a bad reference', () => {
    const problems = validate${type}({ amountMinor: 1, currency: 'USD', reference: 'no spaces', dueAt: new Date('2020-01-01') }, now);
    expect(problems).toHaveLength(2);
  });

  it('charges a fee that never exceeds the amount', () => {
    for (const amountMinor of [1, 99, 10_000, 250_000, 9_999_999]) {
      const amount = money(amountMinor, 'EUR');
      expect(${camel}NetAmount(amount).amountMinor).toBeGreaterThanOrEqual(0);
      expect(${camel}Fee(amount).currency).toBe('EUR');
    }
  });

  it('stops retrying after the last attempt', () => {
    expect(next${type}AttemptAt(${upper}_MAX_ATTEMPTS, now)).toBeNull();
    expect(next${type}AttemptAt(0, now)?.getTime()).toBeGreaterThan(now.getTime());
  });

  it('knows final statuses and allowed transitions', () => {
    expect(is${type}Final('completed')).toBe(true);
    expect(can${type}Transition('draft', 'pending')).toBe(true);
    expect(can${type}Transition('completed', 'pending')).toBe(false);
  });

  it('tells an overdue item from one that is done', () => {
    const dueAt = new Date('2026-01-01T00:00:00Z');
    expect(is${type}Overdue({ dueAt, status: 'pending' }, now)).toBe(true);
    expect(is${type}Overdue({ dueAt, status: 'completed' }, now)).toBe(false);
  });

  it('sorts the oldest and largest first', () => {
    const items = [
      { id: 1, amount: money(100, 'EUR'), attempts: 0, dueAt: new Date('2026-01-15T09:00:00Z') },
      { id: 2, amount: money(100_000, 'EUR'), attempts: 0, dueAt: new Date('2026-01-10T09:00:00Z') },
    ];
    expect(sort${type}sByPriority(items, now).map((item) => item.id)).toEqual([2, 1]);
  });

  it('summarizes counts by status and totals by currency', () => {
    const summary = summarize${type}s([
      { status: 'pending', currency: 'EUR', count: '2', total: '300' },
      { status: 'completed', currency: 'USD', count: 1, total: 50 },
    ]);
    expect(summary.count).toBe(3);
    expect(summary.byStatus.pending).toBe(2);
    expect(summary.totals).toHaveLength(2);
  });

  it('labels an item for people', () => {
    expect(${camel}Label({ reference: 'ref-9', status: 'active', amount: money(1_250, 'EUR') })).toBe('ref-9 · Active · 12.5 EUR');
  });
});
`;
}
