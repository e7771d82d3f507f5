import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * How a caller's per-path state changes along a body. A state is a small integer the caller packs
 * (for example a bit set), so that the sets of states at each point stay cheap to copy and merge.
 * Every callback receives one path's state and returns the state after the step, or `null` when
 * the path stops there without leaving the body (for example `process.exit()`).
 */
export interface PathTransfer {
  /** Evaluates a node whose effects happen unconditionally: an expression, a declaration. */
  evaluate: (node: TSESTree.Node, state: number) => number | null;
  /** Enters the branch of `test` that `outcome` selects (`if`, loop and `?:` tests). */
  branch: (test: TSESTree.Expression, outcome: boolean, state: number) => number;
  /** Enters a `case test:` clause (`test` null for `default` and for "no case matched"). */
  enterCase: (discriminant: TSESTree.Expression, test: TSESTree.Expression | null, state: number) => number;
  /** A `return` leaves the body: the state the path leaves with. */
  leaveByReturn: (argument: TSESTree.Expression | null, state: number) => number;
  /** A `throw`: the state a surrounding `catch` inside the body starts from. */
  leaveByThrow: (argument: TSESTree.Expression, state: number) => number;
}

type States = Set<number>;

interface Completion {
  normal: States;
  returns: States;
  throws: States;
  /** Pending `break`/`continue`, keyed `break:<label>` / `continue:<label>` (empty label when bare). */
  jumps: Map<string, States>;
}

const MAX_LOOP_ROUNDS = 8;

function addAll(target: States, source: Iterable<number>): void {
  for (const state of source) target.add(state);
}

function empty(normal: States = new Set()): Completion {
  return { normal, returns: new Set(), throws: new Set(), jumps: new Map() };
}

/** Adds the abrupt completions (everything but `normal`) of `source` to `target`. */
function addAbrupt(target: Completion, source: Completion): void {
  addAll(target.returns, source.returns);
  addAll(target.throws, source.throws);
  for (const [key, states] of source.jumps) {
    const existing = target.jumps.get(key);
    if (existing) addAll(existing, states);
    else target.jumps.set(key, new Set(states));
  }
}

/** Removes and returns the states of pending jumps with one of `keys`. */
function takeJumps(completion: Completion, keys: readonly string[]): States {
  const taken: States = new Set();
  for (const key of keys) {
    const states = completion.jumps.get(key);
    if (states) {
      addAll(taken, states);
      completion.jumps.delete(key);
    }
  }
  return taken;
}

function isConstantTrue(test: TSESTree.Expression | null): boolean {
  if (test === null) return true;
  return test.type === AST_NODE_TYPES.Literal && Boolean(test.value);
}

class ExitStateAnalysis {
  constructor(private readonly transfer: PathTransfer) {}

  private map(states: States, step: (state: number) => number | null): States {
    const next: States = new Set();
    for (const state of states) {
      const result = step(state);
      if (result !== null) next.add(result);
    }
    return next;
  }

  private evaluate(node: TSESTree.Node | null | undefined, states: States): States {
    if (!node) return states;
    return this.map(states, (state) => this.transfer.evaluate(node, state));
  }

  statements(list: readonly TSESTree.Node[], states: States): Completion {
    const result = empty();
    let current = states;
    for (const statement of list) {
      if (current.size === 0) break;
      const completion = this.statement(statement, current, []);
      addAbrupt(result, completion);
      current = completion.normal;
    }
    result.normal = current;
    return result;
  }

