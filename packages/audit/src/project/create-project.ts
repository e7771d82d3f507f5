import { Project, ts } from 'ts-morph';

/** How to build the one ts-morph project an audit works on. */
export interface CreateProjectOptions {
  compilerOptions: ts.CompilerOptions;
  /** Absolute paths of the files to load from disk. */
  filePaths?: readonly string[];
  /** Files to create in memory instead, keyed by absolute path (tests). */
  inMemoryFiles?: Readonly<Record<string, string>>;
}

/**
 * Creates the ts-morph project. This is the only `new Project(…)` in the audit: every file and
 * analyzer shares it, and ESLint receives its program instead of building a second one.
 *
 * @param options - compiler options and the files to load
 * @example
 * const project = createProject({ compilerOptions: { strict: true }, filePaths: ['/app/src/main.ts'] });
 */
export function createProject(options: CreateProjectOptions): Project {
  const inMemory = options.inMemoryFiles !== undefined;
  const project = new Project({
    compilerOptions: { ...options.compilerOptions, noEmit: true },
    skipAddingFilesFromTsConfig: true,
    // The program resolves imports itself; ts-morph wrapping every dependency would double the work.
    skipFileDependencyResolution: true,
    useInMemoryFileSystem: inMemory,
  });
  for (const filePath of options.filePaths ?? []) {
    project.addSourceFileAtPath(filePath);
  }
  for (const [filePath, text] of Object.entries(options.inMemoryFiles ?? {})) {
    project.createSourceFile(filePath, text, { overwrite: true });
  }
  return project;
}
