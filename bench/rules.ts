// `npm run bench -- rules [--typed] [--files N]`: each Faultline rule's time per file next to
// comparable ESLint core and SonarJS rules, measured in one ESLint run with `stats` (per-rule
// listener time, as TIMING reports it), over a large real JS/TS corpus installed on every machine.
import faultline from '@faultline/eslint-plugin';
import * as tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { collectFiles } from './lib/collect-files.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { typed: { type: 'boolean', default: false }, files: { type: 'string' } },
});

// The comparison rules each Faultline rule is measured against (issues 3–6).
const COMPARISONS = [
  'no-empty',
  'consistent-return',
  'require-atomic-updates',
  'sonarjs/no-ignored-exceptions',
  'sonarjs/function-return-type',
];

const UNTYPED_CORPUS = [
  'node_modules/typescript/lib/typescript.js',
  'node_modules/eslint/lib',
  'node_modules/playwright-core/lib/server',
  'node_modules/pg/lib',
  'node_modules/pino/lib',
  'node_modules/hono/dist',
  'node_modules/kysely/dist/esm',
  'node_modules/@sentry/core/build/esm',
  'node_modules/ajv/dist',
  'node_modules/vite/dist',
  'packages/eslint-plugin/src',
  'packages/audit/src',
  'packages/reference-app/src',
];

function corpus(): string[] {
  const entries = values.typed ? ['packages/eslint-plugin/src', 'packages/audit/src', 'packages/reference-app/src'] : UNTYPED_CORPUS;
  const files = entries.flatMap((entry) => {
    const full = path.join(root, entry);
    return /\.[cm]?[jt]s$/u.test(entry) ? [full] : collectFiles(full);
  });
  const limit = values.files === undefined ? Infinity : Number(values.files);
  return values.typed ? files.filter((file) => file.endsWith('.ts')).slice(0, limit) : files.slice(0, limit);
}

function ruleIds(): string[] {
  return [...Object.keys(faultline.rules).map((name) => `faultline/${name}`), ...COMPARISONS];
}

function time(files: string[], rules: string[]): Map<string, number> {
  const config: Linter.Config[] = [
    {
      files: ['**/*'],
      languageOptions: {
        parser: tsParser,
        sourceType: 'module',
        ...(values.typed ? { parserOptions: { projectService: true, tsconfigRootDir: root } } : {}),
      },
      linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
      plugins: { faultline: faultline as unknown as ESLint.Plugin, sonarjs: sonarjs as unknown as ESLint.Plugin },
      rules: Object.fromEntries(rules.map((rule) => [rule, 'warn'])),
    },
  ];
  const linter = new Linter({ cwd: root });
  const totals = new Map<string, number>([['(parse)', 0]]);
  for (const file of files) {
    // Only verifyAndFix collects stats (an option its types omit); with fix off it is one plain pass.
    // Linter skips anything under node_modules, so installed files are linted under another name.
    const filename = file.replaceAll(`${path.sep}node_modules${path.sep}`, `${path.sep}corpus${path.sep}`);
    linter.verifyAndFix(readFileSync(file, 'utf8'), config, { filename, stats: true, fix: false } as Linter.FixOptions);
    for (const pass of linter.getTimes().passes) {
      totals.set('(parse)', (totals.get('(parse)') ?? 0) + (pass.parse?.total ?? 0));
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) {
        totals.set(rule, (totals.get(rule) ?? 0) + total);
      }
    }
  }
  return totals;
}

const files = corpus();
const lines = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length, 0);
console.log(`${values.typed ? 'typed' : 'untyped'} corpus: ${files.length} files, ${lines.toLocaleString('en')} lines`);

const rows: [string, number][] = [];
if (values.typed) {
  // Typed rules are timed one at a time: the first rule that touches the checker pays for its
  // lazy type checking, which would otherwise be charged to whichever rule runs first.
  for (const rule of ruleIds()) {
    const totals = time(files, [rule]);
    rows.push([rule, totals.get(rule) ?? 0]);
  }
} else {
  const totals = time(files, ruleIds());
  rows.push(...[...totals.entries()]);
}

console.log('\nrule                                   µs/file    ms total');
for (const [rule, ms] of rows.sort((a, b) => b[1] - a[1])) {
  console.log(`${rule.padEnd(38)} ${((ms * 1000) / files.length).toFixed(1).padStart(9)} ${ms.toFixed(1).padStart(10)}`);
}
