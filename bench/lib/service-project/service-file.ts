import type { ServiceModule } from './service-module.js';

/**
 * `<module>.service.ts`: the use cases. Most writes run in a transaction; by the module's variant,
 * some do not, some catches swallow the error and some results are ambiguous, as in real code.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.service.ts`, serviceFile(module));
 */
export function serviceFile(module: ServiceModule): string {
  const { pascal: type, camel, child, peer, variant } = module;
  const writeLines = child === undefined ? '' : `\n    await insert${child.pascal}s(trx, id, input.lines, now);`;
  const create = variant % 3 === 0
    ? `  const id = await insert${type}(deps.db, input, now);${writeLines.replace('trx', 'deps.db')}
  await recordEvent(deps.db, '${module.table}', id, 'created');
  return id;`
    : `  return deps.db.transaction().execute(async (trx) => {
    const id = await insert${type}(trx, input, now);${writeLines}
    await recordEvent(trx, '${module.table}', id, 'created');
    await enqueue(trx, '${module.name}.created', { id, accountId: input.accountId });
    return id;
  });`;
  const complete = variant % 4 === 1
    ? `  try {
    await transition${type}(deps.db, id, current.status, 'completed', deps.clock.now());
    await recordEvent(deps.db, '${module.table}', id, 'completed');
    return true;
  } catch (error) {
    return false;
  }`
    : `  try {
    return await deps.db.transaction().execute(async (trx) => {
      const moved = await transition${type}(trx, id, current.status, 'completed', deps.clock.now());
      if (!moved) return false;
      await recordEvent(trx, '${module.table}', id, 'completed');
      await enqueue(trx, '${module.name}.completed', { id });
      return true;
    });
  } catch (error) {
    deps.logger.error({ err: error, ${camel}Id: id }, 'could not complete ${module.name}');
    throw new Error('could not complete ${module.name}', { cause: error });
  }`;
  const overview = variant % 5 === 2
    ? `export async function has${type}Overdue(deps: ${type}Dependencies, accountId: number) {
  const due = await listDue${type}s(deps.db, deps.clock.now(), 1);
  if (due.length === 0) return null;
  return due.some((item) => item.accountId === accountId);
}`
    : `export async function has${type}Overdue(deps: ${type}Dependencies, accountId: number): Promise<boolean> {
  const due = await listDue${type}s(deps.db, deps.clock.now(), 1);
  return due.some((item) => item.accountId === accountId);
}`;
  return `import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { toPage, type Page, type PageRequest } from '../lib/pagination.js';
import type { Logger } from '../observability/logger.js';
import { enqueue, recordEvent } from '../outbox/outbox.repository.js';
import { get${peer.pascal} } from '../${peer.name}/${peer.name}.service.js';
import { can${type}Transition, ${type}NotFoundError, ${type}StateError, ${type}ValidationError, type ${type}, type ${type}Filter, type ${type}Status, type ${type}Summary } from './${module.name}.model.js';
import { summarize${type}s, validate${type}${child === undefined ? '' : `, validate${child.pascal}s`} } from './${module.name}.policy.js';
import {
  count${type}sByStatus,
  delete${type},
  find${type}ById,
  find${type}ByReference,
${child === undefined ? '' : `  insert${child.pascal}s,\n`}  insert${type},
  list${type}s,
  listDue${type}s,
  lock${type},
  transition${type},
  update${type},
} from './${module.name}.repository.js';
import type { Create${type}Input, Update${type}Input } from './${module.name}.schemas.js';

export interface ${type}Dependencies {
  db: Database;
  clock: Clock;
  logger: Logger;
}

export async function create${type}(deps: ${type}Dependencies, input: Create${type}Input): Promise<number> {
  const now = deps.clock.now();
  const problems = validate${type}(input, now)${child === undefined ? '' : `.concat(validate${child.pascal}s(input.lines))`};
  if (problems.length > 0) throw new ${type}ValidationError(problems);
  const existing = await find${type}ByReference(deps.db, input.accountId, input.reference);
  if (existing !== undefined) return existing.id;
${create}
}

export async function get${type}(deps: ${type}Dependencies, id: number): Promise<${type}> {
  const found = await find${type}ById(deps.db, id);
  if (found === undefined) throw new ${type}NotFoundError(id);
  return found;
}

export async function list${type}Page(deps: ${type}Dependencies, filter: ${type}Filter, page: PageRequest): Promise<Page<${type}>> {
  const rows = await list${type}s(deps.db, filter, page);
  return toPage(rows, page);
}

export async function summarize${type}sFor(deps: ${type}Dependencies, accountId: number): Promise<${type}Summary> {
  return summarize${type}s(await count${type}sByStatus(deps.db, accountId));
}

export async function change${type}(deps: ${type}Dependencies, id: number, input: Update${type}Input): Promise<${type}> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await lock${type}(trx, id);
    if (current === undefined) throw new ${type}NotFoundError(id);
    if (current.status !== 'draft' && current.status !== 'pending') throw new ${type}StateError(current.status, current.status);
    await update${type}(trx, id, input, deps.clock.now());
    await recordEvent(trx, '${module.table}', id, 'changed', { fields: Object.keys(input) });
    const updated = await find${type}ById(trx, id);
    if (updated === undefined) throw new ${type}NotFoundError(id);
    return updated;
  });
}

export async function move${type}(deps: ${type}Dependencies, id: number, to: ${type}Status): Promise<void> {
  const current = await get${type}(deps, id);
  if (!can${type}Transition(current.status, to)) throw new ${type}StateError(current.status, to);
  const moved = await deps.db.transaction().execute(async (trx) => {
    const done = await transition${type}(trx, id, current.status, to, deps.clock.now());
    if (done) await recordEvent(trx, '${module.table}', id, to);
    return done;
  });
  if (!moved) throw new ${type}StateError(current.status, to);
}

export async function complete${type}(deps: ${type}Dependencies, id: number): Promise<boolean> {
  const current = await get${type}(deps, id);
  if (current.status === 'completed') return true;
  if (!can${type}Transition(current.status, 'completed')) throw new ${type}StateError(current.status, 'completed');
${complete}
}

export async function cancel${type}(deps: ${type}Dependencies, id: number, reason: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const current = await lock${type}(trx, id);
    if (current === undefined) throw new ${type}NotFoundError(id);
    if (!can${type}Transition(current.status, 'cancelled')) throw new ${type}StateError(current.status, 'cancelled');
    await transition${type}(trx, id, current.status, 'cancelled', deps.clock.now());
    await recordEvent(trx, '${module.table}', id, 'cancelled', { reason });
  });
}

export async function discard${type}(deps: ${type}Dependencies, id: number): Promise<void> {
  const current = await get${type}(deps, id);
  if (current.status !== 'draft') throw new ${type}StateError(current.status, 'cancelled');
  await delete${type}(deps.db, id);
}

/** Checks that the ${peer.name} it refers to exists before accepting the ${module.name}. */
export async function link${type}(deps: ${type}Dependencies, id: number, ${peer.camel}Id: number): Promise<void> {
  const [current, other] = await Promise.all([get${type}(deps, id), get${peer.pascal}(deps, ${peer.camel}Id)]);
  if (current.accountId !== other.accountId) throw new ${type}ValidationError(['belongs to another account']);
  await recordEvent(deps.db, '${module.table}', id, 'linked', { ${peer.camel}Id });
}

${overview}
`;
}
