import type { TSESLint } from '@typescript-eslint/utils';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { FaultlineRule } from '../../src/utils/faultline-rule.js';

const SAMPLE = `
async function sample(db: any, c: any) {
  try {
    await db.insertInto('t').values({ a: 1 }).execute();
    return c.json({ ok: true });
  } catch (error) {
    return c.json({ error: String(error) }, 500);
  }
}
`;

function throwsWithoutTypes(name: string, rule: TSESLint.RuleModule<string, readonly unknown[]>): boolean {
  const linter = new Linter({ configType: 'flat' });
  const config = {
    files: ['**/*.ts'],
    languageOptions: { parser },
    plugins: { check: { rules: { [name]: rule } } },
    rules: { [`check/${name}`]: 'error' },
  } as unknown as Linter.Config;
  try {
    linter.verify(SAMPLE, [config], 'sample.ts');
    return false;
  } catch (error) {
    if (error instanceof Error && /type information|parserServices/iu.test(error.message)) return true;
    throw error;
  }
}

/**
 * Checks that `meta.docs.requiresTypeChecking` tells the truth: a rule that throws for lack of
 * type information must declare it, and a rule that declares it must need it.
 *
 * @param rules - the rules to check, keyed by name
 * @example
 * expect(findTypeCheckingProblems(rules)).toEqual([]);
 */
export function findTypeCheckingProblems(rules: Readonly<Record<string, FaultlineRule>>): string[] {
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(rules)) {
    const declared = rule.meta.docs?.requiresTypeChecking === true;
    const needed = throwsWithoutTypes(name, rule);
    if (declared && !needed) problems.push(`${name}: declares requiresTypeChecking but runs without type information`);
    if (!declared && needed) problems.push(`${name}: needs type information but does not declare requiresTypeChecking`);
  }
  return problems;
}
