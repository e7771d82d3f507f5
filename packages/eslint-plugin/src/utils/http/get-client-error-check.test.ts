import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getClientErrorCheck } from './get-client-error-check.js';
import { isClientErrorClassName } from './is-client-error-class-name.js';

const expression = (code: string): TSESTree.Expression => (parse(code).body[0] as TSESTree.ExpressionStatement).expression;

describe('getClientErrorCheck', () => {
  it.each([
    ['err.expose', 'whenTrue'],
    ['err.expose === true', 'whenTrue'],
    ['status < 500', 'whenTrue'],
    ['500 > err.status', 'whenTrue'],
    ['err.statusCode <= 499', 'whenTrue'],
    ['status >= 500', 'whenFalse'],
    ['status > 499', 'whenFalse'],
    ['status === 500', 'whenFalse'],
    ['err.status === 404', 'whenTrue'],
    ['err.status !== 409', 'whenFalse'],
    ['status >= 400', undefined],
    ['status > 500', undefined],
    ['err.message', undefined],
  ])('%s establishes a client error %s', (code, fact) => {
    expect(getClientErrorCheck(expression(code))).toBe(fact);
  });
});

describe('isClientErrorClassName', () => {
  it.each([
    ['NotFoundError', true],
    ['ReportNotFoundError', true],
    ['InvalidReportTypeError', true],
    ['ConflictException', true],
    ['DubApiError', true],
    ['HttpError', true],
    ['PrismaClientValidationError', false],
    ['DatabaseConnectionError', false],
    ['QueryFailedError', false],
    ['AppError', false],
    ['TypeError', false],
    ['NotFound', false],
  ])('%s is a client error class: %s', (name, expected) => {
    expect(isClientErrorClassName(name)).toBe(expected);
  });
});
