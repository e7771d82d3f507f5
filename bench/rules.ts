// `npm run bench -- rules [--typed] [--files N] [--rounds N] [--dir D]`: each Faultline rule's time per file
// next to comparable ESLint core and SonarJS rules, measured with ESLint's `stats` (per-rule
// listener time, as TIMING reports it) over a large real JS/TS corpus installed on every machine.
// Two columns: the first pass alone (what TIMING shows for one run, JIT warm-up and GC pauses
// included), and the sum over files of each file's fastest of `--rounds` passes (default 3). A
// stop-the-world GC is charged to whichever rule is running when it starts — on this corpus a
// handful of such pauses made up three quarters of a light rule's first-pass total — so the
// steady column is the one that compares rules' own work.
// `--dir` lints a checked-out service instead (untyped), the corpus closest to the issues' reference figures.
// With `--typed`, each rule runs alone in a fresh process: the first rule to touch the type checker
// pays for its lazy checking, so a shared program would bill one rule for another's types.
import faultline from '@faultline/eslint-plugin';
import { Linter } from 'eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { collectFiles } from './lib/collect-files.ts';
import { createCorpusConfig, toLintedName } from './lib/create-corpus-config.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    typed: { type: 'boolean', default: false },
    files: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    dir: { type: 'string' },
    // Internal: time this one rule and print its row as JSON (how --typed isolates rules).
    rule: { type: 'string' },
  },
});

// The comparison rules each Faultline rule is measured against (issues 3–6).
const COMPARISONS = [
  'no-empty',
  'consistent-return',
  'require-atomic-updates',
  'sonarjs/no-ignored-exceptions',
  'sonarjs/function-return-type',
];

const UNTYPED_CORPUS = [
  'node_modules/typescript/lib/typescript.js',
  'node_modules/eslint/lib',
  'node_modules/playwright-core/lib/server',
  'node_modules/pg/lib',
  'node_modules/pino/lib',
  'node_modules/hono/dist',
  'node_modules/kysely/dist/esm',
  'node_modules/@sentry/core/build/esm',
  'node_modules/ajv/dist',
  'node_modules/vite/dist',
  'packages/eslint-plugin/src',
  'packages/audit/src',
  'packages/reference-app/src',
];

function corpus(): string[] {
  const entries = values.dir !== undefined ? [path.resolve(values.dir)] : values.typed ? ['packages/eslint-plugin/src', 'packages/audit/src', 'packages/reference-app/src'] : UNTYPED_CORPUS;
  const files = entries.flatMap((entry) => {
    const full = path.resolve(root, entry);
    return /\.[cm]?[jt]s$/u.test(entry) ? [full] : collectFiles(full);
  });
  const limit = values.files === undefined ? Infinity : Number(values.files);
  return values.typed ? files.filter((file) => file.endsWith('.ts')).slice(0, limit) : files.slice(0, limit);
}

function ruleIds(): string[] {
  return [...Object.keys(faultline.rules).map((name) => `faultline/${name}`), ...COMPARISONS];
}

interface Timing {
  /** Milliseconds per rule in the first pass over the corpus. */
  readonly first: Map<string, number>;
  /** Milliseconds per rule, summing each file's fastest pass. */
  readonly steady: Map<string, number>;
}

function time(files: string[], rules: string[]): Timing {
  const config = createCorpusConfig(rules, { faultline, sonarjs }, values.typed ? { projectService: true, tsconfigRootDir: root } : {});
  const linter = new Linter({ cwd: root });
  const first = new Map<string, number>();
  const fastest = files.map(() => new Map<string, number>());
  for (let round = 0; round < Number(values.rounds); round++) {
    files.forEach((file, index) => {
      // Only verifyAndFix collects stats (an option its types omit); with fix off it is one plain pass.
      // Linter skips anything under node_modules, so installed files are linted under another name.
      // ESLint lints only files below its cwd: a --dir corpus is linted under the same kind of name.
      const filename =
        values.dir === undefined
          ? toLintedName(file)
          : path.join(root, 'corpus', path.relative(path.resolve(values.dir), file));
      linter.verifyAndFix(readFileSync(file, 'utf8'), config, { filename, stats: true, fix: false } as Linter.FixOptions);
      const passTimes = new Map<string, number>();
      const add = (rule: string, ms: number): void => {
        passTimes.set(rule, (passTimes.get(rule) ?? 0) + ms);
      };
      for (const pass of linter.getTimes().passes) {
        add('(parse)', pass.parse?.total ?? 0);
        for (const [rule, { total }] of Object.entries(pass.rules ?? {})) add(rule, total);
      }
      const best = fastest[index] ?? new Map<string, number>();
      for (const [rule, ms] of passTimes) {
        if (round === 0) first.set(rule, (first.get(rule) ?? 0) + ms);
        best.set(rule, Math.min(best.get(rule) ?? Infinity, ms));
      }
    });
  }
  const steady = new Map<string, number>();
  for (const best of fastest) for (const [rule, ms] of best) steady.set(rule, (steady.get(rule) ?? 0) + ms);
  return { first, steady };
}

/** Times one rule in a fresh process (its own program and type checker). */
function timeAlone(rule: string): [string, number, number] {
  const args = ['--typed', '--rule', rule, '--rounds', values.rounds, ...(values.files === undefined ? [] : ['--files', values.files])];
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...args], { encoding: 'utf8' });
  const row = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !row.startsWith('[')) throw new Error(`timing ${rule} failed:\n${child.stderr}`);
  return JSON.parse(row) as [string, number, number];
}

const files = corpus();
if (values.rule !== undefined) {
  const { first, steady } = time(files, [values.rule]);
  console.log(JSON.stringify([values.rule, first.get(values.rule) ?? 0, steady.get(values.rule) ?? 0]));
  process.exit(0);
}
const lines = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length, 0);
console.log(`${values.typed ? 'typed' : 'untyped'} corpus: ${files.length} files, ${lines.toLocaleString('en')} lines`);

const rows: [string, number, number][] = [];
if (values.typed) {
  for (const rule of ruleIds()) rows.push(timeAlone(rule));
} else {
  const { first, steady } = time(files, ruleIds());
  for (const [rule, ms] of steady) rows.push([rule, first.get(rule) ?? 0, ms]);
}

const perFile = (ms: number): string => ((ms * 1000) / files.length).toFixed(1).padStart(9);
console.log(`\nrule                                first pass µs/file   steady µs/file (fastest of ${values.rounds})`);
for (const [rule, first, steady] of rows.sort((a, b) => b[2] - a[2])) {
  console.log(`${rule.padEnd(38)} ${perFile(first)}           ${perFile(steady)}`);
}
