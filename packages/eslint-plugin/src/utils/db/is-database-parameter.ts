import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { DbModel } from './create-db-model.js';

/**
 * Whether a function treats a parameter as a database handle (it answers for the writes through
 * it) rather than as a transaction its caller passes. Unknown parameters count as databases.
 *
 * @param parameter - the function's parameter
 * @param model - the database model of the function's file
 * @example
 * isDatabaseParameter(fn.params[0], model); // false for (trx: Transaction<DB>) => …
 */
export function isDatabaseParameter(parameter: TSESTree.Parameter | undefined, model: DbModel): boolean {
  const inner = parameter?.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
  const name = inner?.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
  if (name?.type !== AST_NODE_TYPES.Identifier) return true;
  const kind = model.getHandle(name)?.kind;
  return kind === undefined || kind === 'database';
}
