import { describe, expect, it } from 'vitest';
import { compareWithBaseline, createBaseline, getFindingKey, parseBaseline, serializeBaseline } from '../../src/baseline/baseline.js';
import { AuditUsageError } from '../../src/errors.js';
import { makeFinding } from '../helpers/make-finding.js';

const swallowed = makeFinding({ file: 'src/payment.service.ts', line: 55, function: 'processPayment', snippet: '} catch (e) {' });
const leak = makeFinding({ ruleId: 'no-error-leak', file: 'src/routes/payments.ts', line: 17, function: 'handler', snippet: 'return c.json({ error: String(e) }, 500);' });

describe('baseline', () => {
  it('keeps a finding known when lines above it move it down', () => {
    const baseline = createBaseline([swallowed]);
    const moved = { ...swallowed, line: 80, column: 9, endLine: 82 };
    expect(compareWithBaseline([moved], baseline).findings[0]?.baseline).toBe('known');
  });

  it('counts a finding as new when the flagged code itself changes', () => {
    const baseline = createBaseline([swallowed]);
    const changed = { ...swallowed, snippet: '} catch (error) {' };
    const comparison = compareWithBaseline([changed], baseline);
    expect(comparison.findings[0]?.baseline).toBe('new');
    expect(comparison).toMatchObject({ newCount: 1, knownCount: 0, fixedCount: 1 });
  });

  it('matches findings with the same key as a multiset, so a second copy of a known defect is new', () => {
    const baseline = createBaseline([swallowed]);
    const comparison = compareWithBaseline([swallowed, { ...swallowed, line: 70 }], baseline);
    expect(comparison.findings.map((finding) => finding.baseline)).toEqual(['known', 'new']);
  });

  it('counts baseline entries that no finding matches as fixed', () => {
    const comparison = compareWithBaseline([leak], createBaseline([swallowed, leak]));
    expect(comparison).toMatchObject({ newCount: 0, knownCount: 1, fixedCount: 1 });
  });

  it('writes a sorted file without line numbers, so that it diffs cleanly', () => {
    const text = serializeBaseline(createBaseline([swallowed, leak]));
    expect(text).not.toMatch(/"line"/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(serializeBaseline(createBaseline([leak, swallowed]))).toBe(text);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      entries: [
        { key: getFindingKey(swallowed), ruleId: 'no-swallowed-error', file: 'src/payment.service.ts', function: 'processPayment', snippet: '} catch (e) {' },
        { key: getFindingKey(leak), ruleId: 'no-error-leak', file: 'src/routes/payments.ts', function: 'handler', snippet: 'return c.json({ error: String(e) }, 500);' },
      ],
    });
  });

  it('reads back what it writes', () => {
    const baseline = createBaseline([swallowed, leak]);
    expect(parseBaseline(serializeBaseline(baseline), 'baseline.json')).toEqual(baseline);
  });

  it('rejects a file that is not JSON or not a baseline, naming the file', () => {
    expect(() => parseBaseline('{', 'b.json')).toThrow(new AuditUsageError('baseline b.json is not valid JSON'));
    expect(() => parseBaseline('{"version":2,"entries":[]}', 'b.json')).toThrow(/b\.json is not a version 1 Faultline baseline/);
    expect(() => parseBaseline('{"version":1,"entries":[{"key":1}]}', 'b.json')).toThrow(AuditUsageError);
  });

  it('gives different keys to the same snippet in different functions', () => {
    expect(getFindingKey(swallowed)).not.toBe(getFindingKey({ ...swallowed, function: 'refundPayment' }));
  });
});
