import { classifyFinding } from '../../src/classify.js';
import type { Finding, RawFinding } from '../../src/finding.js';

/**
 * A classified finding with defaults for every field a test does not care about.
 *
 * @param overrides - the fields the test sets
 * @example
 * makeFinding({ ruleId: 'no-error-leak', file: 'src/app.ts', line: 3 });
 */
export function makeFinding(overrides: Partial<RawFinding> & Partial<Pick<Finding, 'baseline' | 'helpUri'>> = {}): Finding {
  const { baseline, helpUri, ...raw } = overrides;
  const finding = classifyFinding(
    {
      ruleId: 'no-swallowed-error',
      source: 'rule',
      file: 'src/app.ts',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      message: 'Handle or rethrow the error instead of dropping it.',
      function: 'main',
      snippet: 'catch {}',
      ...raw,
    },
    helpUri,
  );
  return baseline === undefined ? finding : { ...finding, baseline };
}
