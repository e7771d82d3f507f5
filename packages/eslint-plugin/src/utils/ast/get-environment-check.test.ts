import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getEnvironmentCheck } from './get-environment-check.js';

const expression = (code: string): TSESTree.Expression => (parse(code).body[0] as TSESTree.ExpressionStatement).expression;

describe('getEnvironmentCheck', () => {
  it.each([
    ["process.env.NODE_ENV !== 'production'", 'development'],
    ["process.env['NODE_ENV'] === 'production'", 'production'],
    ["env.NODE_ENV === 'development'", 'development'],
    ["'development' == config.env", 'development'],
    ["app.get('env') === 'development'", 'development'],
    ['isDev', 'development'],
    ['config.isProduction', 'production'],
    ['import.meta.env.DEV', 'development'],
    ['isDevelopment()', 'development'],
    ['__DEV__', 'development'],
    ["process.env.NODE_ENV === 'staging'", undefined],
    ["user.role === 'production'", undefined],
    ['device', undefined],
  ])('%s is a %s check', (code, environment) => {
    expect(getEnvironmentCheck(expression(code))).toBe(environment);
  });
});
