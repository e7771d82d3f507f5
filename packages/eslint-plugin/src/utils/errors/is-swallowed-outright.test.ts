import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runVisitor } from '../../../test/run-visitor.js';
import { createNodeIndex } from '../ast/create-node-index.js';
import { visitDescendants } from '../ast/visit-descendants.js';
import { getCauseLosingThrows } from './get-cause-losing-throws.js';
import { DEFAULT_ALLOWED_THROWING_CALLS, DEFAULT_REPORTERS, getHandlerMatchers } from './get-handler-matchers.js';
import { type ErrorHandler, getHandlerOutcome } from './get-handler-outcome.js';
import { isSwallowedOutright } from './is-swallowed-outright.js';

const { calls } = getHandlerMatchers(DEFAULT_REPORTERS, DEFAULT_ALLOWED_THROWING_CALLS);

interface Verdicts {
  outright: boolean;
  /** The full analysis: swallowed, with no reporter call missing the error and no new error losing it. */
  onlySwallowed: boolean;
}

/** Both verdicts on the one handler in `code`: a `catch` clause or a `.catch`/`.then` callback. */
function judge(code: string): Verdicts {
  let verdicts: Verdicts | undefined;
  runVisitor(code, (context) => {
    const { sourceCode } = context;
    const decide = (handler: ErrorHandler): void => {
      const index = createNodeIndex();
      visitDescendants(handler.body, sourceCode.visitorKeys, (node) => {
        index.add(node);
        return true;
      });
      const outcome = getHandlerOutcome(sourceCode, handler, calls, index);
      const lost = getCauseLosingThrows(handler, index, calls.carrying(outcome.references, false));
      verdicts = {
        outright: isSwallowedOutright(handler, sourceCode.visitorKeys, calls),
        onlySwallowed: outcome.swallowed && outcome.reportsWithoutError.length === 0 && lost.length === 0,
      };
    };
    return {
      CatchClause: (node) => {
        decide({ node, body: node.body, binding: node.param });
      },
      'CallExpression[callee.property.name=/^(?:catch|then)$/] > :function': (
        node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
      ) => {
        decide({ node, body: node.body, binding: node.params[0] ?? null });
      },
    };
  });
  if (!verdicts) throw new Error(`no handler in ${code}`);
  return verdicts;
}

describe('isSwallowedOutright', () => {
  it.each([
    'try { await load(id); } catch (error) { return E.left(USER_NOT_FOUND); }',
    'try { await load(id); } catch { return null; }',
    "try { await charge(); } catch (e) { res.status(500).json({ error: 'failed' }); }",
    'try { await charge(); } catch (err) { const fallback = defaults(); return fallback; }',
    "try { await charge(); } catch (e) { console.log('charge failed'); return []; }",
    'try { value = await read(); } catch (e) { value = undefined; }',
    'load().catch(() => null);',
    'load().then(show, function () { return false; });',
    'load().catch(async () => ({ items: [], total: await count() }));',
  ])('decides %s, as the full analysis does', (code) => {
    expect(judge(code)).toEqual({ outright: true, onlySwallowed: true });
  });

  it.each([
    ['names the error', 'try { run(); } catch (e) { return E.left(e); }'],
    ['names something called like the error', 'try { run(); } catch (e) { return { e: 1 }; }'],
    ['reports without the error', "try { run(); } catch (e) { logger.error('failed'); return null; }"],
    ['ends the process', 'try { run(); } catch (e) { process.exit(1); }'],
    ['sets a failing exit code', 'try { run(); } catch (e) { process.exitCode = 1; }'],
    ['ends the request', "try { run(); } catch (e) { ctx.throw(500, 'failed'); }"],
    ['calls a Next.js terminator', 'try { run(); } catch { notFound(); }'],
    ['branches', 'try { run(); } catch (e) { if (retry) return null; }'],
    ['loops', 'try { run(); } catch (e) { for (const item of items) undo(item); }'],
    ['throws', "try { run(); } catch (e) { throw new Error('failed'); }"],
    ['nests a function', 'try { run(); } catch (e) { setTimeout(() => log(e)); }'],
    ['destructures the error', 'try { run(); } catch ({ message }) { return message; }'],
    ['yields', 'function* g() { try { yield 1; } catch (e) { yield null; } }'],
  ])('leaves a handler that %s to the full analysis', (_, code) => {
    expect(judge(code).outright).toBe(false);
  });
});
