import { ts } from 'ts-morph';

/** A function-like node with a body: the unit the call graph and the findings are keyed by. */
export type FunctionNode =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

/** The name findings use for code outside any function. */
export const MODULE_SCOPE = '<module>';

/**
 * Whether a node is a function with a body (declarations without one, such as overloads and
 * interface methods, are not units).
 *
 * @param node - any node
 * @example
 * if (isFunctionNode(node)) units.push(node);
 */
export function isFunctionNode(node: ts.Node): node is FunctionNode {
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor: {
      return (node as ts.FunctionLikeDeclarationBase).body !== undefined;
    }
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction: {
      return true;
    }
    default: {
      return false;
    }
  }
}

function getPropertyNameText(name: ts.PropertyName, sourceFile: ts.SourceFile): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
    return name.text;
  }
  return name.getText(sourceFile);
}

function getContainerName(node: ts.Node, sourceFile: ts.SourceFile): string | undefined {
  const parent = node.parent;
  if (ts.isClassLike(parent)) return parent.name?.text;
  if (ts.isObjectLiteralExpression(parent)) {
    const holder = parent.parent;
    if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
    if (ts.isReturnStatement(holder)) {
      const owner = findEnclosingFunction(holder);
      return owner === undefined ? undefined : getOwnName(owner, sourceFile);
    }
  }
  return undefined;
}

/** Shortens a callee for display: `c.req.json` stays, long chains keep their last three links. */
function getCalleeText(call: ts.CallExpression, sourceFile: ts.SourceFile): string {
  const text = call.expression.getText(sourceFile).replaceAll(/\s+/g, '');
  const links = text.split('.');
  return links.length > 3 ? links.slice(-3).join('.') : text;
}

function getOwnName(node: FunctionNode, sourceFile: ts.SourceFile): string | undefined {
  if (ts.isConstructorDeclaration(node)) {
    return `${getContainerName(node, sourceFile) ?? '<class>'}.constructor`;
  }
  if (node.name !== undefined && !ts.isArrowFunction(node)) {
    const own = getPropertyNameText(node.name, sourceFile);
    const container = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) ? undefined : getContainerName(node, sourceFile);
    return container === undefined ? own : `${container}.${own}`;
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    const own = getPropertyNameText(parent.name, sourceFile);
    const container = getContainerName(parent, sourceFile);
    return container === undefined ? own : `${container}.${own}`;
  }
  if (ts.isExportAssignment(parent)) return 'default';
  return undefined;
}

/**
 * Finds the closest function-like node around `node`, if any.
 *
 * @param node - any node
 * @example
 * const owner = findEnclosingFunction(callExpression);
 */
export function findEnclosingFunction(node: ts.Node): FunctionNode | undefined {
  let current = node.parent as ts.Node | undefined;
  while (current !== undefined) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return undefined;
}

/**
 * A stable, readable name for a function: its own name (`createOrder`, `PaymentService.refund`),
 * or for an anonymous callback the call it is passed to, qualified by the function around it
 * (`createOrder › items.map callback`, `app.post("/payments") handler`). Names carry no line
 * numbers, so that they survive edits elsewhere in the file (the baseline keys on them).
 *
 * @param node - a function-like node
 * @param sourceFile - the node's file
 * @example
 * getFunctionName(arrowFunction, sourceFile); // 'app.post("/payments") handler'
 */
export function getFunctionName(node: FunctionNode, sourceFile: ts.SourceFile): string {
  const own = getOwnName(node, sourceFile);
  if (own !== undefined) return own;
  let local = '<anonymous>';
  const parent = node.parent;
  if (ts.isCallExpression(parent)) {
    const callee = getCalleeText(parent, sourceFile);
    const first = parent.arguments[0];
    local =
      first !== undefined && ts.isStringLiteralLike(first)
        ? `${callee}(${JSON.stringify(first.text)}) handler`
        : `${callee} callback`;
  }
  const outer = findEnclosingFunction(node);
  return outer === undefined ? local : `${getFunctionName(outer, sourceFile)} › ${local}`;
}

/**
 * The innermost function that contains the position, if any.
 *
 * @param sourceFile - the file to search
 * @param position - a character offset in the file
 * @example
 * const owner = findFunctionAt(sourceFile, sourceFile.getPositionOfLineAndCharacter(9, 4));
 */
export function findFunctionAt(sourceFile: ts.SourceFile, position: number): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.getStart(sourceFile) || position >= node.end) return;
    if (isFunctionNode(node)) found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

/**
 * The name of the function around a position, or `<module>` outside any function, and the
 * position's line with its whitespace collapsed: the two parts of a finding that survive edits
 * elsewhere in the file.
 *
 * @param sourceFile - the finding's file
 * @param line - 1-based line
 * @param column - 1-based column
 * @example
 * const { function: name, snippet } = describePosition(sourceFile, 12, 5);
 */
export function describePosition(sourceFile: ts.SourceFile, line: number, column: number): { function: string; snippet: string } {
  const lineStarts = sourceFile.getLineStarts();
  const lineIndex = Math.min(Math.max(line - 1, 0), lineStarts.length - 1);
  const lineStart = lineStarts[lineIndex] ?? 0;
  const lineEnd = lineStarts[lineIndex + 1] ?? sourceFile.text.length;
  const position = Math.min(lineStart + Math.max(column - 1, 0), sourceFile.text.length);
  const owner = findFunctionAt(sourceFile, position);
  return {
    function: owner === undefined ? MODULE_SCOPE : getFunctionName(owner, sourceFile),
    snippet: normalizeSnippet(sourceFile.text.slice(lineStart, lineEnd)),
  };
}

/**
 * Collapses whitespace so that re-indenting a line does not change its snippet.
 *
 * @param text - a line of code
 * @example
 * normalizeSnippet('  return   false;\n'); // 'return false;'
 */
export function normalizeSnippet(text: string): string {
  return text.replaceAll(/\s+/g, ' ').trim();
}
