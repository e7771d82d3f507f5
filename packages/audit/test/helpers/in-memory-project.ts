import type { AuditProject } from '../../src/project/audit-project.js';
import { loadProject } from '../../src/project/load-project.js';

/** The root of every in-memory project. */
export const ROOT = '/app';

/**
 * Loads an in-memory project from files keyed by path relative to {@link ROOT}.
 *
 * @param files - file text by relative path
 * @example
 * const project = loadInMemoryProject({ 'src/a.ts': 'export const a = 1;' });
 */
export function loadInMemoryProject(files: Readonly<Record<string, string>>): AuditProject {
  const inMemoryFiles = Object.fromEntries(Object.entries(files).map(([file, text]) => [`${ROOT}/${file}`, text]));
  return loadProject({ root: ROOT, inMemoryFiles });
}
