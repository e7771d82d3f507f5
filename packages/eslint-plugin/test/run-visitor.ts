import * as parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import path from 'node:path';
import { fixturesDir } from './rule-tester.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Lints `code` with a throwaway rule whose listeners `createVisitor` builds from the rule context,
 * so that tests of AST and type helpers can call them on real nodes. Typed runs lint the code as
 * the fixture `file.ts`. Throws when the code does not parse.
 *
 * @param code - the source to visit
 * @param createVisitor - builds the rule listeners
 * @param options.typed - give the helpers type information (default false)
 * @example
 * const names: string[] = [];
 * runVisitor('f(x)', () => ({ CallExpression: (node) => names.push(node.type) }));
 */
export function runVisitor(
  code: string,
  createVisitor: (context: Context) => TSESLint.RuleListener,
  { typed = false }: { typed?: boolean } = {},
): void {
  const linter = new Linter({ configType: 'flat', cwd: fixturesDir });
  const config = {
    files: ['**/*.ts'],
    languageOptions: {
      parser,
      // Under CI=true typescript-estree would otherwise type the on-disk (empty) fixture, not this code.
      parserOptions: typed
        ? { project: './tsconfig.json', tsconfigRootDir: fixturesDir, disallowAutomaticSingleRunInference: true }
        : {},
    },
    plugins: { test: { rules: { visit: { meta: { schema: [] }, create: createVisitor } } } },
    rules: { 'test/visit': 'error' },
  } as unknown as Linter.Config;
  const messages = linter.verify(code, [config], path.join(fixturesDir, 'file.ts'));
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) throw new Error(`does not parse: ${fatal.message}`);
}
