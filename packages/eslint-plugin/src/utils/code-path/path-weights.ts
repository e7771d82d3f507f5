/** No path leaves this way. */
export const NONE = Number.NEGATIVE_INFINITY;

/** The ways of leaving a statement. */
export const EXITS = ['normal', 'breaks', 'continues', 'returns', 'throws'] as const;

/** Heaviest weight per way of leaving a fragment; NONE when no path leaves that way. */
export type Exits = Record<(typeof EXITS)[number], number>;

/**
 * The heaviest weights of the paths through a fragment of code, where a barrier (a call to
 * another system) ends one separately committed segment and starts the next: `open` for paths
 * that cross no barrier, `after` for paths that do (weight since their last barrier), and
 * `before` for the weight from the fragment's entry to its first barrier.
 */
export interface PathWeights {
  open: Exits;
  after: Exits;
  before: number;
}

export const NO_EXITS: Exits = { normal: NONE, breaks: NONE, continues: NONE, returns: NONE, throws: NONE };

/**
 * Adds weights; NONE (no path) absorbs.
 *
 * @example
 * add(1, NONE); // NONE
 */
export function add(a: number, b: number): number {
  return a === NONE || b === NONE ? NONE : a + b;
}

/**
 * A fragment every path of which leaves the way `exit` says, carrying `weight`.
 *
 * @param weight - the weight of the fragment (default 0)
 * @param exit - how it is left (default `normal`)
 * @example
 * exitWith(0, 'returns'); // a bare `return`
 */
export function exitWith(weight = 0, exit: keyof Exits = 'normal'): PathWeights {
  return { open: { ...NO_EXITS, [exit]: weight }, after: NO_EXITS, before: NONE };
}

/**
 * The heaviest weight of any way of leaving.
 *
 * @example
 * getHeaviest({ ...NO_EXITS, returns: 2 }); // 2
 */
export function getHeaviest(exits: Exits): number {
  return Math.max(exits.normal, exits.breaks, exits.continues, exits.returns, exits.throws);
}

function mapExits(a: Exits, b: Exits, combine: (x: number, y: number) => number): Exits {
  return {
    normal: combine(a.normal, b.normal),
    breaks: combine(a.breaks, b.breaks),
    continues: combine(a.continues, b.continues),
    returns: combine(a.returns, b.returns),
    throws: combine(a.throws, b.throws),
  };
}

/**
 * Either fragment runs (mutually exclusive branches): the heavier of each.
 *
 * @example
 * joinPaths(exitWith(1), exitWith(2)).open.normal; // 2
 */
export function joinPaths(a: PathWeights, b: PathWeights): PathWeights {
  return { open: mapExits(a.open, b.open, Math.max), after: mapExits(a.after, b.after, Math.max), before: Math.max(a.before, b.before) };
}

/**
 * `a` then `b` (when `a` leaves normally). `close` receives the weight of each segment that
 * starts at a barrier in `a` and ends at a barrier in `b`: it is complete, nothing adds to it.
 *
 * @param a - the first fragment
 * @param b - the fragment that follows its normal exit
 * @param close - receives closed segments
 * @example
 * sequencePaths(exitWith(1), exitWith(1), () => {}).open.normal; // 2
 */
export function sequencePaths(a: PathWeights, b: PathWeights, close: (weight: number) => void): PathWeights {
  const entryOpen = a.open.normal;
  const entryAfter = a.after.normal;
  const reached = Math.max(entryOpen, entryAfter) !== NONE;
  close(add(entryAfter, b.before));
  const open = { ...a.open, normal: NONE };
  const after = { ...a.after, normal: NONE };
  for (const exit of EXITS) {
    open[exit] = Math.max(open[exit], add(entryOpen, b.open[exit]));
    after[exit] = Math.max(after[exit], add(entryAfter, b.open[exit]), reached ? b.after[exit] : NONE);
  }
  return { open, after, before: Math.max(a.before, add(entryOpen, b.before)) };
}

/** The whole weight of a fragment, on any path. */
export function getTotal(paths: PathWeights): number {
  return Math.max(getHeaviest(paths.open), getHeaviest(paths.after), paths.before);
}

