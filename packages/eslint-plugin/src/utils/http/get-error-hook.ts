import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import type { FunctionNode } from '../ast/is-function-node.js';
import type { HttpFramework } from './create-http-framework.js';
import { getHttpFrameworks } from './get-http-frameworks.js';
import { isHttpReceiver } from './is-http-receiver.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A function a framework calls with the error of a failed request. */
export interface HttpErrorHook {
  framework: HttpFramework;
  /** The hook's error parameter. */
  error: TSESTree.Parameter;
  /** The hook's response receiver parameter, when it declares one. */
  receiver: TSESTree.Parameter | undefined;
}

// A hook recognised by its parameters alone needs an unmistakable error name (`e` is also the
// first parameter of countless callbacks).
const HOOK_ERROR_NAME = /^_?(?:err|error|exception|ex|thrown)$|(?:Error|Err|Exception)$/u;
const ERROR_TYPE_NAME = /(?:Error|Exception)$/u;

function isErrorLike(parameter: TSESTree.Identifier, arity: number): boolean {
  // `e` is too common a first parameter, except in front of three more (e, req, res, next).
  if (HOOK_ERROR_NAME.test(parameter.name) || (arity === 4 && parameter.name === 'e')) return true;
  const annotation = parameter.typeAnnotation?.typeAnnotation;
  return (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    ERROR_TYPE_NAME.test(annotation.typeName.name)
  );
}

function getParameterIdentifier(parameter: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  const binding = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  return binding?.type === AST_NODE_TYPES.Identifier ? binding : undefined;
}

/**
 * The error hook `fn` is, if any: Hono `app.onError((err, c) => …)`, Express error middleware
 * `(err, req, res, next) => …` (four parameters, registered with `use` or shaped like one),
 * Fastify `setErrorHandler((error, request, reply) => …)`. A hook declared apart from its
 * registration is recognised by its parameters: an error name first and the framework's
 * receiver where the framework puts it (`(err: Error, c: Context)`).
 *
 * @param fn - the candidate function
 * @param context - the rule context
 * @param registration - the call that registers `fn` when it is passed by name (`app.onError(handler)`);
 *   defaults to `fn`'s parent when `fn` is written inline as an argument
 * @example
 * const hook = getErrorHook(node, context);
 * if (hook) track(hook.error);
 */
export function getErrorHook(fn: FunctionNode, context: Context, registration: TSESTree.Node = fn.parent): HttpErrorHook | undefined {
  const registeredBy =
    registration.type === AST_NODE_TYPES.CallExpression && registration.callee.type === AST_NODE_TYPES.MemberExpression
      ? getPropertyName(registration.callee)
      : undefined;
  const firstParameter = getParameterIdentifier(fn.params[0]);
  const errorLike = firstParameter !== undefined && isErrorLike(firstParameter, fn.params.length);
  // Most functions are neither registered as hooks nor shaped like one: leave early.
  if (registeredBy === undefined && !errorLike) return undefined;
  for (const framework of getHttpFrameworks()) {
    for (const shape of framework.errorHooks ?? []) {
      if (shape.arity !== undefined && fn.params.length !== shape.arity) continue;
      if (shape.minArity !== undefined && fn.params.length < shape.minArity) continue;
      const error = fn.params[shape.error];
      if (error === undefined) continue;
      const receiver = shape.receiver === undefined ? undefined : fn.params[shape.receiver];
      if (shape.registeredBy !== undefined) {
        if (registeredBy === shape.registeredBy) return { framework, error, receiver };
        continue;
      }
      const errorParameter = getParameterIdentifier(error);
      const receiverParameter = getParameterIdentifier(receiver);
      if (
        errorParameter !== undefined &&
        isErrorLike(errorParameter, fn.params.length) &&
        receiverParameter !== undefined &&
        isHttpReceiver(receiverParameter, framework, context)
      ) {
        return { framework, error, receiver };
      }
    }
  }
  return undefined;
}
