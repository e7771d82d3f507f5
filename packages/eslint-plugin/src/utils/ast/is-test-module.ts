import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

// Names that only test code uses: `*.test.ts`, `*.spec.ts`, `*.e2e.ts`, and the folders test
// runners and their fixtures live in by convention. Plain `test/` and `fixtures/` are not among
// them: applications keep real code under such names too.
const TEST_PATH = /(?:^|[\\/])(?:__tests__|__fixtures__|__mocks__|playwright|cypress)[\\/]|\.(?:test|spec|e2e|e2e-spec)\.[cm]?[jt]sx?$/u;
// Modules only test code imports: runners, and fake-data generators for fixtures and factories.
const TEST_MODULE = /^(?:vitest|jest|@jest\/globals|mocha|node:test|ava|bun:test|@playwright\/test|cypress|@testing-library\/[\w-]+|@faker-js\/faker|faker)$/u;

/**
 * Whether a module is test code: named or placed like a test or a test fixture, or importing a
 * test runner or a fake-data generator. Rules about what production code does to data skip it:
 * factories, fixtures and setup write rows one by one on purpose.
 *
 * @param filename - the linted file's path (`context.filename`)
 * @param program - the module's syntax tree
 * @example
 * if (isTestModule(context.filename, context.sourceCode.ast)) return {};
 */
export function isTestModule(filename: string, program: TSESTree.Program): boolean {
  if (TEST_PATH.test(filename)) return true;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && TEST_MODULE.test(statement.source.value)) return true;
  }
  return false;
}
