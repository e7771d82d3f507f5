import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createCalleeMatcher } from '../ast/create-callee-matcher.js';
import { isHandledUpFront } from './is-handled-up-front.js';

const isReporter = createCalleeMatcher(['*.error', 'console.warn']);
const isReporting = (call: TSESTree.CallExpression): boolean => isReporter(call.callee);
const isSource = (node: TSESTree.Identifier): boolean => node.name === 'e';

function catchBody(code: string): TSESTree.BlockStatement {
  const statement = parse(`try { run(); } catch (e) ${code}`).body[0] as TSESTree.TryStatement;
  if (!statement.handler) throw new Error('no catch clause');
  return statement.handler.body;
}

describe('isHandledUpFront', () => {
  it.each([
    '{ logger.error(e); }',
    '{ logger.error({ err: e }, "charge failed"); return null; }',
    '{ await console.warn("failed", e); }',
    '{ const id = order.id; cleanUp(id); throw e; }',
    '{ throw new Error("charge failed"); }',
    '{ logger.error(e); if (retry) return retry(); }',
  ])('%s is settled before any path can leave', (code) => {
    expect(isHandledUpFront(catchBody(code), isReporting, () => ({ isSource }))).toBe(true);
  });

  it.each([
    '{ if (e instanceof NotFound) return null; throw e; }',
    '{ logger.error("charge failed"); return null; }',
    '{ logger.error(e.message); }',
    '{ console.log(e); }',
    '{ for (const item of items) undo(item); throw e; }',
    '{ return fallback; }',
    '{}',
  ])('%s needs the path analysis', (code) => {
    expect(isHandledUpFront(catchBody(code), isReporting, () => ({ isSource }))).toBe(false);
  });

  it('leaves expression-bodied callbacks to the path analysis', () => {
    const arrow = (parse('(e) => logger.error(e)').body[0] as TSESTree.ExpressionStatement)
      .expression as TSESTree.ArrowFunctionExpression;
    expect(isHandledUpFront(arrow.body as TSESTree.Expression, isReporting, () => ({ isSource }))).toBe(false);
  });
});
