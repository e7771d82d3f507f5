import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getInlineFunctionKind } from './get-inline-function-kind.js';
import { getMaxPathWeight } from './get-max-path-weight.js';

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The heaviest path through the first function of `code`, where each call to `w()` weighs 1 and `barrier()` splits. */
function measure(code: string, countRepeats = true): { max: number; repeats: number } {
  const program = parse(code, { range: true });
  // The parser does not link parents; getInlineFunctionKind reads them.
  const stack: TSESTree.Node[] = [program];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child)) {
          (child as { parent?: TSESTree.Node }).parent = node;
          stack.push(child);
        }
      }
    }
  }
  const fn = program.body[0] as TSESTree.FunctionDeclaration;
  const isCallTo = (node: TSESTree.Node, name: string): boolean =>
    node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === name;
  const { max, repeats } = getMaxPathWeight(fn.body, {
    weight: (node) => (isCallTo(node, 'w') ? 1 : 0),
    getInlineKind: getInlineFunctionKind,
    countRepeats,
    isBarrier: (statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && isCallTo(statement.expression, 'barrier'),
  });
  return { max, repeats: repeats.length };
}

describe('getMaxPathWeight', () => {
  it.each([
    ['function f() { w(); w(); }', 2],
    ['function f(a) { if (a) { w(); } else { w(); } }', 1],
    ['function f(a) { if (a) { w(); return; } w(); }', 1],
    ['function f(a) { w(); if (a) { w(); return; } }', 2],
    ['function f(a) { return a ? w() : w(); }', 1],
    ['function f(a) { a && w(); w(); }', 2],
    ['function f(k) { switch (k) { case 1: w(); break; case 2: w(); break; default: w(); } }', 1],
    ['function f(k) { switch (k) { case 1: w(); case 2: w(); } }', 2],
    ['function f() { try { w(); } catch { w(); } }', 1],
    ['function f() { try { w(); w(); } catch { w(); } }', 2],
    ['function f() { try { w(); } finally { w(); } }', 2],
    ['function f() { w(); barrier(); w(); }', 1],
    ['function f() { const g = () => { w(); w(); }; }', 0],
    ['function f() { p.then(() => w()); w(); }', 2],
    ['function f() { new Promise((resolve) => { w(); resolve(); }); }', 1],
  ])('%s weighs %d', (code, max) => {
    expect(measure(code).max).toBe(max);
  });

  it.each([
    ['function f(items) { for (const item of items) w(item); }'],
    ['function f(items) { items.map((item) => w(item)); }'],
    ['function f(items) { let i = 0; while (i < items.length) { w(items[i]); i += 1; } }'],
  ])('%s repeats its weight', (code) => {
    expect(measure(code)).toEqual({ max: Number.POSITIVE_INFINITY, repeats: 1 });
  });

  it('does not multiply a retry loop that stops after the write that took effect', () => {
    expect(measure('function f() { for (;;) { const done = w(); if (done) break; } }')).toEqual({ max: 1, repeats: 0 });
  });

  it.each([
    ['function f() { for (let i = 0; i < 3; i += 1) { if (w()) return; if (!w()) continue; return; } }'],
    ['function f(ready) { while (true) { if (ready && w()) break; } }'],
  ])('%s only retries writes that reported no effect', (code) => {
    expect(measure(code)).toEqual({ max: 1, repeats: 0 });
  });

  it.each([
    ['function f(a) { w(); if (a) { barrier(); return; } w(); }', 2],
    ['function f(a) { w(); if (a) { barrier(); } w(); }', 2],
    ['function f() { w(); try { barrier(); w(); } catch { w(); } }', 1],
    ['function f() { w(); w(); try { barrier(); w(); } catch { w(); } }', 2],
    ['function f(items) { for (const item of items) { barrier(); w(item); } }', 1],
    ['function f(items) { items.map(() => { barrier(); w(); }); }', 1],
  ])('%s weighs %d: a barrier splits only the paths that cross it', (code, max) => {
    expect(measure(code).max).toBe(max);
  });

  it.each([
    ['function f(items) { Promise.allSettled(items.map((item) => w(item))); }', 1],
    ['function f(items) { Promise.allSettled(items.map((item) => { w(item); w(item); })); }', 2],
    ['function f() { Promise.allSettled([w(), w()]); }', 1],
    ['function f(items) { for (const item of items) { try { w(item); } catch (error) { log(error); } } }', 1],
    ['function f(items) { for (const item of items) { try { w(item); w(item); } catch (error) { log(error); } } }', 2],
    ['function f() { let n = 0; do { n = w(); } while (n === 100); }', 1],
    ['function f(items) { items.map((item) => { try { w(item); } catch (error) { log(error); } }); }', 1],
    ['function f() { let more = true; while (more) { const r = w(); more = r.count === 100; } }', 1],
  ])('%s weighs %d: per-item units and batches do not repeat', (code, max) => {
    expect(measure(code).max).toBe(max);
  });

  it.each([
    ['function f(items) { for (const item of items) { try { w(item); } catch (error) { throw error; } } }'],
    ['function f(items) { let i = 0; while (i < items.length) { w(items[i]); i += 1; } }'],
  ])('%s still repeats', (code) => {
    expect(measure(code).max).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts a loop once when countRepeats is off', () => {
    expect(measure('function f(items) { for (const item of items) w(item); w(); }', false)).toEqual({ max: 2, repeats: 0 });
  });
});
