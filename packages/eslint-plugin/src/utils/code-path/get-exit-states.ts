import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * How a caller's per-path state changes along a body. A state is a small integer from 0 to 30,
 * so that a set of states is one bit mask: the analysis allocates next to nothing per statement.
 * Every callback receives one path's state and returns the state after the step, or `null` when
 * the path stops there without leaving the body (for example `process.exit()`).
 */
export interface PathTransfer {
  /** Evaluates a node whose effects happen unconditionally: an expression, a declaration. */
  evaluate: (node: TSESTree.Node, state: number) => number | null;
  /** Enters the branch of `test` that `outcome` selects (`if` and loop tests). */
  branch: (test: TSESTree.Expression, outcome: boolean, state: number) => number;
  /** Enters a `case test:` clause (`test` null for `default` and for "no case matched"). */
  enterCase: (discriminant: TSESTree.Expression, test: TSESTree.Expression | null, state: number) => number;
  /** A `return` leaves the body: the state the path leaves with. */
  leaveByReturn: (argument: TSESTree.Expression | null, state: number) => number;
  /** A `throw`: the state a surrounding `catch` inside the body starts from. */
  leaveByThrow: (argument: TSESTree.Expression, state: number) => number;
}

/** A set of states, one bit per state. */
type States = number;

interface Completion {
  normal: States;
  returns: States;
  throws: States;
  /** Pending `break`/`continue`, keyed `break:<label>` / `continue:<label>` (empty label when bare). */
  jumps: Map<string, States> | undefined;
}

const MAX_LOOP_ROUNDS = 8;

function completion(normal: States): Completion {
  return { normal, returns: 0, throws: 0, jumps: undefined };
}

/** Adds the abrupt completions (everything but `normal`) of `source` to `target`. */
function addAbrupt(target: Completion, source: Completion): void {
  target.returns |= source.returns;
  target.throws |= source.throws;
  if (!source.jumps) return;
  target.jumps ??= new Map();
  for (const [key, states] of source.jumps) target.jumps.set(key, (target.jumps.get(key) ?? 0) | states);
}

/** Removes and returns the states of pending jumps with one of `keys`. */
function takeJumps(target: Completion, keys: readonly string[]): States {
  let taken = 0;
  if (!target.jumps) return taken;
  for (const key of keys) {
    taken |= target.jumps.get(key) ?? 0;
    target.jumps.delete(key);
  }
  return taken;
}

function isConstantTrue(test: TSESTree.Expression | null): boolean {
  if (test === null) return true;
  return test.type === AST_NODE_TYPES.Literal && Boolean(test.value);
}

class ExitStateAnalysis {
  constructor(private readonly transfer: PathTransfer) {}

  map(states: States, step: (state: number) => number | null): States {
    let next = 0;
    for (let state = 0, rest = states; rest !== 0; state += 1, rest >>>= 1) {
      if ((rest & 1) === 0) continue;
      const result = step(state);
      if (result !== null) next |= 1 << result;
    }
    return next;
  }

  private evaluate(node: TSESTree.Node | null | undefined, states: States): States {
    if (!node || states === 0) return states;
    return this.map(states, (state) => this.transfer.evaluate(node, state));
  }

  private branch(test: TSESTree.Expression, outcome: boolean, states: States): States {
    return this.map(states, (state) => this.transfer.branch(test, outcome, state));
  }

