// `npm run bench -- <name> [args]` runs bench/<name>.ts. Benchmarks measure; they never fail a build.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const available = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => path.basename(file, '.ts'))
  .filter((name) => !name.includes('.') && name !== 'index')
  .sort();

const name = process.argv[2];
if (name === undefined || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(import.meta.dirname, `${name}.ts`)).href);
