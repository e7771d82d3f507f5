import { ts } from 'ts-morph';

/** TypeScript's internal move of a file's cached children, absent from its public typings. */
type TransferSourceFileChildren = (sourceFile: ts.SourceFile, target: object) => void;

const transferSourceFileChildren = (ts as unknown as { transferSourceFileChildren?: TransferSourceFileChildren }).transferSourceFileChildren;

/**
 * Forgets the token nodes and child lists TypeScript cached for a file's nodes. typescript-estree
 * walks `node.getChildren()` to convert tokens and comments; TypeScript keeps those children for
 * as long as the source file lives, which for the audit's one program is the whole run: about
 * 170 MB of live heap for 100k linted lines (issue #9). They are rebuilt if asked for again. On a
 * TypeScript without the internal function this does nothing.
 *
 * @param sourceFile - a file of the audit's program whose lint is over
 * @example
 * releaseSyntaxChildren(program.getSourceFile('/app/src/main.ts')!);
 */
export function releaseSyntaxChildren(sourceFile: ts.SourceFile): void {
  // Moving the cache to a throwaway key is the only way to drop it: the cache is a WeakMap keyed
  // by the source file.
  transferSourceFileChildren?.(sourceFile, {});
}
