import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The plugin's rule sources and the repository's rule pages. */
export const paths = {
  packageDir,
  rulesDir: path.join(packageDir, 'src', 'rules'),
  docsDir: path.join(packageDir, '..', '..', 'docs', 'rules'),
};
