import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_TOKEN_TYPES } from '@typescript-eslint/utils';

/**
 * The first candidate that no identifier inside `node` already spells, so that a fix can bind it
 * there without shadowing or being shadowed.
 *
 * @param sourceCode - the rule context's source code
 * @param node - the region the new name will be visible in
 * @param candidates - names in order of preference; the last one is suffixed with a number if needed
 * @example
 * getFreshName(sourceCode, catchClause, ['error', 'caughtError']); // 'error' unless already used
 */
export function getFreshName(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  candidates: readonly [string, ...string[]],
): string {
  const taken = new Set(
    sourceCode
      .getTokens(node)
      .filter((token) => token.type === AST_TOKEN_TYPES.Identifier)
      .map((token) => token.value),
  );
  const free = candidates.find((name) => !taken.has(name));
  if (free !== undefined) return free;
  const base = candidates.at(-1) ?? candidates[0];
  let suffix = 2;
  while (taken.has(`${base}${String(suffix)}`)) suffix += 1;
  return `${base}${String(suffix)}`;
}
