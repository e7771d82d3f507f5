// `npm run bench -- crash [--limit N] [--dir D] [--typed | --default-parser]`: runs every Faultline rule over every
// JS/TS file of the installed node_modules (or of D) and reports files, parse failures and crashes.
// A crash is an exception thrown by a rule; a file the parser rejects is not one. `--default-parser`
// lints only the JavaScript files, with ESLint's own parser (no parser services at all), as a plain
// JavaScript project would; TypeScript files then count as not linted. `--typed` builds
// one TypeScript program over the files and lints with it, for the rules' type-aware paths (point
// --dir at a checked-out service: its imports need not resolve, unresolved types are still types).
import faultline from '@faultline/eslint-plugin';
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { collectFiles } from './lib/collect-files.ts';
import { createCorpusConfig, toLintedName } from './lib/create-corpus-config.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    dir: { type: 'string', default: path.join(root, 'node_modules') },
    typed: { type: 'boolean', default: false },
    'default-parser': { type: 'boolean', default: false },
  },
});
const files = collectFiles(values.dir, { includeNodeModules: true }).slice(0, values.limit === undefined ? Infinity : Number(values.limit));
const program = values.typed
  ? ts.createProgram(files, {
      allowJs: true,
      noEmit: true,
      skipLibCheck: true,
      jsx: ts.JsxEmit.Preserve,
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    })
  : undefined;

const rules = Object.keys(faultline.rules).map((name) => `faultline/${name}`);
const corpusConfig = createCorpusConfig(rules, { faultline }, program ? { programs: [program] } : {});
const config = values['default-parser']
  ? corpusConfig.map((entry) => ({ ...entry, languageOptions: {}, files: ['**/*.{js,mjs,cjs}'] }))
  : corpusConfig;

// ESLint lints only files below its cwd.
const linter = new Linter({ cwd: program ? path.resolve(values.dir) : root });
const crashes: { file: string; error: string }[] = [];
let parseFailures = 0;
// Files ESLint answered without running the rules ("No matching configuration"): a broken corpus.
let unlinted = 0;
let reports = 0;
const started = performance.now();

for (const [index, file] of files.entries()) {
  if (index % 2000 === 0) process.stderr.write(`\r${String(index)}/${String(files.length)} files`);
  const text = readFileSync(file, 'utf8');
  // Linter skips anything under node_modules, so installed files are linted under another name.
  // A typed run must name each file as its program does.
  const filename = program ? file : toLintedName(file);
  try {
    const messages = linter.verify(text, config, filename);
    if (messages.some((message) => message.fatal === true)) parseFailures += 1;
    else if (messages.some((message) => message.message.startsWith('No matching configuration'))) unlinted += 1;
    else reports += messages.filter((message) => message.ruleId?.startsWith('faultline/') === true).length;
  } catch (error) {
    crashes.push({ file, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

process.stderr.write('\n');
console.log(`rules: ${rules.join(', ') || '(none)'}`);
console.log(`files: ${String(files.length)}, parsed: ${String(files.length - parseFailures - crashes.length)}, parse failures: ${String(parseFailures)}, not linted: ${String(unlinted)}`);
console.log(`reports: ${String(reports)}, crashes: ${String(crashes.length)}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const crash of crashes.slice(0, 20)) console.log(`\nCRASH ${path.relative(root, crash.file)}\n${crash.error}`);
