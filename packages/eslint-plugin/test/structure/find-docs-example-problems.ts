import type { TSESLint } from '@typescript-eslint/utils';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import path from 'node:path';
import { fixturesDir } from '../rule-tester.js';
import { getDocsExamples } from './get-docs-examples.js';

const linter = new Linter({ configType: 'flat' });

/**
 * Lints every example of a rule page with that rule (with type information, as the fixture
 * `file.ts`) and describes each one that contradicts its heading: a ❌ block the rule does not
 * report, a ✅ block it does, or a block that does not parse.
 *
 * @param name - the rule's name
 * @param rule - the rule module
 * @param markdown - the rule page's text
 * @example
 * expect(findDocsExampleProblems('no-swallowed-error', rule, page)).toEqual([]);
 */
export function findDocsExampleProblems(
  name: string,
  rule: TSESLint.RuleModule<string, readonly unknown[]>,
  markdown: string,
): string[] {
  const problems: string[] = [];
  const examples = getDocsExamples(markdown);
  if (!examples.some((example) => example.kind === 'incorrect')) problems.push(`${name}: no ❌ example`);
  if (!examples.some((example) => example.kind === 'correct')) problems.push(`${name}: no ✅ example`);

  for (const example of examples) {
    const filename = path.join(fixturesDir, example.language.endsWith('x') ? 'react.tsx' : 'file.ts');
    const config = {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: {
        parser,
        // Under CI=true typescript-estree would assume a single run and type the file as it is on
        // disk (empty), not as the example's code; RuleTester turns this inference off too.
        parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixturesDir, disallowAutomaticSingleRunInference: true },
      },
      plugins: { docs: { rules: { [name]: rule } } },
      rules: { [`docs/${name}`]: ['error', ...example.options] },
    } as unknown as Linter.Config;
    const messages = linter.verify(example.code, [config], filename);
    const fatal = messages.find((message) => message.fatal === true);
    const where = `${name}: ${example.kind === 'incorrect' ? '❌' : '✅'} example at line ${String(example.line)}`;
    if (fatal) {
      problems.push(`${where} does not parse: ${fatal.message}`);
    } else if (example.kind === 'incorrect' && messages.length === 0) {
      problems.push(`${where} is not reported`);
    } else if (example.kind === 'correct' && messages.length > 0) {
      problems.push(`${where} is reported: ${messages.map((message) => message.message).join('; ')}`);
    }
  }
  return problems;
}
