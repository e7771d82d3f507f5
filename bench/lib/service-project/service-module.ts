/** One feature module of the generated service: a folder owning one table (and sometimes a child table). */
export interface ServiceModule {
  /** kebab-case folder and file prefix: `payment`, `payment-2`. */
  name: string;
  /** PascalCase type prefix: `Payment`, `Payment2`. */
  pascal: string;
  /** camelCase value prefix: `payment`, `payment2`. */
  camel: string;
  /** The table the module owns: `payments`. */
  table: string;
  /** A child table (`payment_lines`) for one module in four, as orders have lines. */
  child: { table: string; pascal: string } | undefined;
  /** Whether the module calls an external HTTP API (one module in two). */
  gateway: boolean;
  /** Another module this one depends on (services call across modules). */
  peer: { name: string; pascal: string; camel: string };
  /** Picks the module's flavour: which writes are transactional, which catches swallow, … */
  variant: number;
}

const ENTITIES = [
  'payment', 'order', 'invoice', 'refund', 'customer', 'product', 'shipment', 'coupon', 'ledger-entry', 'wallet',
  'subscription', 'plan', 'transfer', 'ledger-account', 'merchant', 'payout', 'dispute', 'charge', 'address', 'review',
  'cart', 'inventory-item', 'warehouse', 'supplier', 'purchase-order', 'credit-note', 'tax-rate', 'price-list', 'discount', 'voucher',
  'fulfillment', 'return-request', 'carrier', 'delivery-slot', 'notification', 'webhook', 'api-key', 'team', 'member', 'invitation',
  'session', 'audit-entry', 'report', 'export-job', 'import-job', 'settlement', 'fee-schedule', 'exchange-rate', 'bank-account', 'mandate',
  'chargeback', 'loyalty-card', 'gift-card', 'bundle', 'category', 'attachment', 'comment', 'ticket', 'sla-policy', 'region',
];

function pascal(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function camel(name: string): string {
  const value = pascal(name);
  return value.charAt(0).toLowerCase() + value.slice(1);
}

function plural(name: string): string {
  const snake = name.replaceAll('-', '_');
  if (snake.endsWith('y') && !snake.endsWith('ay')) return `${snake.slice(0, -1)}ies`;
  return snake.endsWith('s') || snake.endsWith('x') ? `${snake}es` : `${snake}s`;
}

/**
 * The `index`-th module: entity names cycle, with a numeric suffix past the list.
 *
 * @param index - the module's position, from 0
 * @example
 * createServiceModule(0).table; // 'payments'
 */
export function createServiceModule(index: number): ServiceModule {
  const base = ENTITIES[index % ENTITIES.length] ?? 'item';
  const round = Math.floor(index / ENTITIES.length);
  const name = round === 0 ? base : `${base}-${String(round + 1)}`;
  const peerIndex = index === 0 ? 1 : index - 1;
  const peerBase = ENTITIES[peerIndex % ENTITIES.length] ?? 'item';
  const peerRound = Math.floor(peerIndex / ENTITIES.length);
  const peerName = peerRound === 0 ? peerBase : `${peerBase}-${String(peerRound + 1)}`;
  return {
    name,
    pascal: pascal(name),
    camel: camel(name),
    table: plural(name),
    child: index % 4 === 0 ? { table: `${name.replaceAll('-', '_')}_lines`, pascal: `${pascal(name)}Line` } : undefined,
    gateway: index % 2 === 0,
    peer: { name: peerName, pascal: pascal(peerName), camel: camel(peerName) },
    variant: index,
  };
}
