import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * The whitespace that starts the line on which `node` starts, for fixes that add lines in the
 * surrounding style.
 *
 * @param sourceCode - the rule context's source code
 * @param node - a node, token or comment
 * @example
 * fixer.insertTextAfter(last, `\n${getIndentation(sourceCode, last)}throw error;`);
 */
export function getIndentation(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node | TSESTree.Token,
): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^[ \t]*/u.exec(line)?.[0] ?? '';
}
