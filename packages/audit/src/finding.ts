/** How urgently a finding should be fixed: the finding's kind, raised one step on a money path. */
export type Risk = 'high' | 'medium' | 'low';

/** The risks from most to least severe; also the order reports list them in. */
export const RISKS: readonly Risk[] = ['high', 'medium', 'low'];

/**
 * What goes wrong in production when a finding is left alone. Each rule and analyzer maps to one
 * kind, and the kind decides the base risk, the impact sentence and the category reports group by.
 */
export type FindingKind =
  | 'inconsistent-data'
  | 'invisible-failure'
  | 'internals-exposed'
  | 'ambiguous-result'
  | 'unreliable-dependency'
  | 'other';

/** Where a finding comes from: a plugin rule run through ESLint, or a whole-program analyzer. */
export type FindingSource = 'rule' | 'analyzer';

/** Whether a finding was already recorded in the baseline. */
export type BaselineStatus = 'new' | 'known';

/** Why a finding's function is on a money path. */
export interface MoneyPath {
  /** The route that reaches the function, e.g. `POST /payments` in `src/routes.ts`. */
  route: string;
  /** Tables or models named like money that the function touches, directly or through calls. */
  tables: string[];
}

/** One defect found by the audit. Paths are relative to the audit root, with `/` separators. */
export interface Finding {
  /** The rule or analyzer id, without the `faultline/` prefix, e.g. `no-swallowed-error`. */
  ruleId: string;
  source: FindingSource;
  kind: FindingKind;
  file: string;
  /** 1-based line of the reported node. */
  line: number;
  /** 1-based column of the reported node. */
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The enclosing function's name, `<module>` at the top level of a file. */
  function: string;
  /** The reported line's text, whitespace collapsed. */
  snippet: string;
  risk: Risk;
  /** One sentence: what this costs in production. */
  impact: string;
  /** One sentence: what to do instead. */
  fix: string;
  /** Set when the finding's function is reachable from an HTTP route and touches money tables. */
  moneyPath?: MoneyPath;
  /** For findings across functions: the calls from the reported function to each write. */
  chain?: string[];
  /** Set when a baseline was given. */
  baseline?: BaselineStatus;
  /** The page that explains the rule. */
  helpUri?: string;
}

/**
 * A finding before the audit has classified it: what a rule or analyzer knows on its own.
 * `run-audit` adds the kind, risk, impact, fix and help link.
 */
export type RawFinding = Omit<Finding, 'kind' | 'risk' | 'impact' | 'fix' | 'helpUri' | 'moneyPath' | 'baseline'> &
  Partial<Pick<Finding, 'moneyPath'>>;

/**
 * Something that kept part of the code base from being audited, such as a file that does not
 * parse. The audit of everything else goes on.
 */
export interface AuditProblem {
  /** The file concerned, relative to the audit root, when there is one. */
  file?: string;
  message: string;
}

/**
 * Orders findings by file, then line, then column, then rule id: the order every report uses.
 *
 * @param a - a finding
 * @param b - another finding
 * @example
 * findings.sort(compareFindings);
 */
export function compareFindings(a: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>, b: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.ruleId === b.ruleId) return 0;
  return a.ruleId < b.ruleId ? -1 : 1;
}
