import type { Compilable, CompiledQuery, DialectAdapter, Kysely, QueryResult } from 'kysely';
import type { DB } from './schema.js';

/** Stands in for the value of parameter `index` while a template is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

/** Runs a {@link createQueryTemplate} query with this call's values. */
export type QueryTemplate<Params extends readonly unknown[], Row> = (db: Kysely<DB>, ...params: Params) => Promise<QueryResult<Row>>;

/**
 * A query built and compiled once per database engine, then run with new values. Building and
 * compiling a Kysely query costs 3–25 µs of JavaScript, several times what SQLite needs to run a
 * prepared statement, so the statements of the transfer path are compiled once.
 *
 * `build` receives placeholders in place of the values: it must hand each one to Kysely as a
 * value (`.where(column, '=', param)`, `.values({ column: param })`) and never compute with it,
 * and the shape of the query must not depend on the values (one template per shape).
 *
 * @param build - the query, over its parameters
 * @returns a function running the query on a database or transaction handle with new values
 * @example
 * const findKey = createQueryTemplate((db, userId: string, key: string) =>
 *   db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key));
 * const { rows } = await findKey(trx, userId, key);
 */
export function createQueryTemplate<Params extends readonly unknown[], Row>(
  build: (db: Kysely<DB>, ...params: Params) => Compilable<Row>,
): QueryTemplate<Params, Row> {
  // Per adapter: each Kysely instance (and its transactions) has one, and it decides the SQL text.
  const compiled = new WeakMap<DialectAdapter, CompiledQuery<Row>>();
  return (db, ...params) => {
    const adapter = db.getExecutor().adapter;
    let template = compiled.get(adapter);
    if (template === undefined) {
      const slots = params.map((_, index) => new Slot(index)) as unknown as Params;
      template = build(db, ...slots).compile();
      compiled.set(adapter, template);
    }
    return db.executeQuery<Row>({
      query: template.query,
      queryId: template.queryId,
      sql: template.sql,
      parameters: template.parameters.map((value) => (value instanceof Slot ? params[value.index] : value)),
    });
  };
}
