import type { ServiceModule } from './service-module.js';

/**
 * `<module>.schemas.ts`: the zod schemas of the module's HTTP bodies and queries.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.schemas.ts`, schemasFile(module));
 */
export function schemasFile(module: ServiceModule): string {
  const { pascal: type, camel, child } = module;
  const upper = module.name.replaceAll('-', '_').toUpperCase();
  const lines = child === undefined
    ? ''
    : `
export const ${camel}LineSchema = z.object({
  sku: z.string().min(1).max(64),
  description: z.string().max(500),
  quantity: z.number().int().positive().max(10_000),
  unitAmountMinor: z.number().int().nonnegative(),
  taxRateBps: z.number().int().min(0).max(5_000).default(0),
});
`;
  return `import { z } from 'zod';
import { ${upper}_STATUSES } from './${module.name}.model.js';

const currency = z.enum(['EUR', 'USD', 'GBP', 'CNY', 'JPY']);
${lines}
export const create${type}Schema = z.object({
  accountId: z.number().int().positive(),
  amountMinor: z.number().int().nonnegative(),
  currency,
  reference: z.string().min(1).max(64),
  note: z.string().max(500).nullable().default(null),
  dueAt: z.coerce.date().nullable().default(null),${child === undefined ? '' : `\n  lines: z.array(${camel}LineSchema).min(1).max(200),`}
});

export const update${type}Schema = z.object({
  amountMinor: z.number().int().nonnegative().optional(),
  reference: z.string().min(1).max(64).optional(),
  note: z.string().max(500).nullable().optional(),
  dueAt: z.coerce.date().nullable().optional(),
});

export const ${camel}QuerySchema = z.object({
  accountId: z.coerce.number().int().positive(),
  status: z.enum(${upper}_STATUSES).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.string().optional(),
  cursor: z.string().optional(),
});

export const ${camel}IdSchema = z.object({ id: z.coerce.number().int().positive() });

export type Create${type}Input = z.infer<typeof create${type}Schema>;
export type Update${type}Input = z.infer<typeof update${type}Schema>;
export type ${type}Query = z.infer<typeof ${camel}QuerySchema>;
`;
}
