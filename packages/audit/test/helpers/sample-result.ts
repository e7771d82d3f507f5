import { AUDIT_SCHEMA_VERSION, type AuditResult, type AuditRule } from '../../src/audit-result.js';
import { makeFinding } from './make-finding.js';

const DOCS = 'https://github.com/faultline-dev/faultline/blob/main/docs/rules';

// Fixed here rather than read from the plugin, so that the snapshots change only with the reporters.
const RULES: AuditRule[] = [
  { id: 'consistent-return-type', source: 'rule', kind: 'ambiguous-result', description: 'Require a function to return one kind of result', helpUri: `${DOCS}/consistent-return-type.md` },
  { id: 'no-error-leak', source: 'rule', kind: 'internals-exposed', description: 'Disallow sending raw errors to clients', helpUri: `${DOCS}/no-error-leak.md` },
  { id: 'no-swallowed-error', source: 'rule', kind: 'invisible-failure', description: 'Disallow catch blocks that drop the error', helpUri: `${DOCS}/no-swallowed-error.md` },
  { id: 'require-transaction', source: 'rule', kind: 'inconsistent-data', description: 'Require a transaction around several writes', helpUri: `${DOCS}/require-transaction.md` },
  {
    id: 'cross-file-multi-write',
    source: 'analyzer',
    kind: 'inconsistent-data',
    description: 'Disallow functions that reach several database writes through calls without a transaction',
    helpUri: 'https://github.com/faultline-dev/faultline/blob/main/docs/audit.md#cross-file-multi-write',
  },
];

/**
 * A fixed audit result with one finding of each kind, a money path, a call chain, baseline
 * statuses and a problem: the input of every reporter snapshot.
 *
 * @example
 * const report = md(createSampleResult());
 */
export function createSampleResult(): AuditResult {
  const findings = [
    makeFinding({
      ruleId: 'no-error-leak',
      file: 'src/routes/payments.ts',
      line: 17,
      column: 12,
      endLine: 17,
      endColumn: 47,
      message: 'Do not send the raw error to the client: map it to a code and a user-safe message.',
      function: 'payments.post("/payments") handler',
      snippet: 'return c.json({ error: String(e) }, 500);',
      moneyPath: { route: 'POST /payments (src/routes/payments.ts)', tables: ['orders', 'payments'] },
      helpUri: `${DOCS}/no-error-leak.md`,
      baseline: 'new',
    }),
    makeFinding({
      ruleId: 'cross-file-multi-write',
      source: 'analyzer',
      file: 'src/services/order.service.ts',
      line: 6,
      column: 23,
      endLine: 29,
      endColumn: 2,
      message: '`createOrder` reaches 3 database writes in 3 files through calls, with no transaction around them: insert orders, insert order_items (repeated), update products (repeated).',
      function: 'createOrder',
      snippet: 'export async function createOrder(userId: number, items: CartItem[]) {',
      chain: [
        'createOrder → insert orders at src/services/order.service.ts:16',
        'createOrder → addOrderItem (src/services/order-items.ts:9) → insert order_items (repeated) at src/services/order-items.ts:10',
      ],
      moneyPath: { route: 'POST /orders (src/routes/orders.ts)', tables: ['order_items', 'orders'] },
      helpUri: 'https://github.com/faultline-dev/faultline/blob/main/docs/audit.md#cross-file-multi-write',
      baseline: 'known',
    }),
    makeFinding({
      ruleId: 'no-swallowed-error',
      file: 'src/services/payment.service.ts',
      line: 55,
      column: 5,
      endLine: 57,
      endColumn: 4,
      message: 'This catch turns every error into `false`: rethrow or handle the specific error.',
      function: 'processPayment',
      snippet: '} catch (e) {',
      helpUri: `${DOCS}/no-swallowed-error.md`,
      baseline: 'new',
    }),
    makeFinding({
      ruleId: 'consistent-return-type',
      file: 'src/services/payment.service.ts',
      line: 63,
      column: 5,
      endLine: 63,
      endColumn: 17,
      message: 'checkPaymentStatus returns null, true and false: "absent" and "not completed" look alike.',
      function: 'checkPaymentStatus',
      snippet: 'return null;',
      helpUri: `${DOCS}/consistent-return-type.md`,
      baseline: 'new',
    }),
  ];
  return {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    tool: { name: '@faultline/audit', version: '0.1.0' },
    root: '/repo/services/legacy',
    tsconfig: 'tsconfig.json',
    failOn: 'high',
    rules: RULES,
    findings,
    problems: [{ file: 'src/broken.ts', message: 'does not parse (3:1): Declaration or statement expected.; rules skipped for this file' }],
    stats: { files: 13, lines: 533, durationMs: 1234 },
    summary: {
      total: 4,
      byRisk: { high: 2, medium: 1, low: 1 },
      byRule: { 'consistent-return-type': 1, 'cross-file-multi-write': 1, 'no-error-leak': 1, 'no-swallowed-error': 1 },
      failing: 1,
    },
    baseline: { path: 'faultline-baseline.json', new: 3, known: 1, fixed: 2 },
  };
}
