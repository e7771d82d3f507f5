import { createHash } from 'node:crypto';
import { AuditUsageError } from '../errors.js';
import type { Finding } from '../finding.js';

/** The version of the baseline file format. */
export const BASELINE_VERSION = 1;

/** One recorded finding. No line numbers: moving code does not make a finding new. */
export interface BaselineEntry {
  key: string;
  ruleId: string;
  file: string;
  function: string;
  snippet: string;
}

/** A baseline file: the findings a team has accepted for now, to be burned down over time. */
export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/** How the findings compare with a baseline. */
export interface BaselineComparison {
  findings: Finding[];
  /** Findings not in the baseline. */
  newCount: number;
  /** Findings matched by a baseline entry. */
  knownCount: number;
  /** Baseline entries no finding matched any more: fixed (or moved to another function). */
  fixedCount: number;
}

/**
 * The finding's baseline key: a hash of its rule, file, enclosing function and whitespace-
 * normalised line, so that it survives line shifts and re-indentation but not a change to the
 * flagged code itself.
 *
 * @param finding - a finding
 * @example
 * getFindingKey(finding); // 'c1f0e2a9b4d35e77'
 */
export function getFindingKey(finding: Pick<Finding, 'ruleId' | 'file' | 'function' | 'snippet'>): string {
  return createHash('sha256')
    .update([finding.ruleId, finding.file, finding.function, finding.snippet].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  for (const field of ['file', 'ruleId', 'function', 'snippet', 'key'] as const) {
    if (a[field] !== b[field]) return a[field] < b[field] ? -1 : 1;
  }
  return 0;
}

/**
 * A baseline of the given findings, sorted so that its JSON diffs cleanly between runs.
 *
 * @param findings - the current findings
 * @example
 * const baseline = createBaseline(result.findings);
 */
export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings.map((finding) => ({
    key: getFindingKey(finding),
    ruleId: finding.ruleId,
    file: finding.file,
    function: finding.function,
    snippet: finding.snippet,
  }));
  return { version: BASELINE_VERSION, entries: entries.sort(compareEntries) };
}

/**
 * The baseline as the text of its file: two-space JSON, one entry per finding, a final newline.
 *
 * @param baseline - a baseline
 * @example
 * writeFileSync('faultline-baseline.json', serializeBaseline(createBaseline(findings)));
 */
export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, undefined, 2)}\n`;
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return ['key', 'ruleId', 'file', 'function', 'snippet'].every((field) => typeof entry[field] === 'string');
}

/**
 * Reads a baseline file's text, rejecting anything that is not a baseline of a known version.
 *
 * @param text - the file's content
 * @param source - the file name, for error messages
 * @example
 * const baseline = parseBaseline(readFileSync(file, 'utf8'), file);
 */
export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AuditUsageError(`baseline ${source} is not valid JSON`, { cause: error });
  }
  const candidate = data as Partial<Baseline> | null;
  if (candidate?.version !== BASELINE_VERSION || !Array.isArray(candidate.entries) || !candidate.entries.every((entry) => isEntry(entry))) {
    throw new AuditUsageError(`baseline ${source} is not a version ${BASELINE_VERSION} Faultline baseline`);
  }
  return { version: BASELINE_VERSION, entries: candidate.entries };
}

/**
 * Marks each finding `new` or `known`. Entries are matched by key as a multiset: if the baseline
 * records one finding for a key and two now exist, one of them is new.
 *
 * @param findings - the current findings, in report order
 * @param baseline - the recorded baseline
 * @example
 * const { findings: marked, newCount } = compareWithBaseline(findings, baseline);
 */
export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline): BaselineComparison {
  const remaining = new Map<string, number>();
  for (const entry of baseline.entries) remaining.set(entry.key, (remaining.get(entry.key) ?? 0) + 1);
  let newCount = 0;
  let knownCount = 0;
  const marked = findings.map((finding): Finding => {
    const key = getFindingKey(finding);
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      knownCount += 1;
      return { ...finding, baseline: 'known' };
    }
    newCount += 1;
    return { ...finding, baseline: 'new' };
  });
  const fixedCount = [...remaining.values()].reduce((sum, left) => sum + left, 0);
  return { findings: marked, newCount, knownCount, fixedCount };
}
