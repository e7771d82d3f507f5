import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getIterationKind, isIsolatedBody } from './get-iteration-kind.js';
import {
  add,
  exitWith,
  finallyPaths,
  getCatchEntry,
  getHeaviest,
  getTotal,
  iteratePaths,
  joinPaths,
  NO_EXITS,
  NONE,
  type PathWeights,
  repeatPaths,
  sequencePaths,
  weightless,
} from './path-weights.js';

/** How a function nested in the measured body runs relative to it. */
export type InlineFunctionKind = 'once' | 'repeated' | 'separate';

/** What `getMaxPathWeight` needs to know about the body it measures. */
export interface PathWeightOptions {
  /** The weight of a node itself (its children are measured separately); 0 for most nodes. */
  weight: (node: TSESTree.Node) => number;
  /**
   * Whether a nested function runs as part of the body: `once` (`.then()` callbacks, promise
   * executors, IIFEs), `repeated` (`.map()`, `.forEach()`), or `separate` (it runs on its own and is
   * measured on its own).
   */
  getInlineKind: (node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression) => InlineFunctionKind;
  /** Whether weight on a path that repeats (a loop body, a `.map()` callback) counts as unbounded. */
  countRepeats: boolean;
  /**
   * For expression statements and declarations: whether the statement calls another system, so
   * that the weight before and after it on a path are separate units (for example an awaited call
   * to a payment gateway between two transactions).
   */
  isBarrier?: (node: TSESTree.Statement) => boolean;
}

/** The heaviest path through a body. */
export interface PathWeight {
  /** The largest total weight along one path; `Infinity` when weight repeats. */
  max: number;
  /** Loops and repeated callbacks whose body carries weight on a path that repeats. */
  repeats: TSESTree.Node[];
}

const SKIPPED_KEYS = new Set(['parent', 'loc', 'range', 'type', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);
const ZERO = exitWith(0);
const BARRIER_STATEMENTS = new Set<string>([AST_NODE_TYPES.ExpressionStatement, AST_NODE_TYPES.VariableDeclaration]);

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `Promise.allSettled(…)`: each element (or item of a `.map()`) settles on its own. */
function isSettledCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { object, property } = node.callee;
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Promise' && property.type === AST_NODE_TYPES.Identifier && property.name === 'allSettled';
}

class PathWeightAnalysis {
  readonly repeats: TSESTree.Node[] = [];
  /** The heaviest segment closed by a barrier, or run on its own, so far. */
  closed = 0;

  constructor(private readonly options: PathWeightOptions) {}

  private readonly close = (weight: number): void => {
    this.closed = Math.max(this.closed, weight);
  };

  private sequence(a: PathWeights, b: PathWeights): PathWeights {
    return sequencePaths(a, b, this.close);
  }

  body(node: TSESTree.BlockStatement | TSESTree.Expression): PathWeights {
    return node.type === AST_NODE_TYPES.BlockStatement ? this.statements(node.body) : exitWith(this.expression(node), 'returns');
  }

  private statements(list: readonly TSESTree.Node[]): PathWeights {
    let paths = ZERO;
    for (const statement of list) paths = this.sequence(paths, this.statement(statement));
    return paths;
  }

