import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/utils';

/**
 * Where to report something about a function as a whole without underlining its body, as ESLint's
 * `consistent-return` does: the `=>` of an arrow, the key of a method, getter or property, the
 * name of a named function, else its first token (`function`, `async`).
 *
 * @param node - the function
 * @param sourceCode - the file's source code, for tokens
 * @example
 * context.report({ node, loc: getFunctionHeadLoc(node, context.sourceCode), messageId });
 */
export function getFunctionHeadLoc(
  node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression,
  sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.SourceLocation {
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression) {
    const arrow = sourceCode.getTokenBefore(node.body, (token) => token.type === AST_TOKEN_TYPES.Punctuator && token.value === '=>');
    if (arrow) return arrow.loc;
  }
  const { parent } = node;
  if (
    parent.type === AST_NODE_TYPES.MethodDefinition ||
    parent.type === AST_NODE_TYPES.TSAbstractMethodDefinition ||
    (parent.type === AST_NODE_TYPES.Property && parent.value === node && (parent.method || parent.kind !== 'init'))
  ) {
    return parent.key.loc;
  }
  if (node.id) return node.id.loc;
  return (sourceCode.getFirstToken(node) ?? node).loc;
}
