import * as parser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import type { FaultlineRule } from './utils/faultline-rule.js';

// ESLint's own types, so that the configs drop into `defineConfig()` without casts.
type Config = Linter.Config;

/** The names of the shareable configs, from least to most strict. */
export type ConfigName =
  | 'recommended'
  | 'recommended-type-checked'
  | 'strict'
  | 'strict-type-checked'
  | 'all'
  | 'disable-type-checked';

const PREFIX = 'faultline';

function enable(ruleNames: readonly string[]): Linter.RulesRecord {
  return Object.fromEntries(ruleNames.map((name) => [`${PREFIX}/${name}`, 'error'] as const));
}

/**
 * Builds every shareable config from the rules' `meta.docs`, so that adding a rule to the index
 * is the only edit needed for it to appear in the right configs.
 *
 * @param plugin - the plugin object the configs register under the `faultline/` prefix
 * @param rules - the plugin's rules keyed by name
 * @example
 * const configs = createConfigs(plugin, rules);
 * export default [configs.recommended];
 */
export function createConfigs(
  plugin: ESLint.Plugin,
  rules: Readonly<Record<string, FaultlineRule>>,
): Record<ConfigName, Config> {
  const entries = Object.entries(rules);
  const select = (keep: (docs: FaultlineRule['meta']['docs']) => boolean): string[] =>
    entries.filter(([, rule]) => keep(rule.meta.docs)).map(([name]) => name);

  const isRecommended = (docs: FaultlineRule['meta']['docs']): boolean => docs?.recommended === 'recommended';
  const isStrict = (docs: FaultlineRule['meta']['docs']): boolean => docs?.recommended !== undefined;
  const isUntyped = (docs: FaultlineRule['meta']['docs']): boolean => docs?.requiresTypeChecking !== true;

  const base = (name: ConfigName, typed: boolean): Config => ({
    name: `${PREFIX}/${name}`,
    plugins: { [PREFIX]: plugin },
    languageOptions: {
      parser,
      sourceType: 'module',
      // The type-checked configs ask typescript-eslint for a program; every rule also runs without one.
      ...(typed ? { parserOptions: { projectService: true } } : {}),
    },
  });

  return {
    recommended: {
      ...base('recommended', false),
      rules: enable(select((docs) => isRecommended(docs) && isUntyped(docs))),
    },
    'recommended-type-checked': {
      ...base('recommended-type-checked', true),
      rules: enable(select(isRecommended)),
    },
    strict: {
      ...base('strict', false),
      rules: enable(select((docs) => isStrict(docs) && isUntyped(docs))),
    },
    'strict-type-checked': {
      ...base('strict-type-checked', true),
      rules: enable(select(isStrict)),
    },
    all: {
      ...base('all', true),
      rules: enable(select(() => true)),
    },
    'disable-type-checked': {
      name: `${PREFIX}/disable-type-checked`,
      languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
      rules: Object.fromEntries(
        select((docs) => !isUntyped(docs)).map((name) => [`${PREFIX}/${name}`, 'off'] as const),
      ),
    },
  };
}
