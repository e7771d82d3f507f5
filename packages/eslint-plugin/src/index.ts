import type { ESLint, Linter } from 'eslint';
import { createRequire } from 'node:module';
import { createConfigs, type ConfigName } from './configs.js';
import { rules } from './rules/index.js';
import type { FaultlineRule } from './utils/faultline-rule.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as {
  name: string;
  version: string;
};

/** The plugin object ESLint loads: `{ meta, rules, configs }`. */
export interface FaultlinePlugin {
  meta: { name: string; version: string };
  rules: Record<string, FaultlineRule>;
  configs: Record<ConfigName, Linter.Config>;
}

/**
 * `@faultline/eslint-plugin`: rules for error handling and data consistency in TypeScript backends.
 *
 * @example
 * // eslint.config.js
 * import faultline from '@faultline/eslint-plugin';
 * export default [faultline.configs.recommended];
 */
const plugin: FaultlinePlugin = {
  meta: { name, version },
  rules,
  configs: {} as FaultlinePlugin['configs'],
};
// The configs reference the plugin object itself, so they are attached after it exists.
// typescript-eslint's rule type and ESLint's differ only in how strictly they type `create`.
plugin.configs = createConfigs(plugin as unknown as ESLint.Plugin, rules);

export default plugin;
export type { ConfigName } from './configs.js';
export type { FaultlineRuleDocs } from './utils/create-rule.js';
