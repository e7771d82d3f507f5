import type { ServiceModule } from './service-module.js';

/**
 * `<module>.mapper.ts`: rows to domain objects and domain objects to the API's JSON.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.mapper.ts`, mapperFile(module));
 */
export function mapperFile(module: ServiceModule): string {
  const { pascal: type, camel, child } = module;
  const lineMapping = child === undefined
    ? ''
    : `
export interface ${child.pascal}Row {
  id: number;
  position: number;
  sku: string;
  description: string;
  quantity: number;
  unit_amount_minor: number;
  tax_rate_bps: number;
}

export function to${child.pascal}(row: ${child.pascal}Row, currency: Currency): ${child.pascal} {
  return {
    id: row.id,
    position: row.position,
    sku: row.sku,
    description: row.description,
    quantity: row.quantity,
    unitPrice: money(row.unit_amount_minor, currency),
    taxRateBps: row.tax_rate_bps,
  };
}
`;
  return `import { format, money, type Currency } from '../lib/money.js';
import { is${type}Status, type ${type}${child === undefined ? '' : `, type ${child.pascal}`} } from './${module.name}.model.js';

export interface ${type}Row {
  id: number;
  account_id: number;
  amount_minor: number;
  currency: string;
  status: string;
  reference: string;
  note: string | null;
  external_id: string | null;
  attempts: number;
  due_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const CURRENCIES = new Set<string>(['EUR', 'USD', 'GBP', 'CNY', 'JPY']);

function toCurrency(value: string): Currency {
  if (!CURRENCIES.has(value)) throw new TypeError(\`unknown currency in ${module.table}: \${value}\`);
  return value as Currency;
}
${lineMapping}
export function to${type}(row: ${type}Row${child === undefined ? '' : `, lines: ${child.pascal}Row[] = []`}): ${type} {
  if (!is${type}Status(row.status)) throw new TypeError(\`unknown status in ${module.table}: \${row.status}\`);
  const currency = toCurrency(row.currency);
  return {
    id: row.id,
    accountId: row.account_id,
    amount: money(row.amount_minor, currency),
    status: row.status,
    reference: row.reference,
    note: row.note,
    externalId: row.external_id,
    attempts: row.attempts,
    dueAt: row.due_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,${child === undefined ? '' : `\n    lines: lines.map((line) => to${child.pascal}(line, currency)),`}
  };
}

export function present${type}(${camel}: ${type}) {
  return {
    id: ${camel}.id,
    accountId: ${camel}.accountId,
    amount: { amountMinor: ${camel}.amount.amountMinor, currency: ${camel}.amount.currency, display: format(${camel}.amount) },
    status: ${camel}.status,
    reference: ${camel}.reference,
    note: ${camel}.note,
    dueAt: ${camel}.dueAt?.toISOString() ?? null,
    createdAt: ${camel}.createdAt.toISOString(),
    updatedAt: ${camel}.updatedAt.toISOString(),${child === undefined ? '' : `\n    lines: ${camel}.lines.map((line) => ({ ...line, unitPrice: format(line.unitPrice) })),`}
  };
}
`;
}
