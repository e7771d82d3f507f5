import type { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createConfigs } from '../src/configs.js';
import plugin from '../src/index.js';
import { createRule } from '../src/utils/create-rule.js';
import type { FaultlineRule } from '../src/utils/faultline-rule.js';

function fakeRule(docs: { recommended?: 'recommended' | 'strict'; requiresTypeChecking?: boolean }): FaultlineRule {
  return createRule({
    name: 'fake',
    meta: { type: 'problem', docs: { description: 'Disallow fakes', ...docs }, messages: { m: 'm' }, schema: [], defaultOptions: [] },
    create: () => ({}),
  }) as FaultlineRule;
}

describe('createConfigs', () => {
  const rules = {
    'rec-untyped': fakeRule({ recommended: 'recommended' }),
    'rec-typed': fakeRule({ recommended: 'recommended', requiresTypeChecking: true }),
    'strict-untyped': fakeRule({ recommended: 'strict' }),
    'strict-typed': fakeRule({ recommended: 'strict', requiresTypeChecking: true }),
    'opt-in': fakeRule({}),
  };
  const configs = createConfigs({ rules: rules as unknown as NonNullable<ESLint.Plugin['rules']> }, rules);
  const enabled = (config: Linter.Config): string[] => Object.keys(config.rules ?? {}).sort();

  it('places each rule by its recommended level and type needs', () => {
    expect(enabled(configs.recommended)).toEqual(['faultline/rec-untyped']);
    expect(enabled(configs['recommended-type-checked'])).toEqual(['faultline/rec-typed', 'faultline/rec-untyped']);
    expect(enabled(configs.strict)).toEqual(['faultline/rec-untyped', 'faultline/strict-untyped']);
    expect(enabled(configs['strict-type-checked'])).toHaveLength(4);
    expect(enabled(configs.all)).toHaveLength(5);
  });

  it('turns off only the rules that need type information in disable-type-checked', () => {
    expect(configs['disable-type-checked'].rules).toEqual({
      'faultline/rec-typed': 'off',
      'faultline/strict-typed': 'off',
    });
  });

  it('asks for a program only in the type-checked configs', () => {
    expect(configs.recommended.languageOptions?.parserOptions).toBeUndefined();
    expect(configs['recommended-type-checked'].languageOptions?.parserOptions).toEqual({ projectService: true });
  });
});

describe('the exported configs', () => {
  it('register the plugin under the faultline prefix', () => {
    for (const [name, config] of Object.entries(plugin.configs)) {
      if (name !== 'disable-type-checked') expect(config.plugins?.faultline).toBe(plugin);
    }
  });

  it('match the snapshot', () => {
    const summary = Object.fromEntries(Object.entries(plugin.configs).map(([name, config]) => [name, config.rules]));
    expect(summary).toMatchSnapshot();
  });
});
