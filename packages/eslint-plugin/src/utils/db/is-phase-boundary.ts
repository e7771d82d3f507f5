import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { hasAwaitedCall } from '../ast/has-awaited-call.js';
import { getPatternIdentifiers } from '../ast/get-pattern-identifiers.js';
import type { DbModel } from './create-db-model.js';
import type { FunctionNode, WriteEvent } from './create-write-analyzer.js';
import { getCallChain, unwrapExpression } from './get-call-chain.js';
import { getCalleeName } from './get-function-name.js';
import { getLocalCallee } from './get-local-callee.js';

// Awaited calls that leave the process (payment gateways, HTTP): the work before and after them
// cannot share a transaction, by design (record intent → commit → call → record outcome).
const EXTERNAL_CALL = /(?:^|\.)fetch$|gateway|stripe|paypal|adyen|braintree|axios|httpClient|webhook/iu;
// Calls named for data access are taken to be database work done elsewhere (a repository, a
// service), not a call to another system.
const DATA_ACCESS =
  /^(?:get|find|load|list|read|select|query|count|lookup|search|exists?|has|is|check|ensure|create|insert|update|upsert|delete|remove|save|set|add|increment|decrement|mark|record|write|persist|store|destroy|sync|seed|migrate|lock|claim|reserve|release)(?:[A-Z_\d]|$)/u;

function getStaticCalleeName(node: TSESTree.Expression): string {
  const chain = getCallChain(node);
  const root = chain.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : chain.root.type === AST_NODE_TYPES.ThisExpression ? 'this' : '';
  return [root, ...chain.steps.map((step) => step.name ?? '')].join('.');
}

function isInside(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** A call that does work in another system: not a query, not this file's code, handed no handle. */
function isOtherSystemCall(call: TSESTree.CallExpression, model: DbModel): boolean {
  if (model.getQuery(call) !== undefined || model.getTransaction(call) !== undefined || model.getTransactionControl(call) !== undefined) return false;
  if (getLocalCallee(call, model) !== undefined || DATA_ACCESS.test(getCalleeName(call) ?? '')) return false;
  const { root } = getCallChain(unwrapExpression(call.callee));
  if (root.type === AST_NODE_TYPES.Identifier && root.name === 'Promise') return false;
  if ((root.type === AST_NODE_TYPES.Identifier || root.type === AST_NODE_TYPES.MemberExpression) && model.getSyntacticHandle(root) !== undefined) return false;
  return call.arguments.every((argument) => argument.type === AST_NODE_TYPES.SpreadElement || model.getSyntacticHandle(argument) === undefined);
}

/** The variables a statement binds to the call's result (and, one step on, values derived from them). */
function getResultIdentifiers(statement: TSESTree.Statement, call: TSESTree.CallExpression, model: DbModel): TSESTree.Identifier[] {
  const targets: TSESTree.Node[] = [];
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of statement.declarations) if (declarator.init !== null && isInside(declarator.init, call)) targets.push(declarator.id);
  } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
    targets.push(statement.expression.left);
  }
  const found = targets.flatMap(getPatternIdentifiers);
  return found.filter((identifier) => model.findVariable(identifier) !== undefined);
}

/** `const summary = result.text`: the declared names of the declarator whose value uses `use`. */
function getDerivedIdentifiers(use: TSESTree.Identifier): TSESTree.Identifier[] {
  for (let current: TSESTree.Node = use; current.parent !== undefined; current = current.parent) {
    const { parent } = current;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === current ? getPatternIdentifiers(parent.id) : [];
    if (/Statement|Declaration|Function/u.test(parent.type)) return [];
  }
  return [];
}

/** Whether a later write records the call's result, or a `catch` around it records its failure. */
function isRecorded(statement: TSESTree.Statement, call: TSESTree.CallExpression, fn: FunctionNode, writes: readonly TSESTree.Node[], model: DbModel): boolean {
  for (let current: TSESTree.Node = statement; current !== fn && current.parent !== undefined; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current && parent.handler !== null) {
      const { handler } = parent;
      if (writes.some((write) => isInside(handler, write))) return true;
    }
  }
  const later = writes.filter((write) => write.range[0] > call.range[1]);
  if (later.length === 0) return false;
  const seen = new Set<TSESTree.Identifier>();
  const pending = getResultIdentifiers(statement, call, model);
  for (let step = 0; step < 2 && pending.length > 0; step += 1) {
    const next: TSESTree.Identifier[] = [];
    for (const identifier of pending) {
      if (seen.has(identifier)) continue;
      seen.add(identifier);
      for (const reference of model.findVariable(identifier)?.references ?? []) {
        const use = reference.identifier;
        if (later.some((write) => isInside(write, use))) return true;
        if (use.type === AST_NODE_TYPES.Identifier) next.push(...getDerivedIdentifiers(use));
      }
    }
    pending.splice(0, pending.length, ...next);
  }
  return false;
}

/**
 * Whether a statement of `fn` is the boundary between two separately committed phases: it awaits
 * a call to a payment gateway or over HTTP, or a call to another system (not a query, not a
 * function of this file, handed no database handle, not named for data access) whose result a
 * later write records or whose failure a `catch` around it records. A transaction must not span
 * such a call: a job's `running` → work → `done`/`failed` is a saga of committed steps.
 *
 * @param statement - an expression statement or declaration of `fn`
 * @param fn - the function measured
 * @param events - its writes
 * @param model - the file's database model
 * @example
 * isPhaseBoundary(parse('const result = await handler(job);'), fn, events, model); // true when a later write stores `result`
 */
export function isPhaseBoundary(statement: TSESTree.Statement, fn: FunctionNode, events: readonly WriteEvent[], model: DbModel): boolean {
  const writes = events.map((event) => event.node);
  const nodes = new Set<TSESTree.Node>(writes);
  return hasAwaitedCall(statement, (call) => {
    if (nodes.has(call)) return false;
    if (EXTERNAL_CALL.test(getStaticCalleeName(call.callee))) return true;
    return isOtherSystemCall(call, model) && isRecorded(statement, call, fn, writes, model);
  });
}
