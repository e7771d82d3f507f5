import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_TOKEN_TYPES } from '@typescript-eslint/utils';
import { getIndentation } from './get-indentation.js';

/**
 * A fix that adds `statement` as the last statement of `block`, in the block's style: after the
 * last statement on its own line (or on the same line for a one-line block, with a `;` if the
 * previous statement lacks one), after trailing comments, or as `{ statement }` in an empty block.
 *
 * @param fixer - the fixer of the report or suggestion
 * @param sourceCode - the rule context's source code
 * @param block - the block to extend
 * @param statement - the statement's text, including its `;`
 * @example
 * fix: (fixer) => getAppendStatementFix(fixer, sourceCode, clause.body, 'throw error;')
 */
export function getAppendStatementFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  block: TSESTree.BlockStatement,
  statement: string,
): TSESLint.RuleFix {
  const closing = sourceCode.getLastToken(block);
  const last = sourceCode.getTokenBefore(closing ?? block, { includeComments: true });
  const oneLine = block.loc.start.line === block.loc.end.line;
  if (!last || !closing || last.range[1] <= block.range[0]) return fixer.replaceText(block, `{ ${statement} }`);
  if (last.value === '{' && last.range[0] === block.range[0]) {
    return oneLine
      ? fixer.replaceText(block, `{ ${statement} }`)
      : fixer.insertTextAfter(last, `\n${getIndentation(sourceCode, closing)}  ${statement}`);
  }
  if (oneLine || last.loc.end.line === closing.loc.start.line) {
    const separator = last.value === ';' || last.value === '}' || last.type === AST_TOKEN_TYPES.Line || last.type === AST_TOKEN_TYPES.Block ? '' : ';';
    return fixer.insertTextAfter(last, `${separator} ${statement}`);
  }
  return fixer.insertTextAfter(last, `\n${getIndentation(sourceCode, last)}${statement}`);
}
