import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';

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

type FaultlineRule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<
  MessageIds,
  Options,
  FaultlineRuleDocs
> & { name: string };

/**
 * Creates a rule whose docs URL points at its page in `docs/rules/`.
 *
 * Unlike typescript-eslint's `RuleCreator`, it does not merge `meta.defaultOptions` into the
 * options itself: ESLint (≥ 9.15, our peer range) has already done so in `context.options`, and
 * `RuleCreator`'s second merge deep-clones the defaults on every file, which cost more than some
 * rules' whole work.
 *
 * @example
 * export default createRule<Options, MessageIds>({ name: 'no-swallowed-error', meta, create });
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, FaultlineRuleDocs>>): FaultlineRule<Options, MessageIds> {
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${RULE_DOCS_BASE_URL}/${name}.md` } },
    create: (context) => create(context, context.options),
  };
}
