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

/** A rule definition as `createRule` takes it: `create` reads its options from `context.options`. */
type FaultlineRuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Omit<
  ESLintUtils.RuleWithMetaAndName<Options, MessageIds, FaultlineRuleDocs>,
  'create'
> & {
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => TSESLint.RuleListener;
};

/**
 * Creates a rule whose docs URL points at its page in `docs/rules/`.
 *
 * Unlike typescript-eslint's `RuleCreator`, it neither merges `meta.defaultOptions` into the
 * options nor hands them to `create`: ESLint (≥ 9.15, our peer range) has already merged them into
 * `context.options`, `RuleCreator`'s second merge deep-clones the defaults on every file, and
 * reading `context.options` up front costs a few microseconds on files where a rule finds nothing
 * to look at (the first read of a file's rule context is slow).
 *
 * @example
 * export default createRule<Options, MessageIds>({ name: 'no-swallowed-error', meta, create(context) { … } });
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: Readonly<FaultlineRuleDefinition<Options, MessageIds>>): FaultlineRule<Options, MessageIds> {
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: `${RULE_DOCS_BASE_URL}/${name}.md` } },
    create,
  };
}
