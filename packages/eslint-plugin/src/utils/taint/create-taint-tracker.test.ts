import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runVisitor } from '../../../test/run-visitor.js';
import { createTaintTracker, type TaintEvent } from './create-taint-tracker.js';

/** Tracks every catch parameter and describes each event whose callee is `sink`, `new Sink` or `out.x =`. */
function trackCatch(code: string): string[] {
  const found: string[] = [];
  runVisitor(code, (context) => {
    const text = (node: TSESTree.Node): string => context.sourceCode.getText(node);
    const tracker = createTaintTracker({
      sourceCode: context.sourceCode,
      safeProperties: new Set(['code']),
      sanitizers: new Set(['toProblem']),
      onEvent(event: TaintEvent) {
        const { leaf, path } = event.flow;
        if (event.type === 'return') {
          // Only the return of a function named `handler` is a sink here; others are the tracker's.
          if (event.node.type !== AST_NODE_TYPES.FunctionDeclaration || event.node.id?.name !== 'handler') return false;
          found.push(`return ${text(leaf)} [${path.join('.')}]`);
          return true;
        }
        const target = event.type === 'argument' ? text(event.node.callee) : text(event.node.left);
        if (!/^(?:sink|Sink|out\.\w+)$/u.test(target)) return false;
        found.push(`${target} ${text(leaf)} [${path.join('.')}]`);
        return true;
      },
    });
    return {
      CatchClause(node) {
        if (node.param !== null) tracker.track({ binding: node.param, root: context.sourceCode.ast, description: 'e' });
      },
    };
  });
  return found;
}

describe('createTaintTracker', () => {
  it('follows member reads, conversions and templates into object literals', () => {
    expect(trackCatch('try {} catch (e) { sink({ a: e.message, b: String(e), c: `x ${e}`, d: e.code }); }')).toEqual([
      'sink e.message [a]',
      'sink String(e) [b]',
      'sink `x ${e}` [c]',
    ]);
  });

  it('follows variables, destructuring, spreads, ternaries and nullish fallbacks', () => {
    const code = `
try {} catch (e) {
  const m = cond ? e.message : 'x';
  const { stack, code } = e;
  const body = { ...e };
  sink(m ?? 'none');
  sink(stack);
  sink(code);
  sink(body);
}`;
    expect(trackCatch(code)).toEqual(['sink m ?? \'none\' []', 'sink stack []', 'sink body []']);
  });

  it('stops at predicates, comparisons, sanitizers and unknown calls', () => {
    const code = `
try {} catch (e) {
  sink(e.message.includes('x'));
  sink(e.message === 'x');
  sink(e instanceof Error);
  sink(toProblem(e));
  sink(lookup(e));
  sink(e.message.length);
}`;
    expect(trackCatch(code)).toEqual([]);
  });

  it('summarises functions of the file and promise callbacks', () => {
    const code = `
function describe(err) { return 'Failed: ' + err.message; }
function forward(err) { out.body = err.stack; }
try {} catch (e) {
  sink(describe(e));
  forward(e);
  const r = await p.catch((reason) => ({ reason: e.message }));
  sink(r);
}`;
    expect(trackCatch(code)).toEqual(['sink describe(e) []', 'out.body err.stack []', 'sink r []']);
  });

  it('follows mutation of local objects, for…of and array callbacks', () => {
    const code = `
try {} catch (e) {
  const body = {};
  body.detail = e.message;
  sink(body);
  for (const issue of e.issues) sink(issue.message);
  sink(e.errors.map((x) => x.message).join(', '));
  e.errors.forEach((x) => sink(x.path));
}`;
    expect(trackCatch(code)).toEqual([
      "sink e.errors.map((x) => x.message).join(', ') []",
      'sink body []',
      'sink issue.message []',
      'sink x.path []',
    ]);
  });

  it('keeps the leaf inside JSON.stringify and reports returns', () => {
    const code = `
function handler() {
  try {} catch (e) {
    sink(JSON.stringify({ error: e.message }));
    return { error: e.message };
  }
}`;
    expect(trackCatch(code)).toEqual(['sink e.message []', 'return e.message [error]']);
  });

  it('wraps error text in new errors but not a cause', () => {
    const code = `
try {} catch (e) {
  const wrapped = new AppError(e.message);
  const caused = new AppError('Failed', { cause: e });
  sink(wrapped);
  sink(caused);
}`;
    expect(trackCatch(code)).toEqual(['sink wrapped []']);
  });
});

describe('createTaintTracker across callbacks', () => {
  it('follows values stored in collections and returned from map callbacks', () => {
    const code = `
async function all(items) {
  const failures = [];
  const results = await Promise.all(items.map(async (item) => {
    try {
      return await process(item);
    } catch (e) {
      failures.push({ id: item.id, error: e.message });
      return { id: item.id, error: String(e) };
    }
  }));
  sink(failures);
  sink(results);
}`;
    expect(trackCatch(code)).toEqual(['sink failures []', 'sink results []']);
  });
});
