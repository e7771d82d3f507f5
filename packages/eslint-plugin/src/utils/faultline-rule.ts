import type { TSESLint } from '@typescript-eslint/utils';
import type { FaultlineRuleDocs } from './create-rule.js';

/** Any Faultline rule, whatever its options and message ids. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rule option tuples are invariant; a registry must accept every rule's
export type FaultlineRule = TSESLint.RuleModule<string, any[], FaultlineRuleDocs>;
