import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getEnclosingFunction } from '../ast/get-enclosing-function.js';
import type { FunctionNode } from '../ast/is-function-node.js';
import type { DbQuery } from './create-db-library.js';
import type { DbModel } from './create-db-model.js';
import { getLocalCallee } from './get-local-callee.js';

type CallNode = TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;

const MAX_DEPTH = 3;

/** Whether the handle is one the helper holds itself: a module client or `this.db`, not a parameter. */
function isOwnHandle(query: DbQuery): boolean {
  const { handle } = query;
  return handle.kind === 'database' && !handle.isParameter && handle.evidence !== 'shape' && !(handle.generic && handle.evidence === 'name');
}

/**
 * For a call of a function of this file (or a method of the same class): the first query that
 * function runs — itself or through the functions of this file it calls — on a database handle of
 * its own (a module-level client, `this.db`) rather than one it is handed. Called inside a
 * transaction, such a helper escapes it.
 *
 * @param call - a call inside a transaction scope
 * @param calls - every call of the file, in source order
 * @param model - the file's database model
 * @example
 * getEscapingHelperQuery(parse('await logAudit(orderId)'), calls, model)?.handle; // the module-level `prisma`
 */
export function getEscapingHelperQuery(call: TSESTree.CallExpression, calls: readonly CallNode[], model: DbModel): { helper: FunctionNode; query: DbQuery } | undefined {
  const seen = new Set<FunctionNode>();
  const search = (target: TSESTree.CallExpression, depth: number): DbQuery | undefined => {
    const helper = getLocalCallee(target, model);
    if (helper === undefined || seen.has(helper) || depth > MAX_DEPTH || model.getCallbackTransaction(helper) !== undefined) return undefined;
    seen.add(helper);
    for (const inner of calls) {
      if (inner.range[0] < helper.range[0] || inner.range[1] > helper.range[1] || getEnclosingFunction(inner) !== helper) continue;
      const query = model.getQuery(inner);
      if (query !== undefined) {
        if (isOwnHandle(query)) return query;
        continue;
      }
      if (inner.type === AST_NODE_TYPES.CallExpression && model.getTransaction(inner) === undefined) {
        const found = search(inner, depth + 1);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  const query = search(call, 1);
  const helper = getLocalCallee(call, model);
  return query === undefined || helper === undefined ? undefined : { helper, query };
}
