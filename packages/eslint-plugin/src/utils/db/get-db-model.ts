import type { TSESTree } from '@typescript-eslint/utils';
import { createDbModel, DEFAULT_HANDLE_PATTERN, type DbModel, type DbModelOptions, type DbModelSource } from './create-db-model.js';

interface SharedModel {
  source: DbModelSource;
  model: DbModel;
}

// Per file: the models built for it, by options. The AST is the key, so a model lives exactly as
// long as the file's ESTree.
const shared = new WeakMap<TSESTree.Program, Map<string, SharedModel>>();

function getOptionsKey(options: DbModelOptions): string {
  return JSON.stringify([
    options.handlePattern ?? DEFAULT_HANDLE_PATTERN,
    options.libraries === undefined ? null : [...options.libraries].sort(),
    [...(options.additionalWriteMethods ?? [])].sort(),
  ]);
}

/**
 * The database model of a file, shared by everything that asks about the same file with the
 * same options: `require-transaction`, `no-transaction-escape` and the audit then resolve each
 * handle and ask the type checker once, not once each. Builds it with `createDbModel` on first
 * use; a different scope manager or parser services object gets a model of its own.
 *
 * @param source - the file's AST, scope manager and optional parser services
 * @param options - handle pattern (default `DEFAULT_HANDLE_PATTERN`), libraries, extra write methods
 * @example
 * const model = getDbModel({ ast: program, scopeManager: sourceCode.scopeManager, parserServices: getTypeServices(context) }, {});
 */
export function getDbModel(source: DbModelSource, options: DbModelOptions = {}): DbModel {
  let models = shared.get(source.ast);
  if (models === undefined) {
    models = new Map();
    shared.set(source.ast, models);
  }
  const key = getOptionsKey(options);
  const existing = models.get(key);
  if (existing !== undefined && existing.source.scopeManager === source.scopeManager && existing.source.parserServices === source.parserServices) {
    return existing.model;
  }
  const model = createDbModel(source, options);
  models.set(key, { source, model });
  return model;
}
