import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, AST_TOKEN_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { getStaticName } from '../ast/get-static-name.js';
import { isFunctionNode } from '../ast/is-function-node.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import type { TaintFlow } from '../taint/create-taint-tracker.js';
import type { HttpSink } from './get-http-sink.js';

/** A suggestion that sends a generic message in place of a leaked value. */
export interface GenericResponseFix {
  /** How the suggestion's message mentions logging: " and log `e`", or empty when it adds no log. */
  logging: string;
  fix: TSESLint.ReportFixFunction;
}

const WRAPPERS = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.ChainExpression,
]);
const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.StaticBlock,
]);
const LOGGING_CALLEE = /(?:^|\.)(?:console|logger|log|Sentry|sentry)\.|captureException|reportError|(?:^|\.)log(?:ger)?$/u;
const LOGGER = /\b((?:[\w$]+\.)*(?:logger|log))\.error\(/u;

/** Whether the leaf is the sink's payload as a whole (`c.json(e)`), not a value inside it. */
function isWholePayload(leaf: TSESTree.Node, sink: HttpSink): boolean {
  let node = leaf;
  while (node.parent != null && WRAPPERS.has(node.parent.type)) node = node.parent;
  const { parent } = node;
  if (parent === sink.node) return parent.type !== AST_NODE_TYPES.AssignmentExpression || parent.right === node;
  return isFunctionNode(sink.node) && parent?.type === AST_NODE_TYPES.ReturnStatement;
}

function getReplacement(flow: TaintFlow, sink: HttpSink, message: string, sourceCode: Readonly<TSESLint.SourceCode>): [TSESTree.Node, string] {
  const { leaf } = flow;
  const { parent } = leaf;
  if (parent?.type === AST_NODE_TYPES.SpreadElement) {
    return [parent, parent.parent.type === AST_NODE_TYPES.ObjectExpression ? `error: ${message}` : message];
  }
  if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === leaf) {
    return [parent, `${sourceCode.getText(parent.key)}: ${message}`];
  }
  // A whole payload that held an object (the error, a body variable) gets an object back; text stays text.
  const holdsObject = skipExpressionWrappers(leaf).type === AST_NODE_TYPES.Identifier;
  if (holdsObject && (isWholePayload(leaf, sink) || (isFunctionNode(sink.node) && sink.node.body === leaf))) {
    if (sink.payload.shape === 'json') return [leaf, `{ error: ${message} }`];
    if (sink.payload.shape === 'options') return [leaf, `{ message: ${message} }`];
  }
  return [leaf, message];
}

type Anchor =
  | { mode: 'insert'; node: TSESTree.Node }
  | { mode: 'wrap'; node: TSESTree.Node }
  | { mode: 'arrow'; node: TSESTree.Expression };

/** Where a log call can go: before the statement holding the leak, or around it when it is not in a block. */
function getAnchor(leaf: TSESTree.Node): Anchor | undefined {
  let node = leaf;
  for (let parent = node.parent; parent != null; node = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) {
      return parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node && node.type !== AST_NODE_TYPES.BlockStatement
        ? { mode: 'arrow', node: parent.body as TSESTree.Expression }
        : undefined;
    }
    if (STATEMENT_LISTS.has(parent.type)) return { mode: 'insert', node };
    if (
      (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== node) ||
      ((parent.type === AST_NODE_TYPES.ForStatement ||
        parent.type === AST_NODE_TYPES.ForOfStatement ||
        parent.type === AST_NODE_TYPES.ForInStatement ||
        parent.type === AST_NODE_TYPES.WhileStatement ||
        parent.type === AST_NODE_TYPES.DoWhileStatement ||
        parent.type === AST_NODE_TYPES.LabeledStatement) &&
        parent.body === node)
    ) {
      return { mode: 'wrap', node };
    }
  }
  return undefined;
}

function isLogged(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    let node: TSESTree.Node = reference.identifier;
    for (let depth = 0; depth < 3 && node.parent != null; depth += 1) {
      const parent: TSESTree.Node = node.parent;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) {
        const callee = parent.callee.type === AST_NODE_TYPES.Super ? undefined : getStaticName(parent.callee);
        return callee !== undefined && LOGGING_CALLEE.test(callee);
      }
      node = parent;
    }
    return false;
  });
}

/**
 * Builds the suggestion of `no-error-leak`: replace the leaked value with a generic message (a
 * JSON body `{ error: … }` when an object was the whole JSON payload, `{ message: … }` for
 * exception options) and, when the error is in scope and not logged yet, log it first with the file's
 * logger (`logger.error`, else `console.error`), adding braces where the statement has none.
 *
 * @param flow - how the error reached the sink
 * @param sink - the sink it reached
 * @param sourceCode - the file's source code
 * @example
 * const { fix, logging } = createGenericResponseFix(flow, sink, context.sourceCode);
 */
export function createGenericResponseFix(flow: TaintFlow, sink: HttpSink, sourceCode: Readonly<TSESLint.SourceCode>): GenericResponseFix {
  const quote = sourceCode.ast.tokens.find((token) => token.type === AST_TOKEN_TYPES.String)?.value.startsWith('"') === true ? '"' : "'";
  const [target, text] = getReplacement(flow, sink, `${quote}Internal Server Error${quote}`, sourceCode);
  const replaceIn = (container: TSESTree.Node, range = container.range): string =>
    sourceCode.text.slice(range[0], target.range[0]) + text + sourceCode.text.slice(target.range[1], range[1]);

  const { binding, root } = flow.tainted.source;
  const identifier = binding.type === AST_NODE_TYPES.AssignmentPattern ? binding.left : binding;
  const variable = identifier.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(sourceCode.getScope(identifier), identifier) : null;
  const anchor = getAnchor(flow.leaf);
  const scope = variable?.scope.block.range;
  if (
    variable === null ||
    anchor === undefined ||
    scope === undefined ||
    anchor.node.range[0] < scope[0] ||
    anchor.node.range[1] > scope[1] ||
    isLogged(variable)
  ) {
    return { logging: '', fix: (fixer) => fixer.replaceText(target, text) };
  }

  const logger = LOGGER.exec(sourceCode.getText(root))?.[1];
  const log = `${logger === undefined ? 'console' : logger}.error(${variable.name});`;
  const logging = ` and log \`${variable.name}\``;
  const { node } = anchor;
  if (anchor.mode === 'insert') {
    const indent = /^\s*/u.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
    return { logging, fix: (fixer) => [fixer.insertTextBefore(node, `${log}\n${indent}`), fixer.replaceText(target, text)] };
  }
  if (anchor.mode === 'wrap') return { logging, fix: (fixer) => fixer.replaceText(node, `{ ${log} ${replaceIn(node)} }`) };

  // An arrow's expression body becomes a block; a parenthesised object body loses its parentheses.
  const before = sourceCode.getTokenBefore(node);
  const after = sourceCode.getTokenAfter(node);
  const range: TSESTree.Range =
    ASTUtils.isParenthesized(node, sourceCode) && before !== null && after !== null ? [before.range[0], after.range[1]] : node.range;
  return {
    logging,
    fix: (fixer) => fixer.replaceTextRange(range, `{ ${log} return ${replaceIn(node)}; }`),
  };
}
