import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getLocalFunction } from './get-local-function.js';
import { getSoleDefinition } from './get-sole-definition.js';
import { getPropertyName } from './get-static-name.js';
import type { FunctionNode } from './is-function-node.js';
import { skipExpressionWrappers } from './skip-expression-wrappers.js';

function isNoopFunction(sourceCode: Readonly<TSESLint.SourceCode>, node: FunctionNode, allowComment: boolean): boolean {
  const { body } = node;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    return (
      (body.type === AST_NODE_TYPES.Identifier && body.name === 'undefined') ||
      (body.type === AST_NODE_TYPES.UnaryExpression && body.operator === 'void')
    );
  }
  return body.body.length === 0 && !(allowComment && sourceCode.getCommentsInside(body).length > 0);
}

/**
 * Whether an expression names a function that does nothing: a local `function noop() {}` or
 * `const noop = () => {}`, an imported `noop` (lodash, es-toolkit, …), or `_.noop`. With
 * `allowComment`, a body holding only a comment ("intentionally empty") does not count.
 *
 * @param sourceCode - the rule context's source code
 * @param node - the expression, typically a callback argument
 * @param allowComment - whether a commented empty body counts as deliberate
 * @example
 * isNoopFunctionReference(sourceCode, call.arguments[0], true); // true for promise.catch(noop)
 */
export function isNoopFunctionReference(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Expression,
  allowComment: boolean,
): boolean {
  const inner = skipExpressionWrappers(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(inner) === 'noop';
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const local = getLocalFunction(inner, sourceCode);
  if (local) return isNoopFunction(sourceCode, local, allowComment);
  const definition = getSoleDefinition(sourceCode, inner);
  switch (definition?.node.type) {
    case AST_NODE_TYPES.ImportSpecifier:
      return (
        definition.node.imported.type === AST_NODE_TYPES.Identifier && definition.node.imported.name === 'noop'
      );
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return /(?:^|\/)noop$/u.test(definition.node.parent.source.value);
    default:
      return false;
  }
}
