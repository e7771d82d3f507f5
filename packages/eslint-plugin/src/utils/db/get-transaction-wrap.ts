import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { DbLibrary } from './create-db-library.js';
import type { DbModel } from './create-db-model.js';
import { unwrapExpression } from './get-call-chain.js';

/** A source edit that runs a run of statements in one transaction. */
export interface TransactionWrap {
  range: [number, number];
  text: string;
  /** First and last wrapped line, for the suggestion's description. */
  lines: [number, number];
}

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Calls `visit` on every node under `node`; stops descending where `visit` returns false. */
function walk(node: TSESTree.Node, visit: (node: TSESTree.Node) => boolean): void {
  if (!visit(node)) return;
  for (const key of Object.keys(node)) {
    if (key === 'parent') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit);
    } else if (isNode(value)) {
      walk(value, visit);
    }
  }
}

/** The statement of `block` that contains `node`. */
function getStatementIn(block: TSESTree.BlockStatement, node: TSESTree.Node): number {
  return block.body.findIndex((statement) => statement.range[0] <= node.range[0] && node.range[1] <= statement.range[1]);
}

function isFunctionLike(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** Whether the statements use control flow a callback cannot carry (`break` out, `yield`, `arguments`). */
function hasUnmovableFlow(statements: readonly TSESTree.Statement[]): { unmovable: boolean; returns: boolean } {
  let unmovable = false;
  let returns = false;
  for (const statement of statements) {
    walk(statement, (node) => {
      if (isFunctionLike(node)) return node.type === AST_NODE_TYPES.ArrowFunctionExpression && !unmovable ? walkArrowArguments(node) : false;
      if (node.type === AST_NODE_TYPES.ReturnStatement) returns = true;
      if (node.type === AST_NODE_TYPES.YieldExpression) unmovable = true;
      if (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments') unmovable = true;
      if ((node.type === AST_NODE_TYPES.BreakStatement || node.type === AST_NODE_TYPES.ContinueStatement) && !isInsideLoopWithin(node, statement)) {
        unmovable = true;
      }
      if (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'var') unmovable = true;
      return true;
    });
  }
  return { unmovable, returns };

  function walkArrowArguments(arrow: TSESTree.ArrowFunctionExpression): boolean {
    walk(arrow.body, (inner) => {
      if (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'arguments') unmovable = true;
      return !(inner.type === AST_NODE_TYPES.FunctionExpression || inner.type === AST_NODE_TYPES.FunctionDeclaration);
    });
    return false;
  }
}

function isInsideLoopWithin(node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (let current = node.parent; current != null && current !== boundary.parent; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.SwitchStatement:
        return true;
      default:
    }
  }
  return false;
}

/**
 * Builds the edit that wraps the statements holding `writes` in the library's transaction and
 * renames their handle to the transaction's: `await db.transaction().execute(async (trx) => { … })`.
 * Only when every write uses the same handle expression, all of them sit in one block of an async
 * function, and the moved statements neither leave the block nor declare what later code uses
 * (unless they reach the end of the function, where the wrapper is returned).
 *
 * @param fn - the function being fixed
 * @param writes - the write calls to cover, and the handle expression each uses
 * @param library - the library whose transaction to open
 * @param sourceCode - the file's source code
 * @param model - the file's database model (to find the handle's other uses)
 * @example
 * const wrap = getTransactionWrap(fn, writes, kysely, context.sourceCode, model);
 * if (wrap) suggest.push({ messageId: 'wrapInTransaction', fix: (fixer) => fixer.replaceTextRange(wrap.range, wrap.text) });
 */
export function getTransactionWrap(
  fn: FunctionNode,
  writes: readonly { node: TSESTree.Node; handle: TSESTree.Expression }[],
  library: DbLibrary,
  sourceCode: Readonly<TSESLint.SourceCode>,
  model: DbModel,
): TransactionWrap | undefined {
  const wrapper = library.wrapInTransaction;
  const [first] = writes;
  if (wrapper === undefined || first === undefined || !fn.async || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const handleText = sourceCode.getText(first.handle);
  if (writes.some((write) => sourceCode.getText(write.handle) !== handleText)) return undefined;

  // The innermost block holding every write.
  let block: TSESTree.Node | undefined = first.node.parent;
  while (block != null && !(block.type === AST_NODE_TYPES.BlockStatement && writes.every((write) => getStatementIn(block as TSESTree.BlockStatement, write.node) >= 0))) {
    if (block === fn) return undefined;
    block = block.parent;
  }
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (let current: TSESTree.Node = block; current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.Program || isFunctionLike(current)) return undefined;
  }
  const indexes = writes.map((write) => getStatementIn(block, write.node));
  const start = Math.min(...indexes);
  const end = Math.max(...indexes);
  const statements = block.body.slice(start, end + 1);
  const firstStatement = statements[0];
  const lastStatement = statements.at(-1);
  if (firstStatement === undefined || lastStatement === undefined) return undefined;

  const flow = hasUnmovableFlow(statements);
  const atEnd = block === fn.body && end === block.body.length - 1;
  if (flow.unmovable || (flow.returns && !atEnd)) return undefined;

  const parameter = library.transactionParameterName;
  const text = sourceCode.getText().slice(firstStatement.range[0], lastStatement.range[1]);
  if (new RegExp(`\\b${parameter}\\b`, 'u').test(text)) return undefined;

  // Declarations later code still needs come back out of the callback.
  const exported: string[] = [];
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration || statement.type === AST_NODE_TYPES.ClassDeclaration) return undefined;
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = model.findVariable(declarator.id);
      const usedAfter = variable?.references.some((reference) => reference.identifier.range[0] > lastStatement.range[1]) ?? false;
      if (!usedAfter) continue;
      if (statement.kind !== 'const' || flow.returns) return undefined;
      exported.push(declarator.id.name);
    }
  }

  // Rename the handle inside the moved statements.
  const edits: { range: [number, number]; text: string }[] = [];
  const handle = unwrapExpression(first.handle);
  const handleVariable = handle.type === AST_NODE_TYPES.Identifier ? model.findVariable(handle) : undefined;
  for (const statement of statements) {
    walk(statement, (node) => {
      const isSame =
        handle.type === AST_NODE_TYPES.Identifier
          ? node.type === AST_NODE_TYPES.Identifier &&
            node.name === handle.name &&
            !(node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.property === node && !node.parent.computed) &&
            !(node.parent.type === AST_NODE_TYPES.Property && node.parent.key === node && !node.parent.shorthand) &&
            model.findVariable(node) === handleVariable
          : node.type === handle.type && sourceCode.getText(node) === handleText;
      if (isSame) {
        const shorthand = node.parent?.type === AST_NODE_TYPES.Property && node.parent.shorthand;
        edits.push({ range: node.range, text: shorthand ? `${handleText}: ${parameter}` : parameter });
        return false;
      }
      return true;
    });
  }
  let body = text;
  for (const edit of edits.sort((a, b) => b.range[0] - a.range[0])) {
    const from = edit.range[0] - firstStatement.range[0];
    const to = edit.range[1] - firstStatement.range[0];
    body = `${body.slice(0, from)}${edit.text}${body.slice(to)}`;
  }

  const line = sourceCode.lines[firstStatement.loc.start.line - 1] ?? '';
  const indent = /^\s*/u.exec(line)?.[0] ?? '';
  const inner = `${indent}  `;
  const bodyLines = body.split('\n').map((bodyLine, index) => (index === 0 ? `${inner}${bodyLine}` : bodyLine === '' ? '' : `  ${bodyLine}`));
  if (exported.length > 0) bodyLines.push(`${inner}return { ${exported.join(', ')} };`);
  const { open, close } = wrapper(handleText, parameter);
  const opening = exported.length > 0 ? `const { ${exported.join(', ')} } = ${open}` : flow.returns ? `return ${open}` : open;
  return {
    range: [firstStatement.range[0], lastStatement.range[1]],
    text: `${opening}\n${bodyLines.join('\n')}\n${indent}${close}`,
    lines: [firstStatement.loc.start.line, lastStatement.loc.end.line],
  };
}