  private statement(node: TSESTree.Node): PathWeights {
    if (BARRIER_STATEMENTS.has(node.type) && this.options.isBarrier?.(node as TSESTree.Statement) === true) {
      // The call to the other system comes first; what the statement writes records its outcome.
      return { open: NO_EXITS, after: { ...NO_EXITS, normal: this.expression(node) }, before: 0 };
    }
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.StaticBlock:
        return this.statements(node.body);
      case AST_NODE_TYPES.ExpressionStatement:
        return exitWith(this.expression(node.expression));
      case AST_NODE_TYPES.ReturnStatement:
        return exitWith(node.argument === null ? 0 : this.expression(node.argument), 'returns');
      case AST_NODE_TYPES.ThrowStatement:
        return exitWith(this.expression(node.argument), 'throws');
      case AST_NODE_TYPES.BreakStatement:
        return exitWith(0, 'breaks');
      case AST_NODE_TYPES.ContinueStatement:
        return exitWith(0, 'continues');
      case AST_NODE_TYPES.IfStatement: {
        const consequent = this.statement(node.consequent);
        const alternate = node.alternate ? this.statement(node.alternate) : ZERO;
        const conditional = this.getConditionalCall(node.test);
        if (conditional === undefined) return this.sequence(exitWith(this.expression(node.test)), joinPaths(consequent, alternate));
        // `if (await claimIfAbsent(…)) return …`: a weighted call whose result is the test reports
        // whether it took effect, so it weighs only on the branch its truthy result takes.
        const weight = this.expression(node.test);
        return joinPaths(
          this.sequence(exitWith(conditional.truthy ? weight : 0), consequent),
          this.sequence(exitWith(conditional.truthy ? 0 : weight), alternate),
        );
      }
      case AST_NODE_TYPES.LabeledStatement: {
        const paths = this.statement(node.body);
        return {
          ...paths,
          open: { ...paths.open, normal: Math.max(paths.open.normal, paths.open.breaks), breaks: NONE },
          after: { ...paths.after, normal: Math.max(paths.after.normal, paths.after.breaks), breaks: NONE },
        };
      }
      case AST_NODE_TYPES.SwitchStatement:
        return this.switchStatement(node);
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return this.loop(node, node.body, this.expression(node.test), false);
      case AST_NODE_TYPES.ForStatement: {
        const init = node.init === null ? 0 : this.expression(node.init);
        const test = node.test === null ? 0 : this.expression(node.test);
        const update = node.update === null ? 0 : this.expression(node.update);
        return this.sequence(exitWith(init), this.loop(node, node.body, test + update, false));
      }
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        return this.sequence(exitWith(this.expression(node.right)), this.loop(node, node.body, 0, true));
      case AST_NODE_TYPES.TryStatement:
        return this.tryStatement(node);
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.TSDeclareFunction:
      case AST_NODE_TYPES.TSInterfaceDeclaration:
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
      case AST_NODE_TYPES.TSEnumDeclaration:
      case AST_NODE_TYPES.TSModuleDeclaration:
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.DebuggerStatement:
        return ZERO;
      default:
        return exitWith(this.expression(node));
    }
  }

  private switchStatement(node: TSESTree.SwitchStatement): PathWeights {
    let result: PathWeights = { ...ZERO, open: NO_EXITS };
    let fallthrough: PathWeights = { ...ZERO, open: NO_EXITS };
    let exits: PathWeights = { ...ZERO, open: NO_EXITS };
    for (const clause of node.cases) {
      const test = clause.test === null ? 0 : this.expression(clause.test);
      const entry = joinPaths(exitWith(test), fallthrough);
      const paths = this.sequence(entry, this.statements(clause.consequent));
      fallthrough = { open: { ...NO_EXITS, normal: paths.open.normal }, after: { ...NO_EXITS, normal: paths.after.normal }, before: NONE };
      exits = joinPaths(exits, { open: { ...NO_EXITS, normal: paths.open.breaks }, after: { ...NO_EXITS, normal: paths.after.breaks }, before: NONE });
      result = joinPaths(result, {
        open: { ...paths.open, normal: NONE, breaks: NONE },
        after: { ...paths.after, normal: NONE, breaks: NONE },
        before: paths.before,
      });
    }
    const hasDefault = node.cases.some((clause) => clause.test === null);
    const after = joinPaths(joinPaths(fallthrough, exits), hasDefault ? { ...ZERO, open: NO_EXITS } : ZERO);
    return this.sequence(exitWith(this.expression(node.discriminant)), joinPaths(result, after));
  }

  private loop(node: TSESTree.Node, body: TSESTree.Statement, perIteration: number, overCollection: boolean): PathWeights {
    const paths = this.statement(body);
    const repeating = add(Math.max(paths.open.normal, paths.open.continues), perIteration);
    const leaving = Math.max(paths.open.breaks, paths.open.returns, paths.open.throws);
    // A retry loop (`while (true) { … if (updated) break; }`) repeats a write that did not take
    // effect; only loops over collections multiply the writes they contain.
    const isRetry = !overCollection && repeating <= 1 && leaving >= repeating;
    if (this.options.countRepeats && repeating > 0 && !isRetry) {
      const kind = getIterationKind(node, this.options);
      if (kind === 'isolated') {
        // Each iteration handles its own failure: its steps are a unit of their own.
        this.close(getTotal(paths));
        return weightless(paths);
      }
      if (kind !== 'batch') {
        this.repeats.push(node);
        return repeatPaths(paths);
      }
    }
    return iteratePaths(paths, perIteration);
  }

  private tryStatement(node: TSESTree.TryStatement): PathWeights {
    const block = this.statements(node.block.body);
    let result = block;
    if (node.handler !== null) {
      // The failing step did not take effect: a catch runs after at most all but one of the
      // block's weighted steps, which is what makes "record the failure" handlers one write. A
      // failing call to another system (a barrier) is such a step too.
      const entry = getCatchEntry(block);
      const handler = this.sequence(entry, this.statements(node.handler.body.body));
      result = joinPaths({ ...block, open: { ...block.open, throws: NONE }, after: { ...block.after, throws: NONE } }, handler);
    }
    if (node.finalizer === null) return result;
    return finallyPaths(result, this.statements(node.finalizer.body), this.close);
  }

  /**
   * For an `if` test that is a weighted call's result (`await write()`, `!(await write())`,
   * `ready && (await write())`): whether the test is truthy when the call's result is.
   */
  private getConditionalCall(test: TSESTree.Expression): { truthy: boolean } | undefined {
    let truthy = true;
    let current: TSESTree.Node = test;
    for (;;) {
      if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!') {
        truthy = !truthy;
        current = current.argument;
      } else if (current.type === AST_NODE_TYPES.AwaitExpression) {
        current = current.argument;
      } else if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&' && truthy) {
        current = current.right;
      } else {
        break;
      }
    }
    return current.type === AST_NODE_TYPES.CallExpression && this.options.weight(current) > 0 ? { truthy } : undefined;
  }

  /** The heaviest path through an expression, in evaluation order. */
  expression(node: TSESTree.Node): number {
    switch (node.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        return this.expression(node.test) + Math.max(this.expression(node.consequent), this.expression(node.alternate));
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        return this.nestedFunction(node);
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        return 0;
      default: {
        if (isSettledCall(node)) return this.settled(node);
        let total = this.options.weight(node);
        for (const key of Object.keys(node)) {
          if (SKIPPED_KEYS.has(key)) continue;
          const value = (node as unknown as Record<string, unknown>)[key];
          if (Array.isArray(value)) {
            for (const item of value) if (isNode(item)) total += this.expression(item);
          } else if (isNode(value)) {
            total += this.expression(value);
          }
        }
        return total;
      }
    }
  }

  private nestedFunction(node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): number {
    const kind = this.options.getInlineKind(node);
    if (kind === 'separate') return 0;
    const paths = this.body(node.body);
    if (kind === 'repeated' && this.options.countRepeats) {
      if (getHeaviest(paths.open) > 0 && !isIsolatedBody(node.body, this.options)) {
        this.repeats.push(node);
        return Number.POSITIVE_INFINITY;
      }
      // Every item handles its own failure, or crosses a call to another system: its segments
      // count on their own.
      this.close(getTotal(paths));
      return 0;
    }
    return Math.max(0, getTotal(paths));
  }

  /** `Promise.allSettled(…)`: each element, or each item of a `.map()`, is a unit of its own. */
  private settled(node: TSESTree.CallExpression): number {
    const [argument] = node.arguments;
    if (argument === undefined) return 0;
    let shared = 0;
    const elements = argument.type === AST_NODE_TYPES.ArrayExpression ? argument.elements : [argument];
    for (const element of elements) {
      if (element === null) continue;
      const item = element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element;
      const callback = item.type === AST_NODE_TYPES.CallExpression ? item.arguments[0] : undefined;
      if (
        item.type === AST_NODE_TYPES.CallExpression &&
        item.callee.type === AST_NODE_TYPES.MemberExpression &&
        (callback?.type === AST_NODE_TYPES.ArrowFunctionExpression || callback?.type === AST_NODE_TYPES.FunctionExpression) &&
        this.options.getInlineKind(callback) === 'repeated'
      ) {
        shared += this.expression(item.callee.object);
        this.close(Math.max(0, getTotal(this.body(callback.body))));
      } else {
        this.close(this.expression(item));
      }
    }
    return shared;
  }
}

