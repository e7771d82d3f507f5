import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getSoleDefinition } from './get-sole-definition.js';
import { isFunctionNode, type FunctionNode } from './is-function-node.js';
import { skipExpressionWrappers } from './skip-expression-wrappers.js';

/**
 * The function an expression denotes when the file says so for certain: the function itself when
 * written inline, or the function an identifier is bound to by a function declaration or a
 * `const` initialised with a function. `undefined` for anything that could be rebound or comes
 * from elsewhere (parameters, `let`, imports).
 *
 * @param node - a callee or argument
 * @param sourceCode - the file's source code, for scopes
 * @example
 * getLocalFunction(call.arguments[0], context.sourceCode); // the handler of app.onError(handleError)
 */
export function getLocalFunction(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  const expression = skipExpressionWrappers(node);
  if (isFunctionNode(expression)) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = getSoleDefinition(sourceCode, expression);
  if (definition?.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  if (
    definition?.node.type === AST_NODE_TYPES.VariableDeclarator &&
    definition.node.init !== null &&
    definition.node.id === definition.name &&
    definition.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
    definition.parent.kind === 'const'
  ) {
    const init = skipExpressionWrappers(definition.node.init);
    return isFunctionNode(init) ? init : undefined;
  }
  return undefined;
}
