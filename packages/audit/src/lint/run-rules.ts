import faultline from '@faultline/eslint-plugin';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import type { ts } from 'ts-morph';
import { describePosition } from '../analysis/functions.js';
import { getPluginDatabaseModel } from '../analysis/plugin-database-model.js';
import { classifyFinding } from '../classify.js';
import type { AuditProblem, Finding } from '../finding.js';
import type { AuditProject } from '../project/audit-project.js';
import { toRelativePath } from '../project/load-project.js';
import { releaseSyntaxChildren } from '../project/release-syntax-children.js';

const PREFIX = 'faultline/';
const LINTED_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
/** Files per `lintFiles` call: small enough for a live progress counter, large enough to cost nothing. */
const CHUNK_SIZE = 25;

/** A plugin rule the audit can run. */
export interface RuleDescription {
  id: string;
  description: string;
  helpUri: string | undefined;
}

/** What running the rules produced. */
export interface RuleRun {
  findings: Finding[];
  problems: AuditProblem[];
}

/** Options of {@link runRules}. */
export interface RunRulesOptions {
  /** The rule ids (without `faultline/`) to run; default every rule of the `all` config. */
  rules?: readonly string[];
  /** Called after each batch of files. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Every rule of the plugin's `all` config, with its description and documentation page.
 *
 * @example
 * getPluginRules().map((rule) => rule.id); // ['consistent-return-type', …]
 */
export function getPluginRules(): RuleDescription[] {
  const configured = Object.keys(faultline.configs.all.rules ?? {});
  return configured
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => {
      const id = name.slice(PREFIX.length);
      const docs = faultline.rules[id]?.meta.docs;
      return { id, description: docs?.description ?? id, helpUri: docs?.url };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * typescript-eslint's parser, handing each file's ESTree to the audit's database model on the way:
 * the whole-program analyzers then need no second conversion of every file.
 */
function createParser(project: AuditProject): Linter.Parser {
  const model = getPluginDatabaseModel(project);
  return {
    meta: tsParser.meta,
    parseForESLint(code: string, options?: tsParser.ParserOptions) {
      const parsed = tsParser.parseForESLint(code, options);
      if (options?.filePath !== undefined) model.collect(options.filePath, parsed);
      return parsed as unknown as Linter.ESLintParseResult;
    },
  };
}

function createConfig(project: AuditProject, ruleIds: readonly string[]): Linter.Config[] {
  const all = faultline.configs.all;
  return [
    {
      ...all,
      files: LINTED_FILES,
      languageOptions: {
        ...all.languageOptions,
        parser: createParser(project),
        // The audit's own program, built once by ts-morph: typescript-eslint uses it instead of
        // building a second one through the project service.
        parserOptions: { programs: [project.program], projectService: false, project: null },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: Object.fromEntries(ruleIds.map((id) => [`${PREFIX}${id}`, 'error'] as const)),
    },
  ];
}

function toFinding(project: AuditProject, sourceFile: ts.SourceFile, message: Linter.LintMessage, helpUris: ReadonlyMap<string, string | undefined>): Finding {
  const ruleId = (message.ruleId ?? '').slice(PREFIX.length);
  const file = toRelativePath(project.root, sourceFile.fileName);
  const position = describePosition(sourceFile, message.line, message.column);
  return classifyFinding(
    {
      ruleId,
      source: 'rule',
      file,
      line: message.line,
      column: message.column,
      endLine: message.endLine ?? message.line,
      endColumn: message.endColumn ?? message.column,
      message: message.message,
      function: position.function,
      snippet: position.snippet,
    },
    helpUris.get(ruleId),
  );
}

const CRASHED_RULE = /\bRule: "(?:faultline\/)?([^"]+)"/;

function describeCrash(error: unknown): { rule: string | undefined; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  return { rule: CRASHED_RULE.exec(text)?.[1], message: text.split('\n')[0]?.trim() ?? text };
}

/** Lints files with the given rules, one ESLint instance per rule set. */
export type Lint = (paths: readonly string[], ruleIds: readonly string[]) => Promise<ESLint.LintResult[]>;

/**
 * Lints a batch of files. When a rule crashes, lints the files one by one, and a file that makes
 * a rule crash again without that rule: only that rule's findings in that file are lost.
 *
 * @param lint - lints files with a set of rules
 * @param paths - the batch
 * @param ruleIds - the rules to run
 * @param onCrash - told of each file and rule that crashed
 * @example
 * const results = await lintChunk(lint, files, ['no-error-leak'], (file, rule) => console.warn(file, rule));
 */
export async function lintChunk(lint: Lint, paths: readonly string[], ruleIds: readonly string[], onCrash: (file: string, rule: string | undefined, message: string) => void): Promise<ESLint.LintResult[]> {
  try {
    return await lint(paths, ruleIds);
  } catch (chunkError) {
    // ESLint wraps a rule's exception with "Occurred while linting <file>"; anything else is ours.
    if (!(chunkError instanceof Error) || !chunkError.message.includes('Occurred while linting')) throw chunkError;
    if (paths.length > 1) {
      const results: ESLint.LintResult[] = [];
      for (const file of paths) results.push(...(await lintChunk(lint, [file], ruleIds, onCrash)));
      return results;
    }
    const file = paths[0] ?? '';
    const crash = describeCrash(chunkError);
    onCrash(file, crash.rule, crash.message);
    const remaining = ruleIds.filter((id) => id !== crash.rule);
    return crash.rule === undefined || remaining.length === ruleIds.length || remaining.length === 0 ? [] : lintChunk(lint, paths, remaining, onCrash);
  }
}

/**
 * Runs the plugin's rules through ESLint's Node API on the audited files, with type information
 * from the project's program. A file that does not parse, or on which a rule crashes, becomes a
 * problem; the rest go on.
 *
 * @param project - the loaded project
 * @param options - which rules, and a progress callback
 * @example
 * const { findings, problems } = await runRules(project, { rules: ['no-error-leak'] });
 */
export async function runRules(project: AuditProject, options: RunRulesOptions = {}): Promise<RuleRun> {
  const available = getPluginRules();
  const ruleIds = options.rules ?? available.map((rule) => rule.id);
  const findings: Finding[] = [];
  const problems: AuditProblem[] = [];
  if (ruleIds.length === 0 || project.files.length === 0) return { findings, problems };

  const helpUris = new Map(available.map((rule) => [rule.id, rule.helpUri]));
  const instances = new Map<string, ESLint>();
  const lint: Lint = (paths, ids) => {
    const key = ids.join(',');
    let eslint = instances.get(key);
    if (eslint === undefined) {
      eslint = new ESLint({
        cwd: project.root,
        overrideConfigFile: true,
        overrideConfig: createConfig(project, ids),
        errorOnUnmatchedPattern: false,
        warnIgnored: false,
      });
      instances.set(key, eslint);
    }
    return eslint.lintFiles([...paths]);
  };
  const byPath = new Map(project.files.map((file) => [file.fileName, file]));
  const paths = [...byPath.keys()];
  for (let start = 0; start < paths.length; start += CHUNK_SIZE) {
    const chunk = paths.slice(start, start + CHUNK_SIZE);
    const results = await lintChunk(lint, chunk, ruleIds, (file, rule, message) => {
      problems.push({
        file: toRelativePath(project.root, file),
        message: `${rule === undefined ? 'a rule' : `rule ${rule}`} crashed on this file (${message}); ${rule === undefined ? 'rules' : 'it was'} skipped for this file`,
      });
    });
    for (const file of chunk) {
      const sourceFile = byPath.get(file);
      if (sourceFile !== undefined) releaseSyntaxChildren(sourceFile);
    }
    for (const result of results) {
      const sourceFile = byPath.get(result.filePath.split('\\').join('/')) ?? byPath.get(result.filePath);
      if (sourceFile === undefined) continue;
      for (const message of result.messages) {
        if (message.fatal === true) {
          problems.push({
            file: toRelativePath(project.root, sourceFile.fileName),
            message: `does not parse (${message.line}:${message.column}): ${message.message}; rules skipped for this file`,
          });
        } else if (message.ruleId?.startsWith(PREFIX) === true) {
          findings.push(toFinding(project, sourceFile, message, helpUris));
        }
      }
    }
    options.onProgress?.(Math.min(start + CHUNK_SIZE, paths.length), paths.length);
  }
  return { findings, problems };
}
