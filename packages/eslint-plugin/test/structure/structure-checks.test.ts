import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/utils/create-rule.js';
import type { FaultlineRule } from '../../src/utils/faultline-rule.js';
import { findDocsExampleProblems } from './find-docs-example-problems.js';
import { findRulePackageProblems } from './find-rule-package-problems.js';
import { findTypeCheckingProblems } from './find-type-checking-problems.js';

// A throwaway rule: the structure checks must bite on a real rule, not on a stand-in object.
const noDebugger = createRule({
  name: 'no-debugger-here',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow debugger statements', recommended: 'recommended' },
    messages: { debuggerFound: 'Remove the debugger statement.' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      DebuggerStatement(node: TSESTree.DebuggerStatement) {
        context.report({ node, messageId: 'debuggerFound' });
      },
    };
  },
}) as FaultlineRule;

const GOOD_PAGE = `# Disallow debugger statements

## Rule details

### ❌ Incorrect

\`\`\`ts
debugger;
\`\`\`

### ✅ Correct

\`\`\`ts
const x = 1;
\`\`\`

## Options

None.

## When not to use it

Never.
`;

function createLayout(files: Record<string, string>): { rulesDir: string; docsDir: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'faultline-structure-'));
  const rulesDir = path.join(root, 'rules');
  const docsDir = path.join(root, 'docs');
  mkdirSync(rulesDir);
  mkdirSync(docsDir);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
  return { rulesDir, docsDir };
}

describe('findRulePackageProblems', () => {
  it('accepts a rule with file, test and page', () => {
    const layout = createLayout({
      'rules/no-debugger-here.ts': '',
      'rules/no-debugger-here.test.ts': '',
      'docs/no-debugger-here.md': GOOD_PAGE,
    });
    expect(findRulePackageProblems({ ...layout, rules: { 'no-debugger-here': noDebugger } })).toEqual([]);
  });

  it('reports a rule file missing from the index', () => {
    const layout = createLayout({
      'rules/no-debugger-here.ts': '',
      'rules/no-debugger-here.test.ts': '',
      'docs/no-debugger-here.md': GOOD_PAGE,
    });
    expect(findRulePackageProblems({ ...layout, rules: {} })).toEqual([
      'no-debugger-here: rule file is not exported from the index',
      'no-debugger-here: docs page has no rule',
    ]);
  });

  it('reports an exported rule without file, test or page', () => {
    const layout = createLayout({});
    expect(findRulePackageProblems({ ...layout, rules: { 'no-debugger-here': noDebugger } })).toEqual([
      'no-debugger-here: exported from the index but has no file no-debugger-here.ts',
      'no-debugger-here: has no test no-debugger-here.test.ts',
      'no-debugger-here: has no docs page no-debugger-here.md',
    ]);
  });

  it('reports a page that lacks a required section', () => {
    const layout = createLayout({
      'rules/no-debugger-here.ts': '',
      'rules/no-debugger-here.test.ts': '',
      'docs/no-debugger-here.md': GOOD_PAGE.replace('## When not to use it', '## Whenever'),
    });
    expect(findRulePackageProblems({ ...layout, rules: { 'no-debugger-here': noDebugger } })).toEqual([
      'no-debugger-here: docs page lacks "## When not to use it"',
    ]);
  });

  it('reports a description that breaks the convention and a non-camelCase messageId', () => {
    const layout = createLayout({
      'rules/no-debugger-here.ts': '',
      'rules/no-debugger-here.test.ts': '',
      'docs/no-debugger-here.md': GOOD_PAGE,
    });
    const sloppy = {
      ...noDebugger,
      meta: { ...noDebugger.meta, docs: { ...noDebugger.meta.docs, description: 'Debuggers are bad.' }, messages: { 'debugger-found': 'x' } },
    } as FaultlineRule;
    expect(findRulePackageProblems({ ...layout, rules: { 'no-debugger-here': sloppy } })).toEqual([
      'no-debugger-here: description must start with Enforce/Require/Disallow and not end with a period',
      'no-debugger-here: messageId debugger-found is not camelCase',
    ]);
  });
});

describe('findDocsExampleProblems', () => {
  it('accepts a page whose examples match their headings', () => {
    expect(findDocsExampleProblems('no-debugger-here', noDebugger, GOOD_PAGE)).toEqual([]);
  });

  it('reports a ❌ example the rule does not report', () => {
    const broken = GOOD_PAGE.replace('debugger;', 'const y = 2;');
    expect(findDocsExampleProblems('no-debugger-here', noDebugger, broken)).toEqual([
      'no-debugger-here: ❌ example at line 7 is not reported',
    ]);
  });

  it('reports a ✅ example the rule reports', () => {
    const broken = GOOD_PAGE.replace('const x = 1;', 'debugger;');
    expect(findDocsExampleProblems('no-debugger-here', noDebugger, broken)).toEqual([
      'no-debugger-here: ✅ example at line 13 is reported: Remove the debugger statement.',
    ]);
  });

  it('reports an example that does not parse', () => {
    const broken = GOOD_PAGE.replace('const x = 1;', 'const = ;');
    expect(findDocsExampleProblems('no-debugger-here', noDebugger, broken)[0]).toMatch(/line 13 does not parse/u);
  });
});

describe('findTypeCheckingProblems', () => {
  const needsTypes = createRule({
    name: 'needs-types',
    meta: {
      type: 'problem',
      docs: { description: 'Require types' },
      messages: { found: 'found' },
      schema: [],
      defaultOptions: [],
    },
    create(context) {
      ESLintUtils.getParserServices(context);
      return {};
    },
  }) as FaultlineRule;

  it('reports a rule that needs type information without declaring it', () => {
    expect(findTypeCheckingProblems({ 'needs-types': needsTypes })).toEqual([
      'needs-types: needs type information but does not declare requiresTypeChecking',
    ]);
  });

  it('reports a rule that declares type information it does not need', () => {
    const declared = { ...noDebugger, meta: { ...noDebugger.meta, docs: { ...noDebugger.meta.docs, requiresTypeChecking: true } } } as FaultlineRule;
    expect(findTypeCheckingProblems({ 'no-debugger-here': declared })).toEqual([
      'no-debugger-here: declares requiresTypeChecking but runs without type information',
    ]);
  });
});
