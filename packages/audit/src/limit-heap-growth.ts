import v8 from 'node:v8';

/** How much V8's old generation may grow past the live heap before the next full collection. */
export const HEAP_GROWING_PERCENT = 100;

const EXPLICIT_FLAG = /--heap[-_]growing[-_]percent\b/;

/**
 * The V8 flag that caps heap growth, unless the Node.js options already set it.
 *
 * @param nodeOptions - the options Node.js was started with (`execArgv` and `NODE_OPTIONS`)
 * @example
 * getHeapGrowthFlag(''); // '--heap-growing-percent=100'
 */
export function getHeapGrowthFlag(nodeOptions: string): string | undefined {
  return EXPLICIT_FLAG.test(nodeOptions) ? undefined : `--heap-growing-percent=${String(HEAP_GROWING_PERCENT)}`;
}

/**
 * Lets the heap at most double between full garbage collections. On a large heap V8 lets the old
 * generation grow to about four times what survived the last full collection; an audit's live
 * heap is mostly the program (about 500 MB for 100k lines), so the peak then depended on when the
 * collector happened to run: 1.3 to 2.1 GB for the same audit (issue #9 asks for at most 1.5 GB).
 * Doubling kept it near 1.15 GB with no CPU time we could measure. The flag is read at each full
 * collection, so setting it once the process runs takes effect.
 *
 * @param nodeOptions - the options Node.js was started with; an explicit `--heap-growing-percent` wins
 * @example
 * limitHeapGrowth([...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '));
 */
export function limitHeapGrowth(nodeOptions: string): void {
  const flag = getHeapGrowthFlag(nodeOptions);
  if (flag !== undefined) v8.setFlagsFromString(flag);
}
