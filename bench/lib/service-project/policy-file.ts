import type { ServiceModule } from './service-module.js';

/**
 * `<module>.policy.ts`: the module's business rules as pure functions (limits, fees, retry
 * schedule, summaries): most of a real service's code is of this kind, not queries.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.policy.ts`, policyFile(module));
 */
export function policyFile(module: ServiceModule): string {
  const { pascal: type, camel, child, variant } = module;
  const upper = module.name.replaceAll('-', '_').toUpperCase();
  const limit = 1_000_000 + (variant % 7) * 250_000;
  const lineRules = child === undefined
    ? ''
    : `
export function ${camel}LinesTotal(lines: readonly { quantity: number; unitAmountMinor: number; taxRateBps: number }[], currency: Currency): Money {
  return lines.reduce((total, line) => {
    const net = money(line.quantity * line.unitAmountMinor, currency);
    return add(total, add(net, applyBasisPoints(net, line.taxRateBps)));
  }, money(0, currency));
}

export function validate${child.pascal}s(lines: readonly { sku: string; quantity: number }[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.sku)) problems.push(\`sku \${line.sku} appears twice\`);
    seen.add(line.sku);
    if (line.quantity > 1_000) problems.push(\`sku \${line.sku}: quantity over 1000 needs a manual review\`);
  }
  return problems;
}
`;
  return `import { addMinutes, isBefore } from '../lib/clock.js';
import { add, applyBasisPoints, compare, money, type Currency, type Money } from '../lib/money.js';
import { ${upper}_STATUSES, type ${type}, type ${type}Status, type ${type}Summary } from './${module.name}.model.js';

export const ${upper}_LIMIT_MINOR = ${String(limit)};
export const ${upper}_MAX_ATTEMPTS = ${String(3 + (variant % 3))};

export interface ${type}FeeTier {
  upToMinor: number;
  basisPoints: number;
  fixedMinor: number;
}

export const ${upper}_FEE_TIERS: readonly ${type}FeeTier[] = [
  { upToMinor: 10_000, basisPoints: ${String(290 + (variant % 5) * 10)}, fixedMinor: 30 },
  { upToMinor: 100_000, basisPoints: ${String(250 + (variant % 5) * 10)}, fixedMinor: 25 },
  { upToMinor: Number.MAX_SAFE_INTEGER, basisPoints: ${String(190 + (variant % 5) * 10)}, fixedMinor: 0 },
];

export interface ${type}Draft {
  amountMinor: number;
  currency: Currency;
  reference: string;
  dueAt: Date | null;
}

export function validate${type}(draft: ${type}Draft, now: Date): string[] {
  const problems: string[] = [];
  if (draft.amountMinor <= 0) problems.push('amount must be positive');
  if (draft.amountMinor > ${upper}_LIMIT_MINOR) problems.push(\`amount over the limit of \${String(${upper}_LIMIT_MINOR)}\`);
  if (!/^[A-Za-z0-9_-]+$/.test(draft.reference)) problems.push('reference may hold letters, digits, - and _ only');
  if (draft.dueAt !== null && isBefore(draft.dueAt, now)) problems.push('due date is in the past');
  if (draft.currency === 'JPY' && draft.amountMinor % 1 !== 0) problems.push('JPY has no minor unit');
  return problems;
}

export function ${camel}Fee(amount: Money): Money {
  const tier = ${upper}_FEE_TIERS.find((candidate) => amount.amountMinor <= candidate.upToMinor) ?? ${upper}_FEE_TIERS[${upper}_FEE_TIERS.length - 1];
  if (tier === undefined) return money(0, amount.currency);
  return add(applyBasisPoints(amount, tier.basisPoints), money(tier.fixedMinor, amount.currency));
}

export function ${camel}NetAmount(amount: Money): Money {
  const fee = ${camel}Fee(amount);
  return compare(fee, amount) >= 0 ? money(0, amount.currency) : money(amount.amountMinor - fee.amountMinor, amount.currency);
}

/** Exponential backoff in minutes, capped at a day. */
export function next${type}AttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= ${upper}_MAX_ATTEMPTS) return null;
  const minutes = Math.min(2 ** attempts * ${String(1 + (variant % 4))}, 24 * 60);
  return addMinutes(now, minutes);
}

export function is${type}Overdue(${camel}: Pick<${type}, 'dueAt' | 'status'>, now: Date): boolean {
  if (${camel}.dueAt === null) return false;
  if (${camel}.status === 'completed' || ${camel}.status === 'cancelled') return false;
  return isBefore(${camel}.dueAt, now);
}

export function ${camel}Priority(${camel}: Pick<${type}, 'amount' | 'attempts' | 'dueAt'>, now: Date): number {
  const age = ${camel}.dueAt === null ? 0 : Math.max(0, now.getTime() - ${camel}.dueAt.getTime()) / 3_600_000;
  const size = Math.log10(Math.max(${camel}.amount.amountMinor, 1));
  return Math.round((age * 2 + size * 3 - ${camel}.attempts) * 100) / 100;
}

export function sort${type}sByPriority<T extends Pick<${type}, 'amount' | 'attempts' | 'dueAt' | 'id'>>(items: readonly T[], now: Date): T[] {
  return [...items].sort((a, b) => ${camel}Priority(b, now) - ${camel}Priority(a, now) || a.id - b.id);
}

export function summarize${type}s(rows: readonly { status: string; currency: string; count: number | string | bigint; total: number | string | bigint | null }[]): ${type}Summary {
  const byStatus = Object.fromEntries(${upper}_STATUSES.map((status) => [status, 0])) as Record<${type}Status, number>;
  const totals = new Map<Currency, number>();
  let count = 0;
  for (const row of rows) {
    const rowCount = Number(row.count);
    count += rowCount;
    if (row.status in byStatus) byStatus[row.status as ${type}Status] += rowCount;
    const currency = row.currency as Currency;
    totals.set(currency, (totals.get(currency) ?? 0) + Number(row.total ?? 0));
  }
  return { count, byStatus, totals: [...totals].map(([currency, amount]) => money(amount, currency)) };
}

export function ${camel}Label(${camel}: Pick<${type}, 'reference' | 'status' | 'amount'>): string {
  const status = ${camel}.status.charAt(0).toUpperCase() + ${camel}.status.slice(1);
  return \`\${${camel}.reference} · \${status} · \${String(${camel}.amount.amountMinor / 100)} \${${camel}.amount.currency}\`;
}
${lineRules}`;
}
