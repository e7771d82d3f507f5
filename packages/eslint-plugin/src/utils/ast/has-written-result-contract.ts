import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getEnclosingFunction } from './get-enclosing-function.js';
import { getKeyName } from './get-key-name.js';
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
    const owner = getEnclosingFunction(parent);
    return owner !== undefined && hasReturnType(owner);
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

// Methods that hand the callback's result on as data (arrays, promises, memos, transactions): their
// callbacks are judged like any function. Any other method declares what its callback returns.
const DATA_PIPELINES = new Set([
  'map', 'flatMap', 'reduce', 'reduceRight', 'from', 'then', 'catch', 'useMemo', 'transaction', '$transaction',
]);

/** `doc.nodesBetween(a, b, (node) => …)`, `JSON.parse(text, reviver)`: the method's contract governs the callback. */
function isMethodCallback(node: FunctionNode): boolean {
  const call = node.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !(call.arguments as readonly TSESTree.Node[]).includes(node)) return false;
  const { callee } = call;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { property } = callee;
  if (property.type === AST_NODE_TYPES.Identifier && !callee.computed) return !DATA_PIPELINES.has(property.name);
  return property.type !== AST_NODE_TYPES.PrivateIdentifier;
}

/** Whether `parent` only passes `child` on into a literal: `cond ? { … } : {}`, `...(cond && { … })`. */
function isPassThrough(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  return (
    (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child) ||
    parent.type === AST_NODE_TYPES.LogicalExpression ||
    parent.type === AST_NODE_TYPES.SpreadElement
  );
}

/**
 * The outermost object or array literal a function sits in, through property values, elements,
 * spreads and the branches of `?:`, `&&` and `||`.
 */
function getEnclosingLiteral(node: FunctionNode): TSESTree.ObjectExpression | TSESTree.ArrayExpression | undefined {
  let literal: TSESTree.ObjectExpression | TSESTree.ArrayExpression | undefined;
  let current: TSESTree.Node = node;
  for (;;) {
    const parent = current.parent as TSESTree.Node;
    if (
      parent.type === AST_NODE_TYPES.ArrayExpression ||
      (parent.type === AST_NODE_TYPES.ObjectExpression && current.type === AST_NODE_TYPES.SpreadElement)
    ) {
      literal = parent;
      current = parent;
    } else if (
      parent.type === AST_NODE_TYPES.Property &&
      parent.value === current &&
      parent.parent.type === AST_NODE_TYPES.ObjectExpression
    ) {
      literal = parent.parent;
      current = literal;
    } else if (literal !== undefined && isPassThrough(parent, current)) {
      current = parent;
    } else {
      return literal;
    }
  }
}

/** The function `expression` is the result of: `return <it>` or an arrow's expression body. */
function getResultOwner(expression: TSESTree.Node): FunctionNode | undefined {
  const { parent } = expression;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === expression) return parent;
  return parent.type === AST_NODE_TYPES.ReturnStatement ? getEnclosingFunction(parent) : undefined;
}

/** A literal whose shape is declared elsewhere: typed, passed to a call or a JSX attribute, or the result of a governed function. */
function isDeclaredLiteral(found: TSESTree.ObjectExpression | TSESTree.ArrayExpression): boolean {
  let literal: TSESTree.Node = found;
  while (isPassThrough(literal.parent as TSESTree.Node, literal)) literal = literal.parent as TSESTree.Node;
  const owner = literal.parent as TSESTree.Node;
  switch (owner.type) {
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return true;
    case AST_NODE_TYPES.VariableDeclarator:
      return owner.id.typeAnnotation !== undefined;
    case AST_NODE_TYPES.PropertyDefinition:
      return owner.typeAnnotation !== undefined;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return owner.callee !== literal;
    case AST_NODE_TYPES.JSXExpressionContainer:
      return owner.parent.type === AST_NODE_TYPES.JSXAttribute;
    default: {
      if (isResultOfAnnotatedFunction(literal)) return true;
      const producer = getResultOwner(literal);
      return producer !== undefined && hasWrittenResultContract(producer);
    }
  }
}

/** The static names of an interface's or object type's members. */
function getNames(members: readonly TSESTree.TypeElement[]): Set<string> {
  return new Set(members.flatMap((member) => ('key' in member ? (getKeyName(member.key, member.computed) ?? []) : [])));
}

/** The members an interface or object type alias of the module declares, by name; `undefined` when it declares none here. */
function getDeclaredMemberNames(program: TSESTree.Program, name: string): Set<string> | undefined {
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === name) {
      return getNames(declaration.body.body);
    }
    if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name) {
      const type = declaration.typeAnnotation;
      return type.type === AST_NODE_TYPES.TSTypeLiteral ? getNames(type.members) : undefined;
    }
  }
  return undefined;
}

/**
 * A public member of a class that `implements` an interface of this module declaring it: the
 * interface is the contract, reviewed where it is written. What an interface from another module
 * declares is only known with types (see `hasExternalResultContract`).
 */
function isImplementedMember(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): boolean {
  if (member.static || member.accessibility === 'private' || member.accessibility === 'protected') return false;
  const owner = member.parent.parent;
  if (owner.implements.length === 0) return false;
  const name = getKeyName(member.key, member.computed);
  if (name === undefined) return false;
  let program: TSESTree.Node = owner;
  while (program.type !== AST_NODE_TYPES.Program) program = program.parent;
  return owner.implements.some(
    ({ expression }) => expression.type === AST_NODE_TYPES.Identifier && getDeclaredMemberNames(program, expression.name)?.has(name) === true,
  );
}

/**
 * Whether a function's result is held to a signature visibly written elsewhere, so that what it
 * may return is reviewed where that signature is written: an `override`; a `protected` hook of a
 * derived class (the template-method pattern); a public member of a class that `implements` an
 * interface of the same module declaring it; a callback passed to a method that is not a data
 * pipeline (`doc.nodesBetween(a, b, fn)`, `JSON.parse(text, reviver)`; `map`, `reduce`, `then`
 * hand the result on as data and are judged); a function anywhere inside object and array literals
 * whose type is written (`const rules: Rule[] = [{ … }]`, `{ … } satisfies Model`), that are passed
 * to a call or a JSX attribute (`prompt([{ validate }])`, `rules={{ validate }}`), or that are the
 * result of an annotated or governed function; a `then`/`catch` callback whose promise an
 * annotated function returns.
 *
 * @param node - a function
 * @example
 * hasWrittenResultContract(method); // true for `protected beforeSend() { … }` in `class A extends B`
 */
export function hasWrittenResultContract(node: FunctionNode): boolean {
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.MethodDefinition) {
    return (
      parent.override ||
      (parent.accessibility === 'protected' && parent.parent.parent.superClass !== null) ||
      isImplementedMember(parent)
    );
  }
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === node && isImplementedMember(parent)) return true;
  if (isMethodCallback(node)) return true;
  const literal = getEnclosingLiteral(node);
  return literal ? isDeclaredLiteral(literal) : isReturnedPromiseCallback(node);
}
