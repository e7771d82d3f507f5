import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runVisitor } from '../../../test/run-visitor.js';
import { DEFAULT_HANDLE_PATTERN, type DbModel } from './create-db-model.js';
import { getDbModel } from './get-db-model.js';

/** The models one file gets, one per request, in order. */
function modelsOf(requests: readonly ((program: TSESTree.Program, scopeManager: Parameters<typeof getDbModel>[0]['scopeManager']) => DbModel)[]): DbModel[] {
  const models: DbModel[] = [];
  runVisitor("import { Kysely } from 'kysely';\ndeclare const db: Kysely<{ t: { id: number } }>;\nawait db.insertInto('t').values({ id: 1 }).execute();", (context) => ({
    'Program:exit'(program: TSESTree.Program) {
      for (const request of requests) models.push(request(program, context.sourceCode.scopeManager));
    },
  }));
  return models;
}

describe('getDbModel', () => {
  it('shares one model between askers of the same file with the same options', () => {
    const [first, second] = modelsOf([
      (ast, scopeManager) => getDbModel({ ast, scopeManager }),
      (ast, scopeManager) => getDbModel({ ast, scopeManager }, { handlePattern: DEFAULT_HANDLE_PATTERN, additionalWriteMethods: [] }),
    ]);
    expect(second).toBe(first);
  });

  it('builds another model for other options or another scope manager', () => {
    const [plain, patterned, unscoped] = modelsOf([
      (ast, scopeManager) => getDbModel({ ast, scopeManager }),
      (ast, scopeManager) => getDbModel({ ast, scopeManager }, { handlePattern: '^store$' }),
      (ast) => getDbModel({ ast, scopeManager: null }),
    ]);
    expect(patterned).not.toBe(plain);
    expect(unscoped).not.toBe(plain);
  });
});
