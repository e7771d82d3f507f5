import type { Project, ts } from 'ts-morph';
import type { AuditProblem } from '../finding.js';

/** The loaded code base: the ts-morph project, its compiler program and the files to audit. */
export interface AuditProject {
  /** Absolute path of the audit root; finding paths are relative to it. */
  root: string;
  /** Absolute path of the tsconfig that was loaded, if any. */
  tsconfig: string | undefined;
  project: Project;
  program: ts.Program;
  checker: ts.TypeChecker;
  /** The files to audit: in the program, under the root, matching include/exclude, not declarations. */
  files: readonly ts.SourceFile[];
  /** Problems met while loading, such as a missing tsconfig. */
  problems: AuditProblem[];
}
