import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

/**
 * Where to report something about a function as a whole: its name (`createOrder` in a function
 * declaration, a `const createOrder = async () => …`, a method or property key, `exports.x =`),
 * else the location of its head (`async (c) =>`).
 *
 * @param fn - the function
 * @param sourceCode - the file's source code, for the head of anonymous functions
 * @example
 * const target = getFunctionNameTarget(fn, context.sourceCode);
 * context.report({ ...('type' in target ? { node: target } : { loc: target }), messageId });
 */
export function getFunctionNameTarget(
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESTree.Node | TSESTree.SourceLocation {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id !== null) return fn.id;
  const { parent } = fn;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.value === fn
  ) {
    return parent.key;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    return parent.left.type === AST_NODE_TYPES.MemberExpression ? parent.left.property : parent.left;
  }
  if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id !== null) return fn.id;
  return ASTUtils.getFunctionHeadLocation(fn, sourceCode);
}
