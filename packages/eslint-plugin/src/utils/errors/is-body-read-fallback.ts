import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getSoleDefinition } from '../ast/get-sole-definition.js';
import { getPropertyName, getStaticName } from '../ast/get-static-name.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { hasBaseTypeNamed } from '../types/has-base-type-named.js';

const BODY_READERS = new Set(['json', 'text', 'arrayBuffer', 'blob', 'bytes', 'formData']);
const RESPONSE = new Set(['Response']);

/** A value the callback answers with that runs nothing: `({})`, `[]`, `null`, `'Unknown error'`. */
function isPlainValue(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(isPlainValue);
    case AST_NODE_TYPES.UnaryExpression:
      return isPlainValue(node.argument);
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element !== null && isPlainValue(element));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every(
        (property) => property.type === AST_NODE_TYPES.Property && !property.computed && isPlainValue(property.value),
      );
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return isPlainValue(node.expression);
    default:
      return false;
  }
}

function isFallbackCallback(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const { body } = node;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return isPlainValue(body);
  const [only] = body.body;
  return body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement && (!only.argument || isPlainValue(only.argument));
}

/** `const res = await fetch(…)`, or a parameter or variable declared `Response`. */
function isDeclaredResponse(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Identifier): boolean {
  const definition = getSoleDefinition(sourceCode, node);
  if (!definition) return false;
  const { name } = definition;
  const annotation = name.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  if (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'Response'
  ) {
    return true;
  }
  if (definition.node.type !== AST_NODE_TYPES.VariableDeclarator || !definition.node.init) return false;
  const init = skipExpressionWrappers(definition.node.init);
  if (init.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const request = skipExpressionWrappers(init.argument);
  return request.type === AST_NODE_TYPES.CallExpression && /(?:^|\.)fetch$/u.test(getStaticName(request.callee) ?? '');
}

/**
 * Whether `.catch(cb)` answers a response body that would not parse with a plain value, as in
 * `await res.json().catch(() => ({}))` where `res` holds an awaited `fetch(…)` or is a
 * `Response`. It is the promise form of a `catch` around `JSON.parse` returning a fallback: the
 * request itself has already been answered, and its status is checked on its own. Bodies read
 * straight off a request (`ky.get(url).json()`) still fetch, and are not included.
 *
 * @param sourceCode - the rule context's source code
 * @param call - the `.catch(…)` call
 * @param callback - its rejection handler
 * @param services - parser services with a program, when the file is linted with types
 * @example
 * if (isBodyReadFallback(sourceCode, node, callback, services)) return;
 */
export function isBodyReadFallback(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  callback: TSESTree.Expression,
  services?: ParserServicesWithTypeInformation,
): boolean {
  if (!isFallbackCallback(callback)) return false;
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getPropertyName(callee) !== 'catch') return false;
  const read = skipExpressionWrappers(callee.object);
  if (read.type !== AST_NODE_TYPES.CallExpression || read.arguments.length > 0) return false;
  const reader = skipExpressionWrappers(read.callee);
  if (reader.type !== AST_NODE_TYPES.MemberExpression || !BODY_READERS.has(getPropertyName(reader) ?? '')) return false;
  const response = skipExpressionWrappers(reader.object);
  if (response.type !== AST_NODE_TYPES.Identifier) return false;
  return isDeclaredResponse(sourceCode, response) || (services !== undefined && hasBaseTypeNamed(services.getTypeAtLocation(response), RESPONSE));
}