/** Keeps which ways a fragment is left, with weight 0 on each. */
export function weightless(paths: PathWeights): PathWeights {
  const open = { ...NO_EXITS };
  for (const exit of EXITS) if (paths.open[exit] !== NONE || paths.after[exit] !== NONE) open[exit] = 0;
  return { open, after: NO_EXITS, before: NONE };
}

/**
 * How a `catch` is entered after its `try` block: the failing step did not take effect, so it runs
 * after at most all but one of the block's weighted steps — which is what makes "record the
 * failure" handlers one write. A failing call to another system (a barrier) is such a step too.
 *
 * @param block - the weights of the `try` block
 * @example
 * getCatchEntry(exitWith(2)).open.normal; // 1
 */
export function getCatchEntry(block: PathWeights): PathWeights {
  const hasBarrier = block.before !== NONE;
  const lessOne = (weight: number): number => (weight === NONE ? NONE : Math.max(0, weight - 1));
  const beforeBarrier = hasBarrier ? (block.before >= 1 ? block.before - 1 : NONE) : 0;
  const open = Math.max(block.open.throws, lessOne(getHeaviest(block.open)), beforeBarrier);
  const after = hasBarrier ? Math.max(0, block.after.throws, lessOne(getHeaviest(block.after))) : NONE;
  return { open: { ...NO_EXITS, normal: open }, after: { ...NO_EXITS, normal: after }, before: NONE };
}

/**
 * A `try` (with its `catch`) followed by its `finally` block, which runs on every way out and then
 * leaves the same way (or its own).
 *
 * @param result - the weights of `try` and `catch`
 * @param finalizer - the weights of the `finally` block
 * @param close - receives closed segments
 * @example
 * finallyPaths(exitWith(1), exitWith(1), () => {}).open.normal; // 2
 */
export function finallyPaths(result: PathWeights, finalizer: PathWeights, close: (weight: number) => void): PathWeights {
  const open = { ...NO_EXITS };
  const after = { ...NO_EXITS };
  for (const exit of EXITS) {
    open[exit] = Math.max(add(result.open[exit], finalizer.open.normal), exit === 'normal' ? NONE : add(getHeaviest(result.open), finalizer.open[exit]));
    const reached = result.open[exit] !== NONE || result.after[exit] !== NONE;
    after[exit] = Math.max(add(result.after[exit], finalizer.open.normal), reached ? finalizer.after.normal : NONE);
    if (exit !== 'normal') after[exit] = Math.max(after[exit], add(getHeaviest(result.after), finalizer.open[exit]), finalizer.after[exit]);
  }
  close(add(getHeaviest(result.after), finalizer.before));
  return { open, after, before: Math.max(result.before, add(getHeaviest(result.open), finalizer.before)) };
}

/**
 * A loop whose weight repeats: unbounded on every way out that carries on from its body.
 *
 * @param paths - the weights of one iteration
 * @example
 * repeatPaths(exitWith(1)).open.normal; // Infinity
 */
export function repeatPaths(paths: PathWeights): PathWeights {
  const infinite = (weight: number): number => (weight === NONE ? NONE : Number.POSITIVE_INFINITY);
  return {
    open: { ...NO_EXITS, normal: Number.POSITIVE_INFINITY, returns: infinite(paths.open.returns), throws: infinite(paths.open.throws) },
    after: { ...NO_EXITS, returns: infinite(paths.after.returns), throws: infinite(paths.after.throws) },
    before: paths.before,
  };
}

/**
 * A loop whose weight does not repeat: at most one iteration's weight (or none) on the way out.
 * Paths that cross a barrier in one iteration and reach one in the next join different items'
 * steps, so each iteration's segments count on their own.
 *
 * @param paths - the weights of one iteration
 * @param perIteration - the weight of the test and update
 * @example
 * iteratePaths(exitWith(1), 0).open.normal; // 1
 */
export function iteratePaths(paths: PathWeights, perIteration: number): PathWeights {
  const extra = Math.max(0, perIteration);
  return {
    open: {
      ...NO_EXITS,
      normal: Math.max(0, paths.open.normal, paths.open.continues, paths.open.breaks) + extra,
      returns: paths.open.returns,
      throws: paths.open.throws,
    },
    after: {
      ...NO_EXITS,
      normal: add(Math.max(paths.after.normal, paths.after.continues, paths.after.breaks), extra),
      returns: paths.after.returns,
      throws: paths.after.throws,
    },
    before: paths.before,
  };
}
