import type { ServiceModule } from './service-module.js';

/**
 * `<module>.permissions.ts`: who may do what with the module's items (pure, no I/O).
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.permissions.ts`, permissionsFile(module));
 */
export function permissionsFile(module: ServiceModule): string {
  const { pascal: type, camel, variant } = module;
  return `import type { ${type}, ${type}Status } from './${module.name}.model.js';

export type Role = 'owner' | 'admin' | 'finance' | 'support' | 'viewer';
export type ${type}Action = 'read' | 'create' | 'update' | 'complete' | 'cancel' | 'delete' | 'export';

export interface Actor {
  userId: number;
  accountIds: readonly number[];
  roles: readonly Role[];
  mfa: boolean;
}

const GRANTS: Record<Role, readonly ${type}Action[]> = {
  owner: ['read', 'create', 'update', 'complete', 'cancel', 'delete', 'export'],
  admin: ['read', 'create', 'update', 'complete', 'cancel', 'export'],
  finance: ['read', 'create', 'complete', 'export'],
  support: ['read', 'cancel'],
  viewer: ['read'],
};

/** Actions that move money need a second factor above this amount (minor units). */
const STEP_UP_THRESHOLD_MINOR = ${String(50_000 + (variant % 4) * 25_000)};

export type Decision = { allowed: true } | { allowed: false; reason: string };

function deny(reason: string): Decision {
  return { allowed: false, reason };
}

export function can${type}(actor: Actor, action: ${type}Action, ${camel}?: Pick<${type}, 'accountId' | 'amount' | 'status'>): Decision {
  if (!actor.roles.some((role) => GRANTS[role].includes(action))) return deny(\`no role grants \${action}\`);
  if (${camel} === undefined) return { allowed: true };
  if (!actor.accountIds.includes(${camel}.accountId)) return deny('the item belongs to another account');
  if ((action === 'complete' || action === 'cancel') && ${camel}.amount.amountMinor > STEP_UP_THRESHOLD_MINOR && !actor.mfa) {
    return deny('a second factor is required for this amount');
  }
  if (action === 'delete' && ${camel}.status !== 'draft') return deny('only drafts can be deleted');
  if (action === 'update' && !isEditable(${camel}.status)) return deny(\`\${${camel}.status} items cannot be edited\`);
  return { allowed: true };
}

function isEditable(status: ${type}Status): boolean {
  return status === 'draft' || status === 'pending';
}

export function visible${type}Fields(actor: Actor): readonly (keyof ${type})[] {
  const base: (keyof ${type})[] = ['id', 'status', 'reference', 'createdAt'];
  if (actor.roles.includes('viewer') && actor.roles.length === 1) return base;
  return [...base, 'accountId', 'amount', 'note', 'externalId', 'attempts', 'dueAt', 'updatedAt'];
}

export function redact${type}<T extends Partial<${type}>>(actor: Actor, ${camel}: T): Partial<T> {
  const visible = new Set<string>(visible${type}Fields(actor));
  return Object.fromEntries(Object.entries(${camel}).filter(([key]) => visible.has(key))) as Partial<T>;
}
`;
}