  statement(node: TSESTree.Node, states: States, labels: readonly string[]): Completion {
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
        return this.statements(node.body, states);
      case AST_NODE_TYPES.IfStatement:
        return this.ifStatement(node, states);
      case AST_NODE_TYPES.LabeledStatement: {
        const completion = this.statement(node.body, states, [...labels, node.label.name]);
        addAll(completion.normal, takeJumps(completion, [`break:${node.label.name}`]));
        return completion;
      }
      case AST_NODE_TYPES.SwitchStatement:
        return this.switchStatement(node, states);
      case AST_NODE_TYPES.WhileStatement:
        return this.loop(states, labels, { test: node.test, body: node.body, testFirst: true });
      case AST_NODE_TYPES.DoWhileStatement:
        return this.loop(states, labels, { test: node.test, body: node.body, testFirst: false });
      case AST_NODE_TYPES.ForStatement:
        return this.loop(this.evaluate(node.init, states), labels, {
          test: node.test,
          body: node.body,
          update: node.update,
          testFirst: true,
        });
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        return this.loop(this.evaluate(node.right, states), labels, {
          test: undefined,
          body: node.body,
          testFirst: true,
        });
      case AST_NODE_TYPES.TryStatement:
        return this.tryStatement(node, states);
      case AST_NODE_TYPES.ReturnStatement: {
        const completion = empty(new Set());
        const { argument } = node;
        completion.returns = this.map(this.evaluate(argument, states), (state) =>
          this.transfer.leaveByReturn(argument, state),
        );
        return completion;
      }
      case AST_NODE_TYPES.ThrowStatement: {
        const completion = empty(new Set());
        const { argument } = node;
        completion.throws = this.map(this.evaluate(argument, states), (state) =>
          this.transfer.leaveByThrow(argument, state),
        );
        return completion;
      }
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement: {
        const completion = empty(new Set());
        const kind = node.type === AST_NODE_TYPES.BreakStatement ? 'break' : 'continue';
        completion.jumps.set(`${kind}:${node.label?.name ?? ''}`, new Set(states));
        return completion;
      }
      case AST_NODE_TYPES.WithStatement:
        return this.statement(node.body, this.evaluate(node.object, states), []);
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.DebuggerStatement:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.TSDeclareFunction:
      case AST_NODE_TYPES.TSInterfaceDeclaration:
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
        return empty(new Set(states));
      default:
        // Expression statements, declarations and anything newer: evaluated in one step.
        return empty(this.evaluate(node, states));
    }
  }

  private ifStatement(node: TSESTree.IfStatement, states: States): Completion {
    const tested = this.evaluate(node.test, states);
    const consequent = this.statement(
      node.consequent,
      this.map(tested, (state) => this.transfer.branch(node.test, true, state)),
      [],
    );
    const otherwise = this.map(tested, (state) => this.transfer.branch(node.test, false, state));
    const alternate = node.alternate ? this.statement(node.alternate, otherwise, []) : empty(otherwise);
    const result = empty(new Set([...consequent.normal, ...alternate.normal]));
    addAbrupt(result, consequent);
    addAbrupt(result, alternate);
    return result;
  }

  private switchStatement(node: TSESTree.SwitchStatement, states: States): Completion {
    const { discriminant } = node;
    const evaluated = this.evaluate(discriminant, states);
    const result = empty();
    let fallthrough: States = new Set();
    let hasDefault = false;
    for (const clause of node.cases) {
      if (clause.test === null) hasDefault = true;
      const { test } = clause;
      const entering = this.map(this.evaluate(test, evaluated), (state) =>
        this.transfer.enterCase(discriminant, test, state),
      );
      addAll(entering, fallthrough);
      const completion = this.statements(clause.consequent, entering);
      addAbrupt(result, completion);
      fallthrough = completion.normal;
    }
    addAll(result.normal, fallthrough);
    if (!hasDefault) {
      addAll(result.normal, this.map(evaluated, (state) => this.transfer.enterCase(discriminant, null, state)));
    }
    addAll(result.normal, takeJumps(result, ['break:']));
    return result;
  }

  private loop(
    states: States,
    labels: readonly string[],
    parts: {
      test: TSESTree.Expression | null | undefined;
      body: TSESTree.Statement;
      update?: TSESTree.Expression | null;
      testFirst: boolean;
    },
  ): Completion {
    const { test, body, update, testFirst } = parts;
    const breakKeys = ['break:', ...labels.map((label) => `break:${label}`)];
    const continueKeys = ['continue:', ...labels.map((label) => `continue:${label}`)];
    // for-in/of has no test expression but may run zero times; `while (true)` and `for (;;)` never exit normally.
    const exitsByTest = test === undefined || !isConstantTrue(test);
    const result = empty();
    const seen: States = new Set();
    let entering = states;
    let skipTest = !testFirst;
    for (let round = 0; entering.size > 0 && round < MAX_LOOP_ROUNDS; round += 1) {
      let bodyStates = entering;
      if (!skipTest) {
        const tested = test ? this.evaluate(test, entering) : entering;
        if (exitsByTest) {
          addAll(result.normal, test ? this.map(tested, (state) => this.transfer.branch(test, false, state)) : tested);
        }
        bodyStates = test ? this.map(tested, (state) => this.transfer.branch(test, true, state)) : tested;
      }
      skipTest = false;
      const completion = this.statement(body, bodyStates, []);
      addAll(result.normal, takeJumps(completion, breakKeys));
      const next = takeJumps(completion, continueKeys);
      addAll(next, completion.normal);
      addAbrupt(result, completion);
      const updated = this.evaluate(update, next);
      entering = new Set([...updated].filter((state) => !seen.has(state)));
      addAll(seen, updated);
    }
    return result;
  }

  private tryStatement(node: TSESTree.TryStatement, states: States): Completion {
    const block = this.statement(node.block, states, []);
    let completion = block;
    if (node.handler) {
      // Where the block throws is unknown; assume late, after its effects (a reporting call that
      // itself throws is not worth a report), falling back to the entry states.
      const entering: States = new Set([...block.normal, ...block.returns, ...block.throws]);
      for (const jumped of block.jumps.values()) addAll(entering, jumped);
      const handler = this.statement(node.handler.body, entering.size > 0 ? entering : states, []);
      completion = empty(new Set([...block.normal, ...handler.normal]));
      addAbrupt(completion, { ...block, throws: new Set() });
      addAbrupt(completion, handler);
    }
    if (!node.finalizer) return completion;
    return this.finalize(node.finalizer, completion);
  }

  /** Runs `finally` once per kind of completion, which then resumes unless `finally` itself leaves. */
  private finalize(finalizer: TSESTree.BlockStatement, completion: Completion): Completion {
    const result = empty();
    const resume = (states: States, onNormal: (after: States) => void): void => {
      if (states.size === 0) return;
      const after = this.statement(finalizer, states, []);
      addAbrupt(result, after);
      onNormal(after.normal);
    };
    resume(completion.normal, (after) => {
      addAll(result.normal, after);
    });
    resume(completion.returns, (after) => {
      addAll(result.returns, after);
    });
    resume(completion.throws, (after) => {
      addAll(result.throws, after);
    });
    for (const [key, states] of completion.jumps) {
      resume(states, (after) => {
        const existing = result.jumps.get(key);
        if (existing) addAll(existing, after);
        else result.jumps.set(key, new Set(after));
      });
    }
    return result;
  }
}

