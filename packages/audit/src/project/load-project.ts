import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ts } from 'ts-morph';
import { AuditUsageError } from '../errors.js';
import type { AuditProblem } from '../finding.js';
import type { AuditProject } from './audit-project.js';
import { createProject } from './create-project.js';

/** What to load. */
export interface LoadProjectOptions {
  /** The folder to audit. */
  root: string;
  /** The tsconfig to load, relative to the root; default `tsconfig.json` in the root when present. */
  tsconfig?: string;
  /** Globs (relative to the root) a file must match to be audited; default every file. */
  include?: readonly string[];
  /** Globs (relative to the root) that exclude a file from the audit. */
  exclude?: readonly string[];
  /** Files to create in memory instead of reading the root from disk (tests). */
  inMemoryFiles?: Readonly<Record<string, string>>;
}

const SOURCE_EXTENSIONS = /\.(?:[cm]?ts|tsx)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);
const TSCONFIG_NOT_FOUND_IN_INPUTS = 18003;

/** Compiler options for a folder without a tsconfig: what a modern Node.js service would use. */
const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  allowJs: false,
};

interface ParsedConfig {
  options: ts.CompilerOptions;
  fileNames: string[];
  problems: AuditProblem[];
}

function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}

/**
 * Reads a tsconfig and, for a solution-style config (`"files": []` with `references`), the
 * projects it references: their files are audited together, with the first one's options.
 */
function readTsconfig(configPath: string, seen = new Set<string>()): ParsedConfig {
  seen.add(configPath);
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (read.error) {
    throw new AuditUsageError(`cannot read ${configPath}: ${formatDiagnostic(read.error)}`);
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath), undefined, configPath);
  const problems: AuditProblem[] = parsed.errors
    .filter((error) => error.code !== TSCONFIG_NOT_FOUND_IN_INPUTS)
    .map((error) => ({ file: configPath, message: formatDiagnostic(error) }));
  let { options } = parsed;
  const fileNames = [...parsed.fileNames];
  for (const reference of parsed.projectReferences ?? []) {
    const referencePath = ts.resolveProjectReferencePath(reference);
    if (seen.has(referencePath)) continue;
    if (!existsSync(referencePath)) {
      problems.push({ file: configPath, message: `referenced project ${referencePath} does not exist` });
      continue;
    }
    const child = readTsconfig(referencePath, seen);
    if (parsed.fileNames.length === 0 && fileNames.length === 0) options = child.options;
    fileNames.push(...child.fileNames);
    problems.push(...child.problems);
  }
  return { options, fileNames: [...new Set(fileNames)], problems };
}

function findSourceFiles(folder: string, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) findSourceFiles(path.join(folder, entry.name), found);
    } else if (SOURCE_EXTENSIONS.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      found.push(path.join(folder, entry.name));
    }
  }
  return found;
}

/**
 * The path of `file` relative to `root` with `/` separators, as every report shows it.
 *
 * @param root - the audit root
 * @param file - an absolute path
 * @example
 * toRelativePath('/app', '/app/src/main.ts'); // 'src/main.ts'
 */
export function toRelativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function createFileFilter(options: LoadProjectOptions, root: string): (file: string) => boolean {
  const included = options.include?.length ? picomatch([...options.include], { dot: true }) : () => true;
  const excluded = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : () => false;
  return (file) => {
    const relative = toRelativePath(root, file);
    if (relative.startsWith('../') || relative.split('/').includes('node_modules')) return false;
    return included(relative) && !excluded(relative);
  };
}

function resolveConfigPath(options: LoadProjectOptions, root: string): string | undefined {
  if (options.tsconfig !== undefined) {
    const explicit = path.resolve(root, options.tsconfig);
    if (!existsSync(explicit)) throw new AuditUsageError(`tsconfig not found: ${explicit}`);
    return explicit;
  }
  const implicit = path.join(root, 'tsconfig.json');
  return existsSync(implicit) ? implicit : undefined;
}

/**
 * Loads the code base under `root` into one ts-morph project: the tsconfig's files when there is a
 * tsconfig, otherwise every TypeScript file under the root with default options (and a problem
 * saying so). The whole program is loaded so that types and calls resolve across files; only the
 * files under the root that match include/exclude are audited.
 *
 * @param options - the root, tsconfig and file globs
 * @example
 * const loaded = loadProject({ root: '/app', exclude: ['**\/*.test.ts'] });
 */
export function loadProject(options: LoadProjectOptions): AuditProject {
  const root = path.resolve(options.root);
  const problems: AuditProblem[] = [];
  let tsconfig: string | undefined;
  let compilerOptions = DEFAULT_COMPILER_OPTIONS;
  let filePaths: string[] = [];

  if (options.inMemoryFiles === undefined) {
    if (!existsSync(root)) throw new AuditUsageError(`no such file or directory: ${root}`);
    if (!statSync(root).isDirectory()) throw new AuditUsageError(`not a directory: ${root}`);
    tsconfig = resolveConfigPath(options, root);
    if (tsconfig === undefined) {
      problems.push({ message: `no tsconfig.json in ${root}: auditing its TypeScript files with default compiler options` });
      filePaths = findSourceFiles(root);
    } else {
      const parsed = readTsconfig(tsconfig);
      compilerOptions = parsed.options;
      filePaths = parsed.fileNames;
      problems.push(...parsed.problems);
    }
  }

  const project = createProject({
    compilerOptions,
    filePaths,
    ...(options.inMemoryFiles === undefined ? {} : { inMemoryFiles: options.inMemoryFiles }),
  });
  const program = project.getProgram().compilerObject;
  const isAudited = createFileFilter(options, root);
  const files = program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && isAudited(file.fileName));
  if (files.length === 0) {
    problems.push({ message: `no TypeScript files to audit under ${root}` });
  }
  return { root, tsconfig, project, program, checker: program.getTypeChecker(), files, problems };
}
