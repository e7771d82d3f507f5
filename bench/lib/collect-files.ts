import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(?:[cm]?[jt]s|tsx|jsx)$/u;

/**
 * Every JS/TS source file below `dir` (declaration files and minified bundles left out), sorted.
 *
 * @param dir - folder to walk; a missing folder yields nothing
 * @param options.includeNodeModules - also walk nested node_modules folders (default false)
 * @example
 * const files = collectFiles('node_modules/eslint/lib');
 */
export function collectFiles(dir: string, { includeNodeModules = false } = {}): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      // A folder that vanished or cannot be read is simply not part of the corpus.
      const { code } = error as NodeJS.ErrnoException;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') return;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' && !includeNodeModules) continue;
        if (entry.name === '.git') continue;
        walk(full);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !/\.d\.[cm]?ts$|\.min\.js$/u.test(entry.name)) {
        files.push(full);
      }
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * Lines in a set of files, for per-kloc figures.
 *
 * @param files - file paths
 * @example
 * countBytes(files);
 */
export function countBytes(files: readonly string[]): number {
  return files.reduce((total, file) => total + statSync(file).size, 0);
}
