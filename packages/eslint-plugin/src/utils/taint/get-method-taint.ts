/** What calling a method on a tainted value does with the taint. */
export interface MethodTaint {
  /** The result carries the taint (`e.message.slice(0, 80)`, `e.toString()`, `issues.map(…)`). */
  returnsTaint: boolean;
  /** The index of the callback parameter that receives tainted elements (`issues.map((issue) => …)`). */
  callbackParameter?: number;
}

// Methods whose result says something about the value without containing it: booleans, indexes, counts.
const PREDICATES = new Set([
  'includes',
  'startsWith',
  'endsWith',
  'indexOf',
  'lastIndexOf',
  'search',
  'test',
  'has',
  'localeCompare',
  'charCodeAt',
  'codePointAt',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'push',
  'unshift',
  'getStatus',
  'getStatusCode',
]);
const ELEMENT_PREDICATES = new Set(['some', 'every', 'findIndex', 'findLastIndex']);
const ELEMENT_MAPPERS = new Set(['map', 'flatMap', 'filter', 'find', 'findLast', 'sort', 'toSorted']);
const ACCUMULATORS = new Set(['reduce', 'reduceRight']);

/**
 * How a method called on a tainted receiver treats the taint: predicates (`includes`, `some`,
 * `indexOf`) return clean values, element callbacks (`map`, `forEach`, `reduce`) receive tainted
 * elements, and everything else (`toString`, `slice`, `replace`, `join`, `toJSON`, `getResponse`)
 * returns tainted data.
 *
 * @param name - the method name, `undefined` when computed
 * @example
 * getMethodTaint('includes'); // { returnsTaint: false }
 */
export function getMethodTaint(name: string | undefined): MethodTaint {
  if (name === undefined) return { returnsTaint: true };
  if (PREDICATES.has(name)) return { returnsTaint: false };
  if (ELEMENT_PREDICATES.has(name)) return { returnsTaint: false, callbackParameter: 0 };
  if (name === 'forEach') return { returnsTaint: false, callbackParameter: 0 };
  if (ELEMENT_MAPPERS.has(name)) return { returnsTaint: true, callbackParameter: 0 };
  if (ACCUMULATORS.has(name)) return { returnsTaint: true, callbackParameter: 1 };
  return { returnsTaint: true };
}
