import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

/**
 * The parser services with a TypeScript program when the file is linted with type information,
 * otherwise `undefined`. Every Faultline rule runs without types (editor-fast) and uses them only
 * to sharpen its answers, so it must never call the throwing `getParserServices(context)`.
 *
 * @param context - the rule context
 * @example
 * const services = getTypeServices(context);
 * const type = services?.getTypeAtLocation(node);
 */
export function getTypeServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation | undefined {
  const services = ESLintUtils.getParserServices(context, true);
  return services.program === null ? undefined : services;
}
