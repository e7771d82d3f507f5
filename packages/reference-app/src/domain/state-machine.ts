/** A finite state machine over string states: which states each state may move to. */
export interface StateMachine<S extends string> {
  /** Every state, in declaration order. */
  readonly states: readonly S[];
  /** States a new record may start in. */
  readonly initial: readonly S[];
  /** Whether `from → to` is allowed. */
  canTransition(from: S, to: S): boolean;
  /** States reachable from `from` in one step. */
  next(from: S): readonly S[];
}

/**
 * Defines a state machine from an explicit transition table. Every transition not listed is
 * forbidden; the repositories guard the same transitions in their `WHERE` clauses, and tests
 * enumerate every pair.
 *
 * @param definition - initial states and the allowed targets of each state
 * @returns the machine
 * @example
 * const light = defineStateMachine({ initial: ['red'], transitions: { red: ['green'], green: ['red'] } });
 * light.canTransition('red', 'green'); // true
 */
export function defineStateMachine<S extends string>(definition: {
  readonly initial: readonly S[];
  readonly transitions: Readonly<Record<S, readonly S[]>>;
}): StateMachine<S> {
  const states = Object.keys(definition.transitions) as S[];
  return {
    states,
    initial: definition.initial,
    canTransition: (from, to) => definition.transitions[from].includes(to),
    next: (from) => definition.transitions[from],
  };
}
