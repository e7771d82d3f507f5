import faultline from '@faultline/eslint-plugin';
import { ESLint, type Linter } from 'eslint';
import type { ts } from 'ts-morph';
import { describePosition } from '../analysis/functions.js';
import { classifyFinding } from '../classify.js';
import type { AuditProblem, Finding } from '../finding.js';
import type { AuditProject } from '../project/audit-project.js';
import { toRelativePath } from '../project/load-project.js';

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

function createConfig(project: AuditProject, ruleIds: readonly string[]): Linter.Config[] {
  const all = faultline.configs.all;
  return [
    {
      ...all,
      files: LINTED_FILES,
      languageOptions: {
        ...all.languageOptions,
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

/**
 * Runs the plugin's rules through ESLint's Node API on the audited files, with type information
 * from the project's program. A file that does not parse becomes a problem; the rest go on.
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
  const eslint = new ESLint({
    cwd: project.root,
    overrideConfigFile: true,
    overrideConfig: createConfig(project, ruleIds),
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  });
  const byPath = new Map(project.files.map((file) => [file.fileName, file]));
  const paths = [...byPath.keys()];
  for (let start = 0; start < paths.length; start += CHUNK_SIZE) {
    const results = await eslint.lintFiles(paths.slice(start, start + CHUNK_SIZE));
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
