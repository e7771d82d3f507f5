import { expect } from 'vitest';

// vitest's asymmetric matchers are typed `any`; these wrappers give them `unknown` so object
// literals that use them stay type-safe under no-unsafe-assignment.

/** Matches any string. */
export const anyString: unknown = expect.any(String);

/** Matches any number. */
export const anyNumber: unknown = expect.any(Number);

/**
 * Matches a string against a pattern.
 *
 * @param pattern - regular expression or substring
 */
export function matching(pattern: RegExp | string): unknown {
  return expect.stringMatching(pattern);
}

/**
 * Matches a string containing `text`.
 *
 * @param text - the expected substring
 */
export function containing(text: string): unknown {
  return expect.stringContaining(text);
}

/**
 * Matches an object with at least these members.
 *
 * @param shape - the expected members
 */
export function objectContaining(shape: Record<string, unknown>): unknown {
  return expect.objectContaining(shape);
}
