import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/is-function-node.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { visitDescendants } from '../ast/visit-descendants.js';
import { isThenableType } from '../types/is-thenable-type.js';

function isBareRethrow(clause: TSESTree.CatchClause): boolean {
  const [only] = clause.body.body;
  return (
    clause.body.body.length === 1 &&
    only?.type === AST_NODE_TYPES.ThrowStatement &&
    only.argument.type === AST_NODE_TYPES.Identifier &&
    clause.param?.type === AST_NODE_TYPES.Identifier &&
    only.argument.name === clause.param.name
  );
}

/**
 * The `return` arguments in a `try` block that are promises returned without `await`: their
 * rejection settles after the `try` is left, so `clause` never sees it. Returns inside a nested
 * `try` with its own catch belong to that catch; a catch that only rethrows changes nothing and
 * yields none. Needs type information to know what is a promise.
 *
 * @param sourceCode - the rule context's source code
 * @param clause - the catch clause whose `try` block is searched
 * @param services - parser services with a program
 * @example
 * for (const argument of getEscapingPromiseReturns(sourceCode, clause, services)) report(argument);
 */
export function getEscapingPromiseReturns(
  sourceCode: Readonly<TSESLint.SourceCode>,
  clause: TSESTree.CatchClause,
  services: ParserServicesWithTypeInformation,
): TSESTree.Expression[] {
  const found: TSESTree.Expression[] = [];
  if (isBareRethrow(clause)) return found;
  const visit = (node: TSESTree.Node): boolean => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.TryStatement && node.handler) {
      // The nested catch and finally still run inside our try block.
      visitDescendants(node.handler, sourceCode.visitorKeys, visit);
      if (node.finalizer) visitDescendants(node.finalizer, sourceCode.visitorKeys, visit);
      return false;
    }
    if (node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) return true;
    const { argument } = node;
    if (skipExpressionWrappers(argument).type !== AST_NODE_TYPES.AwaitExpression && isThenableType(services, argument)) {
      found.push(argument);
    }
    return true;
  };
  visitDescendants(clause.parent.block, sourceCode.visitorKeys, visit);
  return found;
}
