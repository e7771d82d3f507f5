import type { FaultlineRule } from '../utils/faultline-rule.js';
import noSwallowedError from './no-swallowed-error.js';

/**
 * Every rule of the plugin, keyed by name. `npm run new-rule -- <name>` adds entries here; the
 * configs are derived from each rule's `meta.docs`.
 */
export const rules: Record<string, FaultlineRule> = {
  'no-swallowed-error': noSwallowedError,
};
