import { ESLintUtils } from '@typescript-eslint/utils';

/** Where rule pages live; `meta.docs.url` of every rule points into it. */
export const RULE_DOCS_BASE_URL = 'https://github.com/faultline-dev/faultline/blob/main/docs/rules';

/**
 * Faultline's additions to `meta.docs`. The configs are built from these fields, so a rule lands in
 * the right configs by declaring them and nothing else.
 */
export interface FaultlineRuleDocs {
  /** The least strict config that enables the rule; omitted means only `all`. */
  recommended?: 'recommended' | 'strict';
  /** True only when the rule cannot run at all without type information. */
  requiresTypeChecking?: boolean;
}

/**
 * Creates a rule whose docs URL points at its page in `docs/rules/`.
 *
 * @example
 * export default createRule<Options, MessageIds>({ name: 'no-swallowed-error', meta, create });
 */
export const createRule = ESLintUtils.RuleCreator<FaultlineRuleDocs>(
  (name) => `${RULE_DOCS_BASE_URL}/${name}.md`,
);
