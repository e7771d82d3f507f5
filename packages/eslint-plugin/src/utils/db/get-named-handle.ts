import type { DbHandle, DbHandleKind, DbHandleRole, DbLibraryName } from './create-db-library.js';

/** What a name, annotation, type or origin says about a handle (its node and key aside). */
export interface HandleFacts {
  kind: DbHandleKind;
  role: DbHandleRole;
  libraries: readonly DbLibraryName[];
  evidence: DbHandle['evidence'];
  generic?: boolean;
}

const TRANSACTION_NAME = /^(?:trx|tx|txn|transaction|transactional\w*)$|(?:Trx|Tx|Txn|Transaction)$/u;
const REPOSITORY_NAME = /(?:^r|R)epo(?:sitory)?_?$/u;
const MANAGER_NAME = /^(?:manager|em|entityManager|transactionalEntityManager)$/u;
const DATA_SOURCE_NAME = /^(?:dataSource|\w+DataSource)$/u;
const QUERY_RUNNER_NAME = /^(?:queryRunner|\w+QueryRunner)$/u;
// Names other SDKs use too: shapes shared with them are not trusted on the name alone.
const GENERIC_NAMES = new Set(['client', 'conn', 'connection', 'manager', 'em', 'orm']);
const LIBRARY_NAMES: Readonly<Record<string, DbLibraryName>> = { kysely: 'kysely', prisma: 'prisma', knex: 'knex' };

/**
 * What a handle's name says without type information: transaction names (`trx`, `tx`,
 * `…Transaction`), TypeORM repositories (`…Repository`, `…Repo`), query runners and data sources,
 * and names matching `handlePattern` (`db`, `prisma`, `client`…; generic ones are flagged).
 *
 * @param name - an identifier's or property's name
 * @param handlePattern - the `handlePattern` option, compiled
 * @example
 * getNamedHandle('trx', pattern)?.kind; // 'transaction'
 * getNamedHandle('orderRepository', pattern)?.role; // 'repository'
 */
export function getNamedHandle(name: string, handlePattern: RegExp): HandleFacts | undefined {
  if (TRANSACTION_NAME.test(name)) {
    return { kind: 'transaction', role: /manager/iu.test(name) ? 'manager' : 'client', libraries: [], evidence: 'name' };
  }
  if (QUERY_RUNNER_NAME.test(name)) return { kind: 'database', role: 'queryRunner', libraries: ['typeorm'], evidence: 'name' };
  if (DATA_SOURCE_NAME.test(name)) return { kind: 'database', role: 'dataSource', libraries: ['typeorm'], evidence: 'name' };
  if (REPOSITORY_NAME.test(name)) return { kind: 'database', role: 'repository', libraries: ['typeorm'], evidence: 'name' };
  if (!handlePattern.test(name)) return undefined;
  const library = LIBRARY_NAMES[name];
  return {
    kind: 'database',
    role: MANAGER_NAME.test(name) ? 'manager' : 'client',
    libraries: library === undefined ? [] : [library],
    evidence: 'name',
    generic: GENERIC_NAMES.has(name),
  };
}
