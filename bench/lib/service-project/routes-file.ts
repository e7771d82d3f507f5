import type { ServiceModule } from './service-module.js';

/**
 * `<module>.routes.ts`: the module's Hono sub-app, handlers inline after the path, bodies and
 * queries validated by zod. One module in four leaks an error message to the client.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.routes.ts`, routesFile(module));
 */
export function routesFile(module: ServiceModule): string {
  const { pascal: type, camel, table, variant } = module;
  const onCreateError = variant % 4 === 2
    ? `      return c.json({ error: String(error) }, 500);`
    : `      deps.logger.error({ err: error, requestId: c.get('requestId') }, 'create ${module.name} failed');
      throw error;`;
  return `import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { toPageRequest } from '../lib/pagination.js';
import type { AppEnv } from '../middleware/request-id.js';
import { logger } from '../observability/logger.js';
import { present${type} } from './${module.name}.mapper.js';
import { ${type}ValidationError } from './${module.name}.model.js';
import { create${type}Schema, ${camel}IdSchema, ${camel}QuerySchema, update${type}Schema } from './${module.name}.schemas.js';
import { cancel${type}, change${type}, complete${type}, create${type}, discard${type}, get${type}, list${type}Page, summarize${type}sFor } from './${module.name}.service.js';

export function create${type}Routes(app: { db: Database; clock: Clock }) {
  const deps = { ...app, logger: logger.child({ module: '${module.name}' }) };
  const routes = new Hono<AppEnv>();

  routes.get('/${table}', zValidator('query', ${camel}QuerySchema), async (c) => {
    const query = c.req.valid('query');
    const page = await list${type}Page(deps, { accountId: query.accountId, status: query.status, from: query.from, to: query.to }, toPageRequest(query));
    return c.json({ items: page.items.map(present${type}), nextCursor: page.nextCursor });
  });

  routes.get('/${table}/summary', zValidator('query', ${camel}QuerySchema.pick({ accountId: true })), async (c) => {
    return c.json(await summarize${type}sFor(deps, c.req.valid('query').accountId));
  });

  routes.post('/${table}', zValidator('json', create${type}Schema), async (c) => {
    try {
      const id = await create${type}(deps, c.req.valid('json'));
      return c.json({ id }, 201);
    } catch (error) {
      if (error instanceof ${type}ValidationError) return c.json({ title: 'Invalid ${module.name}', status: 422, problems: error.problems }, 422);
${onCreateError}
    }
  });

  routes.get('/${table}/:id', zValidator('param', ${camel}IdSchema), async (c) => {
    return c.json(present${type}(await get${type}(deps, c.req.valid('param').id)));
  });

  routes.patch('/${table}/:id', zValidator('param', ${camel}IdSchema), zValidator('json', update${type}Schema), async (c) => {
    const updated = await change${type}(deps, c.req.valid('param').id, c.req.valid('json'));
    return c.json(present${type}(updated));
  });

  routes.post('/${table}/:id/complete', zValidator('param', ${camel}IdSchema), async (c) => {
    const done = await complete${type}(deps, c.req.valid('param').id);
    return c.json({ done });
  });

  routes.post('/${table}/:id/cancel', zValidator('param', ${camel}IdSchema), async (c) => {
    const reason = c.req.query('reason') ?? 'requested';
    await cancel${type}(deps, c.req.valid('param').id, reason);
    return c.body(null, 204);
  });

  routes.delete('/${table}/:id', zValidator('param', ${camel}IdSchema), async (c) => {
    await discard${type}(deps, c.req.valid('param').id);
    return c.body(null, 204);
  });

  return routes;
}
`;
}
