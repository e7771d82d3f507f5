import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the fixture `tsconfig.json` and `file.ts` that typed tests are linted as. */
export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * A rule tester for rule tests. Untyped by default (the editor-fast mode every rule must support);
 * `{ typed: true }` lints each case as `test/fixtures/file.ts` with a real TypeScript program.
 *
 * @param options.typed - give rules type information (default false)
 * @example
 * const ruleTester = createRuleTester({ typed: true });
 * ruleTester.run('no-swallowed-error', rule, { valid: [], invalid: [] });
 */
export function createRuleTester({ typed = false }: { typed?: boolean } = {}): RuleTester {
  return new RuleTester({
    languageOptions: typed
      ? { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixturesDir } }
      : { parserOptions: {} },
  });
}