/**
 * The states with which paths leave `body`: by falling off its end, by `return`, or by a
 * `break`/`continue` whose target lies outside it. Paths that end in a `throw` no `catch` inside
 * the body catches are not exits. Nested functions are opaque: only `transfer.evaluate` looks into
 * them. This is an abstract interpretation over the AST rather than over ESLint's code-path
 * segments because callers need to know which branch of a test each path took, which segments
 * do not record.
 *
 * @param body - a block (a `catch` body, a function body) or an arrow function's expression body
 * @param initial - the state on entry
 * @param transfer - how each step changes a path's state
 * @example
 * const exits = getExitStates(catchClause.body, 0, transfer);
 * if (exits.has(0)) report(); // some path leaves in the initial state
 */
export function getExitStates(
  body: TSESTree.BlockStatement | TSESTree.Expression,
  initial: number,
  transfer: PathTransfer,
): ReadonlySet<number> {
  const analysis = new ExitStateAnalysis(transfer);
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    const evaluated = transfer.evaluate(body, initial);
    return evaluated === null ? new Set() : new Set([transfer.leaveByReturn(body, evaluated)]);
  }
  const completion = analysis.statements(body.body, new Set([initial]));
  const exits: States = new Set([...completion.normal, ...completion.returns]);
  for (const states of completion.jumps.values()) addAll(exits, states);
  return exits;
}
