import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { unwrapExpression } from './get-call-chain.js';

/** What a SQL statement does, judged by its leading keyword. */
export type SqlKind = 'read' | 'write' | 'schema' | 'begin' | 'commit' | 'rollback' | 'other';

const WRITE = /^(?:insert|update|delete|merge|replace|upsert|truncate|copy|call)\b/u;
const READ = /^(?:select|show|explain|values|table|describe|pragma)\b/u;
const SCHEMA = /^(?:create|alter|drop|grant|revoke|comment|vacuum|analyze|reindex|refresh)\b/u;
const BEGIN = /^(?:begin|start\s+transaction)\b/u;
const COMMIT = /^(?:commit|end)\b/u;
const ROLLBACK = /^rollback(?!\s+to\b)/u;
const CTE_WRITE = /\b(?:insert\s+into|update\s+\S+\s+set|delete\s+from|merge\s+into)\b/u;

/**
 * Classifies SQL text by its leading keyword, after comments, whitespace and opening parentheses.
 * A `WITH` query is a write when any of its parts writes. DDL is `schema`: migrations are not
 * the multi-step business writes the rules are about.
 *
 * @param text - SQL text; interpolations may be replaced by placeholders
 * @example
 * getSqlKind('UPDATE products SET stock = stock - $1'); // 'write'
 * getSqlKind('begin isolation level serializable'); // 'begin'
 */
export function getSqlKind(text: string): SqlKind {
  const sql = text
    .replace(/--[^\n]*/gu, ' ')
    .replace(/\/\*[^]*?\*\//gu, ' ')
    .replace(/^[\s(]+/u, '')
    .toLowerCase();
  if (sql.startsWith('with')) return CTE_WRITE.test(sql) ? 'write' : 'read';
  if (BEGIN.test(sql)) return 'begin';
  if (ROLLBACK.test(sql)) return 'rollback';
  if (COMMIT.test(sql)) return 'commit';
  if (WRITE.test(sql)) return 'write';
  if (READ.test(sql)) return 'read';
  if (SCHEMA.test(sql)) return 'schema';
  return 'other';
}

/**
 * The static SQL text of an expression as far as it can be read without running it: string
 * literals, template literals and tagged templates (interpolations become `?`), `+`
 * concatenations, `{ text }`/`{ sql }` query objects, and `sql.raw('…')`. Returns `undefined`
 * when the text is not visible here (a variable, a function call).
 *
 * @param node - the query argument
 * @example
 * getSqlText(parse('`UPDATE t SET a = ${a}`')); // 'UPDATE t SET a = ?'
 */
export function getSqlText(node: TSESTree.Node): string | undefined {
  const expression = node.type === AST_NODE_TYPES.SpreadElement ? undefined : unwrapExpression(node as TSESTree.Expression);
  if (expression === undefined) return undefined;
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === 'string' ? expression.value : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return expression.quasis.map((quasi) => quasi.value.raw).join('?');
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return expression.quasi.quasis.map((quasi) => quasi.value.raw).join('?');
    case AST_NODE_TYPES.BinaryExpression: {
      if (expression.operator !== '+') return undefined;
      const left = getSqlText(expression.left);
      return left === undefined ? undefined : `${left}${getSqlText(expression.right) ?? '?'}`;
    }
    case AST_NODE_TYPES.ObjectExpression: {
      for (const property of expression.properties) {
        if (
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          (property.key.name === 'text' || property.key.name === 'sql')
        ) {
          return getSqlText(property.value);
        }
      }
      return undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const { callee } = expression;
      // sql.raw('…'), Prisma.sql`…` helpers, sql.unsafe('…')
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        (callee.property.name === 'raw' || callee.property.name === 'unsafe') &&
        expression.arguments[0] !== undefined
      ) {
        return getSqlText(expression.arguments[0]);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
