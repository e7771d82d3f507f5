import { createRequire } from 'node:module';
import type * as ts from 'typescript';

let typescript: typeof ts | undefined;

/**
 * The TypeScript module, loaded on first use. Only code that already holds a program (typed
 * linting, where the parser has loaded TypeScript) may call it: rules must load without the
 * optional `typescript` peer dependency. Flag values (`TypeFlags`, `SymbolFlags`) differ between
 * TypeScript versions, so they are read from the module rather than written as numbers.
 *
 * @example
 * const { TypeFlags } = getTypeScript();
 * if ((type.flags & TypeFlags.Null) !== 0) …
 */
export function getTypeScript(): typeof ts {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return typescript;
}
