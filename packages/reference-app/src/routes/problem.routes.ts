import { Hono } from 'hono';
import type { AppEnv } from '../middleware/app-env.js';
import { NotFoundError } from '../errors/app-error.js';
import { errorCatalog, errorCodes, toProblemSlug } from '../errors/error-catalog.js';

/**
 * `GET /problems/{slug}`: what each problem `type` means.
 *
 * @example
 * app.route('/problems', createProblemRoutes());
 */
export function createProblemRoutes(): Hono<AppEnv> {
  const bySlug = new Map(errorCodes.map((code) => [toProblemSlug(code), code]));

  return new Hono<AppEnv>().get('/:slug', (c) => {
    const code = bySlug.get(c.req.param('slug'));
    if (code === undefined) {
      throw new NotFoundError('No problem type has this name.');
    }
    const { status, title, description } = errorCatalog[code];
    return c.json({ type: `/problems/${toProblemSlug(code)}`, title, status, code, description }, 200);
  });
}
