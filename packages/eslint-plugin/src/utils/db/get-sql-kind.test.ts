import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getSqlKind, getSqlText } from './get-sql-kind.js';

const expression = (code: string): TSESTree.Expression => (parse(code).body[0] as TSESTree.ExpressionStatement).expression;

describe('getSqlKind', () => {
  it.each([
    ['INSERT INTO orders VALUES ($1)', 'write'],
    ['  update products set stock = stock - 1', 'write'],
    ['DELETE FROM sessions', 'write'],
    ['/* audit */ MERGE INTO t USING s ON …', 'write'],
    ['-- comment\nselect * from t for update', 'read'],
    ['(SELECT 1) UNION (SELECT 2)', 'read'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'read'],
    ['WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved', 'write'],
    ['BEGIN', 'begin'],
    ['start transaction isolation level serializable', 'begin'],
    ['COMMIT', 'commit'],
    ['END', 'commit'],
    ['ROLLBACK', 'rollback'],
    ['ROLLBACK TO SAVEPOINT a', 'other'],
    ['CREATE TABLE t (id int)', 'schema'],
    ['SET search_path TO app', 'other'],
  ])('%s is %s', (sql, kind) => {
    expect(getSqlKind(sql)).toBe(kind);
  });
});

describe('getSqlText', () => {
  it.each([
    ["'DELETE FROM t'", 'DELETE FROM t'],
    ['`UPDATE ${table} SET a = ${a}`', 'UPDATE ? SET a = ?'],
    ['sql`INSERT INTO t VALUES (${v})`', 'INSERT INTO t VALUES (?)'],
    ["'UPDATE t ' + 'SET a = 1'", 'UPDATE t SET a = 1'],
    ["({ text: 'SELECT 1', values: [] })", 'SELECT 1'],
    ["sql.raw('TRUNCATE t')", 'TRUNCATE t'],
    ['query', undefined],
    ['buildQuery()', undefined],
  ])('%s reads as %s', (code, text) => {
    expect(getSqlText(expression(code))).toBe(text);
  });
});