/**
 * The heaviest path through a function body, where each node weighs what `options.weight` says:
 * weights add up along a path, mutually exclusive branches (`if`/`else`, `switch` cases, `?:`)
 * take the heavier one, a loop or a repeated callback whose body carries weight is unbounded
 * (`Infinity`, unless `countRepeats` is false), `catch` continues from a path that lost one
 * weighted step, and a barrier statement splits the paths through it into separately counted
 * segments. Units of their own (not repeats): each element or item of `Promise.allSettled(…)`,
 * each iteration of a loop that handles the failure of its steps and goes on, each item of a
 * loop or `.map()` that crosses a barrier; a batching loop that goes on depending on the result
 * of its one step counts that step once.
 *
 * @param body - a function's body (block or expression)
 * @param options - weights and how nested functions run
 * @example
 * const { max } = getMaxPathWeight(fn.body, { weight: (node) => (isWrite(node) ? 1 : 0), getInlineKind, countRepeats: true });
 * if (max >= 2) report();
 */
export function getMaxPathWeight(body: TSESTree.BlockStatement | TSESTree.Expression, options: PathWeightOptions): PathWeight {
  const analysis = new PathWeightAnalysis(options);
  const paths = analysis.body(body);
  const max = Math.max(0, analysis.closed, getTotal(paths));
  return { max, repeats: analysis.repeats };
}