  statements(list: readonly TSESTree.Node[], states: States): Completion {
    const result = completion(0);
    let current = states;
    for (const statement of list) {
      if (current === 0) break;
      const done = this.statement(statement, current, []);
      addAbrupt(result, done);
      current = done.normal;
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
        const done = this.statement(node.body, states, [...labels, node.label.name]);
        done.normal |= takeJumps(done, [`break:${node.label.name}`]);
        return done;
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
        const { argument } = node;
        const done = completion(0);
        done.returns = this.map(this.evaluate(argument, states), (state) =>
          this.transfer.leaveByReturn(argument, state),
        );
        return done;
      }
      case AST_NODE_TYPES.ThrowStatement: {
        const { argument } = node;
        const done = completion(0);
        done.throws = this.map(this.evaluate(argument, states), (state) =>
          this.transfer.leaveByThrow(argument, state),
        );
        return done;
      }
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement: {
        const done = completion(0);
        const kind = node.type === AST_NODE_TYPES.BreakStatement ? 'break' : 'continue';
        done.jumps = new Map([[`${kind}:${node.label?.name ?? ''}`, states]]);
        return done;
      }
      case AST_NODE_TYPES.WithStatement:
        return this.statement(node.body, this.evaluate(node.object, states), []);
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.DebuggerStatement:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.TSDeclareFunction:
      case AST_NODE_TYPES.TSInterfaceDeclaration:
      case AST_NODE_TYPES.TSTypeAliasDeclaration:
        return completion(states);
      default:
        // Expression statements, declarations and anything newer: evaluated in one step.
        return completion(this.evaluate(node, states));
    }
  }

  private ifStatement(node: TSESTree.IfStatement, states: States): Completion {
    const tested = this.evaluate(node.test, states);
    const consequent = this.statement(node.consequent, this.branch(node.test, true, tested), []);
    const otherwise = this.branch(node.test, false, tested);
    const alternate = node.alternate ? this.statement(node.alternate, otherwise, []) : completion(otherwise);
    const result = completion(consequent.normal | alternate.normal);
    addAbrupt(result, consequent);
    addAbrupt(result, alternate);
    return result;
  }

  private switchStatement(node: TSESTree.SwitchStatement, states: States): Completion {
    const { discriminant } = node;
    const evaluated = this.evaluate(discriminant, states);
    const result = completion(0);
    let fallthrough = 0;
    let hasDefault = false;
    for (const clause of node.cases) {
      const { test } = clause;
      if (test === null) hasDefault = true;
      const entering =
        this.map(this.evaluate(test, evaluated), (state) => this.transfer.enterCase(discriminant, test, state)) |
        fallthrough;
      const done = this.statements(clause.consequent, entering);
      addAbrupt(result, done);
      fallthrough = done.normal;
    }
    result.normal |= fallthrough;
    if (!hasDefault) result.normal |= this.map(evaluated, (state) => this.transfer.enterCase(discriminant, null, state));
    result.normal |= takeJumps(result, ['break:']);
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
    const result = completion(0);
    let seen = 0;
    let entering = states;
    let skipTest = !testFirst;
    for (let round = 0; entering !== 0 && round < MAX_LOOP_ROUNDS; round += 1) {
      let bodyStates = entering;
      if (!skipTest) {
        const tested = test ? this.evaluate(test, entering) : entering;
        if (exitsByTest) result.normal |= test ? this.branch(test, false, tested) : tested;
        bodyStates = test ? this.branch(test, true, tested) : tested;
      }
      skipTest = false;
      const done = this.statement(body, bodyStates, []);
      result.normal |= takeJumps(done, breakKeys);
      const next = takeJumps(done, continueKeys) | done.normal;
      addAbrupt(result, done);
      const updated = this.evaluate(update, next);
      entering = updated & ~seen;
      seen |= updated;
    }
    return result;
  }

  private tryStatement(node: TSESTree.TryStatement, states: States): Completion {
    const block = this.statement(node.block, states, []);
    let done = block;
    if (node.handler) {
      // Where the block throws is unknown; assume late, after its effects (a reporting call that
      // itself throws is not worth a report), falling back to the entry states.
      let entering = block.normal | block.returns | block.throws;
      for (const jumped of block.jumps?.values() ?? []) entering |= jumped;
      const handler = this.statement(node.handler.body, entering === 0 ? states : entering, []);
      done = completion(block.normal | handler.normal);
      addAbrupt(done, { ...block, throws: 0 });
      addAbrupt(done, handler);
    }
    return node.finalizer ? this.finalize(node.finalizer, done) : done;
  }

  /** Runs `finally` once per kind of completion, which then resumes unless `finally` itself leaves. */
  private finalize(finalizer: TSESTree.BlockStatement, done: Completion): Completion {
    const result = completion(0);
    const resume = (states: States): States => {
      if (states === 0) return 0;
      const after = this.statement(finalizer, states, []);
      addAbrupt(result, after);
      return after.normal;
    };
    result.normal |= resume(done.normal);
    result.returns |= resume(done.returns);
    result.throws |= resume(done.throws);
    for (const [key, states] of done.jumps ?? []) {
      const after = resume(states);
      if (after === 0) continue;
      result.jumps ??= new Map();
      result.jumps.set(key, (result.jumps.get(key) ?? 0) | after);
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
 * @param initial - the state on entry (0 to 30)
 * @param transfer - how each step changes a path's state
 * @returns the exit states as a bit mask: bit `s` is set when some path leaves in state `s`
 * @example
 * const exits = getExitStates(catchClause.body, 0, transfer);
 * if ((exits & 1) !== 0) report(); // some path leaves in the initial state 0
 */
export function getExitStates(
  body: TSESTree.BlockStatement | TSESTree.Expression,
  initial: number,
  transfer: PathTransfer,
): number {
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    const evaluated = transfer.evaluate(body, initial);
    return evaluated === null ? 0 : 1 << transfer.leaveByReturn(body, evaluated);
  }
  const analysis = new ExitStateAnalysis(transfer);
  const done = analysis.statements(body.body, 1 << initial);
  let exits = done.normal | done.returns;
  for (const states of done.jumps?.values() ?? []) exits |= states;
  return exits;
}
