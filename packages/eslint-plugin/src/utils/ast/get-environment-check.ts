import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName, getStaticName } from './get-static-name.js';
import { skipExpressionWrappers } from './skip-expression-wrappers.js';

/** Which runtime environment a test establishes when it is true. */
export type EnvironmentCheck = 'development' | 'production';

const PRODUCTION_VALUES = new Set(['production', 'prod']);
const DEVELOPMENT_VALUES = new Set(['development', 'dev', 'local', 'test']);
const ENV_NAME = /(?:^|\.)(?:NODE_ENV|APP_ENV|ENV|ENVIRONMENT|MODE|env|environment|nodeEnv|appEnv|mode)$/u;
const DEVELOPMENT_FLAG = /^(?:is_?)?(?:dev|development|debug)(?:_?(?:mode|env))?$|^__DEV__$/iu;
const PRODUCTION_FLAG = /^(?:is_?)?(?:prod|production)(?:_?(?:mode|env))?$/iu;

function isEnvironmentValue(node: TSESTree.Node): boolean {
  const expression = skipExpressionWrappers(node);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    // Express: app.get('env')
    const [argument] = expression.arguments;
    return (
      expression.callee.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(expression.callee) === 'get' &&
      argument?.type === AST_NODE_TYPES.Literal &&
      argument.value === 'env'
    );
  }
  if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticName(expression);
  return name !== undefined && ENV_NAME.test(name);
}

function getFlagName(node: TSESTree.Node): string | undefined {
  const expression = skipExpressionWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(expression);
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length === 0) return getFlagName(expression.callee);
  return undefined;
}

/**
 * The environment an elementary test establishes when true: `process.env.NODE_ENV !== 'production'`,
 * `env.NODE_ENV === 'development'`, `app.get('env') === 'development'`, `isDev`, `config.isProduction`,
 * `import.meta.env.DEV`, `isDevelopment()`. `undefined` when the test is not about the environment.
 * Negations and `&&`/`||` are the caller's (see `isImpliedByBranch`).
 *
 * @param node - an elementary test
 * @example
 * getEnvironmentCheck(parse("process.env.NODE_ENV !== 'production'")); // 'development'
 */
export function getEnvironmentCheck(node: TSESTree.Node): EnvironmentCheck | undefined {
  const expression = skipExpressionWrappers(node);
  if (expression.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(expression.operator)) {
    const [literal, other] =
      expression.right.type === AST_NODE_TYPES.Literal ? [expression.right, expression.left] : [expression.left, expression.right];
    if (literal.type !== AST_NODE_TYPES.Literal || typeof literal.value !== 'string' || !isEnvironmentValue(other)) return undefined;
    const value = literal.value.toLowerCase();
    const equal = expression.operator === '===' || expression.operator === '==';
    if (PRODUCTION_VALUES.has(value)) return equal ? 'production' : 'development';
    if (DEVELOPMENT_VALUES.has(value)) return equal ? 'development' : 'production';
    return undefined;
  }
  const name = getFlagName(expression);
  if (name === undefined) return undefined;
  if (DEVELOPMENT_FLAG.test(name)) return 'development';
  if (PRODUCTION_FLAG.test(name)) return 'production';
  return undefined;
}
