import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { FunctionNode } from './is-function-node.js';

const PROMISE_CALLBACKS = new Set(['then', 'catch', 'finally']);

function hasReturnType(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression) &&
    node.returnType !== undefined
  );
}

/** The expression is what an annotated function returns: `return <it>;` or an annotated arrow's body. */
function isResultOfAnnotatedFunction(expression: TSESTree.Node): boolean {
  let current = expression;
  while (current.parent?.type === AST_NODE_TYPES.AwaitExpression) current = current.parent;
  const { parent } = current;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ReturnStatement) {
    for (let scope: TSESTree.Node | undefined = parent.parent; scope; scope = scope.parent) {
      if (
        scope.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        scope.type === AST_NODE_TYPES.FunctionDeclaration ||
        scope.type === AST_NODE_TYPES.FunctionExpression
      ) {
        return hasReturnType(scope);
      }
    }
    return false;
  }
  return parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current && hasReturnType(parent);
}

/** `load().then((row) => …)` returned as is: the callback's result is the enclosing function's. */
function isReturnedPromiseCallback(node: FunctionNode): boolean {
  const call = node.parent;
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    call.callee.property.type !== AST_NODE_TYPES.Identifier ||
    !PROMISE_CALLBACKS.has(call.callee.property.name)
  ) {
    return false;
  }
  let chain: TSESTree.CallExpression = call;
  while (chain.parent.type === AST_NODE_TYPES.MemberExpression && chain.parent.parent.type === AST_NODE_TYPES.CallExpression) {
    chain = chain.parent.parent;
  }
  return isResultOfAnnotatedFunction(chain);
}

/**
 * Whether a function's result is held to a signature visibly written elsewhere, so that what it
 * may return is reviewed where that signature is written: an `override`; a `protected` hook of a
 * derived class (the template-method pattern); a method or function property of an object literal
 * whose type is written (`const model: Model = { … }`, `{ … } satisfies Model`), passed to a call
 * (whose parameter declares it), or returned from an annotated function; a `then`/`catch` callback
 * whose promise an annotated function returns.
 *
 * @param node - a function
 * @example
 * hasWrittenResultContract(method); // true for `protected beforeSend() { … }` in `class A extends B`
 */
export function hasWrittenResultContract(node: FunctionNode): boolean {
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) {
    return parent.override || (parent.accessibility === 'protected' && parent.parent.parent.superClass !== null);
  }
  if (parent.type !== AST_NODE_TYPES.Property || parent.value !== node) return isReturnedPromiseCallback(node);
  const object = parent.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const owner = object.parent;
  return (
    owner.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    owner.type === AST_NODE_TYPES.TSAsExpression ||
    (owner.type === AST_NODE_TYPES.VariableDeclarator && owner.id.typeAnnotation !== undefined) ||
    ((owner.type === AST_NODE_TYPES.CallExpression || owner.type === AST_NODE_TYPES.NewExpression) &&
      owner.callee !== object) ||
    isResultOfAnnotatedFunction(object)
  );
}
