import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPatternIdentifiers } from '../ast/get-pattern-identifiers.js';
import type { InlineFunctionKind } from './get-max-path-weight.js';

/**
 * How the weighted steps of a loop's iterations relate: `isolated` (each iteration handles its own
 * failure and goes on), `batch` (the loop goes on depending on the result of its one step), or
 * `plain`.
 */
export type IterationKind = 'isolated' | 'batch' | 'plain';

type InlineFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

interface Walk {
  weight: (node: TSESTree.Node) => number;
  getInlineKind: (node: InlineFunction) => InlineFunctionKind;
}

const LOOPS_AND_FUNCTIONS = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.FunctionDeclaration,
]);
const SKIPPED_KEYS = new Set(['parent', 'loc', 'range', 'type', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function getChildren(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of Object.keys(node)) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) children.push(...value.filter(isNode));
    else if (isNode(value)) children.push(value);
  }
  return children;
}

/** Visits the nodes that run as part of `root` (not functions that run on their own). */
function visit(root: TSESTree.Node, walk: Walk, enter: (node: TSESTree.Node, isolated: boolean) => boolean, isolated = false): void {
  if (!enter(root, isolated)) return;
  if (root.type === AST_NODE_TYPES.FunctionDeclaration || root.type === AST_NODE_TYPES.ClassDeclaration) return;
  if ((root.type === AST_NODE_TYPES.ArrowFunctionExpression || root.type === AST_NODE_TYPES.FunctionExpression) && walk.getInlineKind(root) === 'separate') {
    return;
  }
  if (root.type === AST_NODE_TYPES.TryStatement && root.handler !== null && !hasExit(root.handler.body)) {
    visit(root.block, walk, enter, true);
    visit(root.handler, walk, enter, true);
    if (root.finalizer !== null) visit(root.finalizer, walk, enter, isolated);
    return;
  }
  for (const child of getChildren(root)) visit(child, walk, enter, isolated);
}

/** Whether a catch block throws or returns (outside nested functions): it does not let the loop go on. */
function hasExit(block: TSESTree.BlockStatement): boolean {
  let found = false;
  const search = (node: TSESTree.Node): void => {
    if (found || node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.ReturnStatement) found = true;
    for (const child of getChildren(node)) search(child);
  };
  search(block);
  return found;
}

function getWeightedNodes(body: TSESTree.Node, walk: Walk): { weighted: TSESTree.Node[]; outsideTry: TSESTree.Node[] } {
  const weighted: TSESTree.Node[] = [];
  const outsideTry: TSESTree.Node[] = [];
  visit(body, walk, (node, inTry) => {
    if (walk.weight(node) > 0) {
      weighted.push(node);
      if (!inTry) outsideTry.push(node);
    }
    return true;
  });
  return { weighted, outsideTry };
}

/**
 * Whether every weighted step of a repeated callback's body (`items.map(async (item) => …)`) sits
 * in a `try` whose `catch` neither throws nor returns: each item handles its own failure.
 *
 * @param body - the callback's body
 * @param walk - what weighs and how nested functions run
 * @example
 * isIsolatedBody(callback.body, { weight, getInlineKind }); // true for (item) => { try { await w(item) } catch {} }
 */
export function isIsolatedBody(body: TSESTree.Node, walk: Walk): boolean {
  const { weighted, outsideTry } = getWeightedNodes(body, walk);
  return weighted.length > 0 && outsideTry.length === 0;
}

/** Names bound to (something derived from) the result of `node`: `n = await w()`, `const { count } = await w()`. */
function getResultNames(node: TSESTree.Node): string[] {
  let current = node;
  for (;;) {
    const { parent } = current;
    if (parent === undefined) return [];
    if (
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current)
    ) {
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) return getPatternIdentifiers(parent.id).map((identifier) => identifier.name);
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current) return getPatternIdentifiers(parent.left).map((identifier) => identifier.name);
    return [];
  }
}


function mentions(node: TSESTree.Node, names: ReadonlySet<string>, target?: TSESTree.Node): boolean {
  if (node === target || (node.type === AST_NODE_TYPES.Identifier && names.has(node.name))) return true;
  return getChildren(node).some((child) => mentions(child, names, target));
}

/** Whether a statement leaves the loop (`break`, `return`), outside nested loops and functions. */
function leavesLoop(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.BreakStatement || node.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (LOOPS_AND_FUNCTIONS.has(node.type)) return false;
  return getChildren(node).some(leavesLoop);
}

/**
 * How the iterations of a loop relate, given what weighs:
 * - `isolated`: every weighted step of the body sits in a `try` whose `catch` neither throws nor
 *   returns: each iteration's failure is handled and the loop goes on, per-item atomicity chosen
 *   on purpose;
 * - `batch` (`while`, `do…while`, `for (;;)`): the body has one weighted step and whether the loop
 *   goes on depends on its result (`do { n = await deleteBatch() } while (n === size)`), which keeps
 *   each batch its own small transaction on purpose;
 * - `plain` otherwise.
 *
 * @param loop - the loop statement
 * @param walk - what weighs and how nested functions run
 * @example
 * getIterationKind(forOf, { weight, getInlineKind }); // 'isolated' for for (…) { try { await w() } catch (e) { log(e) } }
 */
export function getIterationKind(loop: TSESTree.Node, walk: Walk): IterationKind {
  if (
    loop.type !== AST_NODE_TYPES.ForStatement &&
    loop.type !== AST_NODE_TYPES.ForInStatement &&
    loop.type !== AST_NODE_TYPES.ForOfStatement &&
    loop.type !== AST_NODE_TYPES.WhileStatement &&
    loop.type !== AST_NODE_TYPES.DoWhileStatement
  ) {
    return 'plain';
  }
  const { weighted, outsideTry } = getWeightedNodes(loop.body, walk);
  const test = loop.type === AST_NODE_TYPES.ForInStatement || loop.type === AST_NODE_TYPES.ForOfStatement ? null : loop.test;
  const inTest: TSESTree.Node[] = [];
  if (test !== null) visit(test, walk, (node) => (walk.weight(node) > 0 ? (inTest.push(node), true) : true));
  if (weighted.length > 0 && inTest.length === 0 && outsideTry.length === 0) return 'isolated';
  if (loop.type === AST_NODE_TYPES.ForInStatement || loop.type === AST_NODE_TYPES.ForOfStatement || weighted.length + inTest.length !== 1) return 'plain';
  const [step] = [...weighted, ...inTest];
  if (step === undefined) return 'plain';
  if (inTest.length === 1) return 'batch';
  const names = new Set(getResultNames(step));
  // One hop: `hasMore = count === size`.
  visit(loop.body, walk, (node) => {
    const left = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.type === AST_NODE_TYPES.VariableDeclarator ? node.id : undefined;
    const right = node.type === AST_NODE_TYPES.AssignmentExpression ? node.right : node.type === AST_NODE_TYPES.VariableDeclarator ? node.init : undefined;
    if (left !== undefined && right != null && names.size > 0 && mentions(right, names)) for (const { name } of getPatternIdentifiers(left)) names.add(name);
    return true;
  });
  if (test !== null && mentions(test, names, step)) return 'batch';
  const exits: TSESTree.Node[] = [];
  visit(loop.body, walk, (node) => {
    if (node.type === AST_NODE_TYPES.IfStatement && mentions(node.test, names, step) && leavesLoop(node.consequent)) exits.push(node);
    return exits.length === 0;
  });
  return exits.length > 0 ? 'batch' : 'plain';
}
