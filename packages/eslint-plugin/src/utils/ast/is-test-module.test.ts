import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { isTestModule } from './is-test-module.js';

const plain = parse("import { db } from './db';");

describe('isTestModule', () => {
  it.each([
    ['/repo/src/orders.test.ts', true],
    ['/repo/src/orders.spec.tsx', true],
    ['/repo/e2e/checkout.e2e.ts', true],
    ['C:\\repo\\src\\__tests__\\orders.ts', true],
    ['/repo/packages/http/__fixtures__/routers/route.ts', true],
    ['/repo/apps/web/playwright/api/helpers.ts', true],
    ['/repo/src/orders.ts', false],
    ['/repo/src/testimonials.ts', false],
    ['/repo/test/support/test-app.ts', false],
    ['/repo/src/fixtures/catalog.ts', false],
    ['/repo/src/latest.spec-sheet.ts', false],
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
