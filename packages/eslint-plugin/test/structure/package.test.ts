import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { paths } from '../paths.js';
import { findDocsExampleProblems } from './find-docs-example-problems.js';
import { findRulePackageProblems } from './find-rule-package-problems.js';
import { findTypeCheckingProblems } from './find-type-checking-problems.js';

describe('the plugin package', () => {
  it('exports meta with the package name and version', () => {
    const manifest = JSON.parse(readFileSync(path.join(paths.packageDir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version });
  });

  it('has a file, a test and a conforming docs page for every exported rule, and nothing orphaned', () => {
    expect(findRulePackageProblems({ ...paths, rules: plugin.rules })).toEqual([]);
  });

  it('declares requiresTypeChecking exactly for the rules that need type information', () => {
    expect(findTypeCheckingProblems(plugin.rules)).toEqual([]);
  });

  for (const [name, rule] of Object.entries(plugin.rules)) {
    it(`${name}: every ❌ example is reported and every ✅ example is clean`, () => {
      const page = readFileSync(path.join(paths.docsDir, `${name}.md`), 'utf8');
      expect(findDocsExampleProblems(name, rule, page)).toEqual([]);
    });
  }
});
