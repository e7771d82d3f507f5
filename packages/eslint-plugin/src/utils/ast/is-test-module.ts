import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

// Folders only test tooling uses. File names (`*.test.ts`) and `__tests__`/`__fixtures__` folders
// are not relied on: corpora of sample code are kept under such names too, and test files are
// recognised by what they import.
const TEST_PATH = /(?:^|[\\/])(?:__mocks__|playwright|cypress)[\\/]/u;
// Modules only test code imports: runners, and fake-data generators for fixtures and factories.
const TEST_MODULE = /^(?:vitest|jest|@jest\/globals|mocha|node:test|ava|bun:test|@playwright\/test|cypress|@testing-library\/[\w-]+|@faker-js\/faker|faker)$/u;

/**
 * Whether a module is test code: it imports a test runner or a fake-data generator, or sits in a
 * folder of test tooling (`playwright/`, `cypress/`, `__mocks__/`). Rules about what production
 * code does to data skip it: factories, fixtures and setup write rows one by one on purpose.
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
