import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

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
   * A statement after which the count starts again: the weight before and after it are separate
   * units (for example an awaited call to a payment gateway between two transactions).
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

const NONE = Number.NEGATIVE_INFINITY;

/** Heaviest weight per way of leaving a statement; NONE when no path leaves that way. */
interface Paths {
  normal: number;
  breaks: number;
  continues: number;
  returns: number;
  throws: number;
}

const ZERO: Paths = { normal: 0, breaks: NONE, continues: NONE, returns: NONE, throws: NONE };
const SKIPPED_KEYS = new Set(['parent', 'loc', 'range', 'type', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

function add(a: number, b: number): number {
  return a === NONE || b === NONE ? NONE : a + b;
}

function normal(weight: number): Paths {
  return { ...ZERO, normal: weight };
}

function heaviest(paths: Paths): number {
  return Math.max(paths.normal, paths.breaks, paths.continues, paths.returns, paths.throws);
}

function join(a: Paths, b: Paths): Paths {
  return {
    normal: Math.max(a.normal, b.normal),
    breaks: Math.max(a.breaks, b.breaks),
    continues: Math.max(a.continues, b.continues),
    returns: Math.max(a.returns, b.returns),
    throws: Math.max(a.throws, b.throws),
  };
}

function sequence(a: Paths, b: Paths): Paths {
  return {
    normal: add(a.normal, b.normal),
    breaks: Math.max(a.breaks, add(a.normal, b.breaks)),
    continues: Math.max(a.continues, add(a.normal, b.continues)),
    returns: Math.max(a.returns, add(a.normal, b.returns)),
    throws: Math.max(a.throws, add(a.normal, b.throws)),
  };
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}


class PathWeightAnalysis {
  readonly repeats: TSESTree.Node[] = [];
  /** The heaviest segment closed by a barrier so far. */
  closed = 0;

  constructor(private readonly options: PathWeightOptions) {}

  body(node: TSESTree.BlockStatement | TSESTree.Expression): Paths {
    return node.type === AST_NODE_TYPES.BlockStatement ? this.statements(node.body) : { ...ZERO, normal: NONE, returns: this.expression(node) };
  }

  private statements(list: readonly TSESTree.Node[]): Paths {
    let paths = ZERO;
    for (const statement of list) {
      paths = sequence(paths, this.statement(statement));
      if (this.options.isBarrier?.(statement as TSESTree.Statement) === true) {
        this.closed = Math.max(this.closed, heaviest(paths));
        paths = { ...ZERO, normal: paths.normal === NONE ? NONE : 0 };
      }
    }
    return paths;
  }

  private statement(node: TSESTree.Node): Paths {
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.StaticBlock:
        return this.statements(node.body);
      case AST_NODE_TYPES.ExpressionStatement:
        return normal(this.expression(node.expression));
      case AST_NODE_TYPES.ReturnStatement:
        return { ...ZERO, normal: NONE, returns: node.argument === null ? 0 : this.expression(node.argument) };
      case AST_NODE_TYPES.ThrowStatement:
        return { ...ZERO, normal: NONE, throws: this.expression(node.argument) };
      case AST_NODE_TYPES.BreakStatement:
        return { ...ZERO, normal: NONE, breaks: 0 };
      case AST_NODE_TYPES.ContinueStatement:
        return { ...ZERO, normal: NONE, continues: 0 };
      case AST_NODE_TYPES.IfStatement: {
        const consequent = this.statement(node.consequent);
        const alternate = node.alternate ? this.statement(node.alternate) : ZERO;
        const conditional = this.getConditionalCall(node.test);
        if (conditional === undefined) return sequence(normal(this.expression(node.test)), join(consequent, alternate));
        // `if (await claimIfAbsent(…)) return …`: a weighted call whose result is the test reports
        // whether it took effect, so it weighs only on the branch its truthy result takes.
        const weight = this.expression(node.test);
        return join(
          sequence(normal(conditional.truthy ? weight : 0), consequent),
          sequence(normal(conditional.truthy ? 0 : weight), alternate),
        );
      }
      case AST_NODE_TYPES.LabeledStatement: {
        const paths = this.statement(node.body);
        return { ...paths, normal: Math.max(paths.normal, paths.breaks), breaks: NONE };
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
        return sequence(normal(init), this.loop(node, node.body, test + update, false));
      }
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        return sequence(normal(this.expression(node.right)), this.loop(node, node.body, 0, true));
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
        return normal(this.expression(node));
    }
  }

  private switchStatement(node: TSESTree.SwitchStatement): Paths {
    let result: Paths = { ...ZERO, normal: NONE };
    let fallthrough = NONE;
    let exits = NONE;
    for (const clause of node.cases) {
      const test = clause.test === null ? 0 : this.expression(clause.test);
      const entry = normal(Math.max(test, fallthrough));
      const paths = sequence(entry, this.statements(clause.consequent));
      fallthrough = paths.normal;
      exits = Math.max(exits, paths.breaks);
      result = join(result, { ...paths, normal: NONE, breaks: NONE });
    }
    const hasDefault = node.cases.some((clause) => clause.test === null);
    const after = Math.max(fallthrough, exits, hasDefault ? NONE : 0);
    return sequence(normal(this.expression(node.discriminant)), { ...result, normal: after });
  }

  private loop(node: TSESTree.Node, body: TSESTree.Statement, perIteration: number, overCollection: boolean): Paths {
    const paths = this.statement(body);
    const repeating = add(Math.max(paths.normal, paths.continues), perIteration);
    const leaving = Math.max(paths.breaks, paths.returns, paths.throws);
    // A retry loop (`while (true) { … if (updated) break; }`) repeats a write that did not take
    // effect; only loops over collections multiply the writes they contain.
    const isRetry = !overCollection && repeating <= 1 && leaving >= repeating;
    if (this.options.countRepeats && repeating > 0 && !isRetry) {
      this.repeats.push(node);
      return {
        normal: Number.POSITIVE_INFINITY,
        breaks: NONE,
        continues: NONE,
        returns: paths.returns === NONE ? NONE : Number.POSITIVE_INFINITY,
        throws: paths.throws === NONE ? NONE : Number.POSITIVE_INFINITY,
      };
    }
    return {
      normal: Math.max(0, paths.normal, paths.continues, paths.breaks) + Math.max(0, perIteration),
      breaks: NONE,
      continues: NONE,
      returns: paths.returns,
      throws: paths.throws,
    };
  }

  private tryStatement(node: TSESTree.TryStatement): Paths {
    const block = this.statements(node.block.body);
    let result = block;
    if (node.handler !== null) {
      // The failing step did not take effect: a catch runs after at most all but one of the
      // block's weighted steps, which is what makes "record the failure" handlers one write.
      const before = heaviest(block);
      const entry = Math.max(block.throws, before === NONE ? 0 : Math.max(0, before - 1));
      const handler = sequence(normal(entry), this.statements(node.handler.body.body));
      result = join({ ...block, throws: NONE }, handler);
    }
    if (node.finalizer === null) return result;
    const finalizer = this.statements(node.finalizer.body);
    const then = (weight: number): number => add(weight, finalizer.normal);
    return {
      normal: then(result.normal),
      breaks: Math.max(then(result.breaks), finalizer.breaks),
      continues: Math.max(then(result.continues), finalizer.continues),
      returns: Math.max(then(result.returns), add(heaviest(result), finalizer.returns)),
      throws: Math.max(then(result.throws), add(heaviest(result), finalizer.throws)),
    };
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
    const weight = Math.max(0, heaviest(this.body(node.body)));
    if (kind === 'repeated' && weight > 0 && this.options.countRepeats) {
      this.repeats.push(node);
      return Number.POSITIVE_INFINITY;
    }
    return weight;
  }
}

/**
 * The heaviest path through a function body, where each node weighs what `options.weight` says:
 * weights add up along a path, mutually exclusive branches (`if`/`else`, `switch` cases, `?:`)
 * take the heavier one, a loop or a repeated callback whose body carries weight is unbounded
 * (`Infinity`, unless `countRepeats` is false), `catch` continues from a path that lost one
 * weighted step, and a barrier statement splits the body into separately counted segments.
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
  const max = Math.max(0, analysis.closed, paths.normal, paths.returns, paths.throws, paths.breaks, paths.continues);
  return { max, repeats: analysis.repeats };
}
