import type { FaultlineRule } from '../utils/faultline-rule.js';
import noTransactionEscape from './no-transaction-escape.js';
import requireTransaction from './require-transaction.js';
import consistentReturnType from './consistent-return-type.js';
import noErrorLeak from './no-error-leak.js';
import noSwallowedError from './no-swallowed-error.js';

/**
 * Every rule of the plugin, keyed by name. `npm run new-rule -- <name>` adds entries here; the
 * configs are derived from each rule's `meta.docs`.
 */
export const rules: Record<string, FaultlineRule> = {
  'consistent-return-type': consistentReturnType,
  'no-error-leak': noErrorLeak,
  'no-swallowed-error': noSwallowedError,
  'no-transaction-escape': noTransactionEscape,
  'require-transaction': requireTransaction,
};
