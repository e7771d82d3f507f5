import type { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lintChunk, type Lint } from '../../src/lint/run-rules.js';

function result(filePath: string, ruleIds: readonly string[]): ESLint.LintResult {
  return { filePath, messages: ruleIds.map((ruleId) => ({ ruleId, message: ruleId, line: 1, column: 1, severity: 2 })) } as unknown as ESLint.LintResult;
}

/** Lints like ESLint does when rule `crashy` throws on `b.ts`. */
const lint: Lint = (paths, ruleIds) => {
  if (paths.includes('b.ts') && ruleIds.includes('crashy')) {
    return Promise.reject(new Error('Cannot read properties of undefined\nOccurred while linting b.ts:3\nRule: "faultline/crashy"'));
  }
  return Promise.resolve(paths.map((file) => result(file, ruleIds)));
};

describe('lintChunk', () => {
  it('loses only the crashing rule on the file it crashes on, and keeps every other result', async () => {
    const crashes: [string, string | undefined, string][] = [];
    const results = await lintChunk(lint, ['a.ts', 'b.ts', 'c.ts'], ['crashy', 'steady'], (file, rule, message) => crashes.push([file, rule, message]));
    expect(results.map((entry) => [entry.filePath, entry.messages.map((message) => message.ruleId)])).toEqual([
      ['a.ts', ['crashy', 'steady']],
      ['b.ts', ['steady']],
      ['c.ts', ['crashy', 'steady']],
    ]);
    expect(crashes).toEqual([['b.ts', 'crashy', 'Cannot read properties of undefined']]);
  });

  it('lets an error that is not a rule crash through', async () => {
    const broken: Lint = () => Promise.reject(new Error('EACCES: permission denied'));
    await expect(lintChunk(broken, ['a.ts'], ['steady'], () => undefined)).rejects.toThrow('EACCES');
  });
});
