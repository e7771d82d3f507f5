import * as tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import path from 'node:path';

/**
 * A flat config that runs `rules` (at "warn") on every JS/TS file of a benchmark corpus, with the
 * TypeScript parser, inline config ignored (corpus files carry their own directives).
 *
 * @param rules - rule ids
 * @param plugins - the plugins those ids come from
 * @param parserOptions - extra parser options, e.g. for typed linting
 * @example
 * linter.verify(text, createCorpusConfig(['faultline/no-swallowed-error'], { faultline }), filename);
 */
export function createCorpusConfig(
  rules: readonly string[],
  plugins: Record<string, unknown>,
  parserOptions: Linter.ParserOptions = {},
): Linter.Config[] {
  return [
    {
      // A pattern that names extensions: `**/*` alone does not make ESLint lint a .ts file.
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      languageOptions: { parser: tsParser, sourceType: 'module', parserOptions },
      linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
      plugins: plugins as Record<string, ESLint.Plugin>,
      rules: Object.fromEntries(rules.map((rule) => [rule, 'warn'])),
    },
  ];
}

/**
 * The name an installed file is linted under: ESLint's Linter skips anything below node_modules.
 *
 * @param file - an absolute path
 * @example
 * linter.verify(text, config, toLintedName('/repo/node_modules/pg/lib/client.js')); // …/corpus/pg/lib/client.js
 */
export function toLintedName(file: string): string {
  return file.replaceAll(`${path.sep}node_modules${path.sep}`, `${path.sep}corpus${path.sep}`);
}
