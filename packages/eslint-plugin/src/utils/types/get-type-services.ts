import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

/**
 * The parser services with a TypeScript program when the file is linted with type information,
 * otherwise `undefined`. Every Faultline rule runs without types (editor-fast) and uses them only
 * to sharpen its answers. typescript-eslint's `getParserServices(context, true)` throws when the
 * parser is not typescript-eslint's (ESLint's default parser on `.js` files), so it is not used.
 *
 * @param context - the rule context
 * @example
 * const services = getTypeServices(context);
 * const type = services?.getTypeAtLocation(node);
 */
export function getTypeServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation | undefined {
  const services = context.sourceCode.parserServices;
  return services?.program && services.esTreeNodeToTSNodeMap ? (services as ParserServicesWithTypeInformation) : undefined;
}
