import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { isTestModule } from './is-test-module.js';

const plain = parse("import { db } from './db';");

describe('isTestModule', () => {
  it.each([
    ['/repo/apps/web/playwright/api/helpers.ts', true],
    ['/repo/cypress/support/commands.ts', true],
    ['C:\\repo\\src\\__mocks__\\db.ts', true],
    ['/repo/src/orders.ts', false],
    ['/repo/src/orders.test.ts', false],
    ['/repo/src/__tests__/orders.ts', false],
    ['/repo/packages/http/__fixtures__/routers/route.ts', false],
    ['/repo/test/support/test-app.ts', false],
    ['/repo/src/playwrights.ts', false],
  ])('%s is test code: %s', (filename, expected) => {
    expect(isTestModule(filename, plain)).toBe(expected);
  });

  it.each([
    ["import { test } from '@playwright/test';", true],
    ["import { describe } from 'vitest';", true],
    ["import { faker } from '@faker-js/faker';", true],
    ["import { render } from '@testing-library/react';", true],
    ["import { it } from 'node:test';", true],
    ["import { vitestConfig } from './vitest';", false],
    ["import jestLike from 'jest-like-lib';", false],
  ])('a module with %s is test code: %s', (code, expected) => {
    expect(isTestModule('/repo/src/helpers.ts', parse(code, { sourceType: 'module' }))).toBe(expected);
  });
});
