import type { ServiceModule } from './service-module.js';

/**
 * `<module>.model.ts`: the domain types, the status machine and the module's errors. Imports
 * neither hono nor kysely.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.model.ts`, modelFile(module));
 */
export function modelFile(module: ServiceModule): string {
  const { pascal: type, camel, child } = module;
  const upper = module.name.replaceAll('-', '_').toUpperCase();
  const lines = child === undefined
    ? ''
    : `
export interface ${child.pascal} {
  id: number;
  position: number;
  sku: string;
  description: string;
  quantity: number;
  unitPrice: Money;
  taxRateBps: number;
}
`;
  return `import { ConflictError, DomainError, NotFoundError } from '../lib/errors.js';
import type { Money } from '../lib/money.js';

export const ${upper}_STATUSES = ['draft', 'pending', 'active', 'completed', 'cancelled', 'failed'] as const;
export type ${type}Status = (typeof ${upper}_STATUSES)[number];
${lines}
export interface ${type} {
  id: number;
  accountId: number;
  amount: Money;
  status: ${type}Status;
  reference: string;
  note: string | null;
  externalId: string | null;
  attempts: number;
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;${child === undefined ? '' : `\n  lines: ${child.pascal}[];`}
}

export interface ${type}Filter {
  accountId: number;
  status?: ${type}Status | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  reference?: string | undefined;
}

export interface ${type}Summary {
  count: number;
  byStatus: Record<${type}Status, number>;
  totals: Money[];
}

const TRANSITIONS: Record<${type}Status, readonly ${type}Status[]> = {
  draft: ['pending', 'cancelled'],
  pending: ['active', 'cancelled', 'failed'],
  active: ['completed', 'cancelled', 'failed'],
  completed: [],
  cancelled: [],
  failed: ['pending'],
};

export function can${type}Transition(from: ${type}Status, to: ${type}Status): boolean {
  return TRANSITIONS[from].includes(to);
}

export function is${type}Final(status: ${type}Status): boolean {
  return TRANSITIONS[status].length === 0;
}

export function is${type}Status(value: string): value is ${type}Status {
  return (${upper}_STATUSES as readonly string[]).includes(value);
}

export class ${type}NotFoundError extends NotFoundError {
  override name = '${type}NotFoundError';
  constructor(readonly ${camel}Id: number) {
    super(\`${module.name} \${String(${camel}Id)} not found\`, '${module.name.replaceAll('-', '_')}_not_found');
  }
}

export class ${type}StateError extends ConflictError {
  override name = '${type}StateError';
  constructor(
    readonly from: ${type}Status,
    readonly to: ${type}Status,
  ) {
    super(\`${module.name} cannot go from \${from} to \${to}\`, '${module.name.replaceAll('-', '_')}_invalid_transition');
  }
}

export class ${type}ValidationError extends DomainError {
  override name = '${type}ValidationError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '), '${module.name.replaceAll('-', '_')}_invalid');
  }
}
`;
}
