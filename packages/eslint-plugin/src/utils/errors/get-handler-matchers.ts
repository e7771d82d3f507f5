import type { TSESTree } from '@typescript-eslint/utils';
import { createCalleeMatcher } from '../ast/create-callee-matcher.js';
import { type CallClassifier, createCallClassifier } from './get-handler-outcome.js';

/** The reporters `no-swallowed-error` recognises by default. */
export const DEFAULT_REPORTERS = [
  '*.error',
  '*.warn',
  '*.fatal',
  '*.exception',
  '*.captureException',
  '*.captureError',
  '*.report',
  '*.notify',
  '*.recordException',
  'reportError',
  'captureException',
  'console.error',
  'console.warn',
];
/** The parsers whose failure a `catch` may answer with a fallback value by default. */
export const DEFAULT_ALLOWED_THROWING_CALLS = [
  'JSON.parse',
  'new URL',
  'BigInt',
  'structuredClone',
  'decodeURIComponent',
  'decodeURI',
  'new RegExp',
  // A bad locale, time zone or option is their only failure (a RangeError).
  'new Intl.NumberFormat',
  'new Intl.DateTimeFormat',
  'new Intl.Collator',
  'new Intl.PluralRules',
  'new Intl.RelativeTimeFormat',
  'new Intl.ListFormat',
  'new Intl.DisplayNames',
  'new Intl.Locale',
];
/** What `no-swallowed-error` compiles from its options. */
export interface HandlerMatchers {
  isReporterCallee: (callee: TSESTree.Expression) => boolean;
  calls: CallClassifier;
  /** Dotted callee names of the allowed throwing calls (`URL` for `new URL`). */
  parsers: ReadonlySet<string>;
}

// ESLint hands each file a fresh options object, but the arrays in it are the configured ones.
const compiled = new WeakMap<readonly string[], WeakMap<readonly string[], HandlerMatchers>>();

/**
 * The matchers for the `reporters` and `allowedThrowingCalls` options, compiled once per
 * configuration and shared by every file linted with it.
 *
 * @param reporters - the `reporters` option
 * @param allowedThrowingCalls - the `allowedThrowingCalls` option
 * @example
 * const { calls, parsers } = getHandlerMatchers(options.reporters, options.allowedThrowingCalls);
 */
export function getHandlerMatchers(reporters: readonly string[], allowedThrowingCalls: readonly string[]): HandlerMatchers {
  let byCalls = compiled.get(reporters);
  if (!byCalls) compiled.set(reporters, (byCalls = new WeakMap()));
  let matchers = byCalls.get(allowedThrowingCalls);
  if (!matchers) {
    const isReporterCallee = createCalleeMatcher(reporters);
    matchers = {
      isReporterCallee,
      calls: createCallClassifier((call) => isReporterCallee(call.callee)),
      parsers: new Set(allowedThrowingCalls.map((name) => name.replace(/^new\s+/u, ''))),
    };
    byCalls.set(allowedThrowingCalls, matchers);
  }
  return matchers;
}
