import type { Finding, FindingKind, RawFinding, Risk } from './finding.js';

/** What the audit knows about each kind of finding. */
interface KindInfo {
  risk: Risk;
  impact: string;
  title: string;
}

const KINDS: Readonly<Record<FindingKind, KindInfo>> = {
  'inconsistent-data': {
    risk: 'medium',
    title: 'Non-atomic writes',
    impact: 'Data left inconsistent: a failure half-way keeps some writes and loses others.',
  },
  'invisible-failure': {
    risk: 'medium',
    title: 'Swallowed errors',
    impact: 'Failure invisible to operators: the error is dropped and callers get a normal-looking result.',
  },
  'internals-exposed': {
    risk: 'medium',
    title: 'Error leaks',
    impact: 'Internals exposed to clients: error text (SQL, stack traces, stored data) reaches the response.',
  },
  'ambiguous-result': {
    risk: 'low',
    title: 'Ambiguous results',
    impact: 'Callers cannot tell absent from failed: one return value stands for several outcomes.',
  },
  'unreliable-dependency': {
    risk: 'medium',
    title: 'Unguarded calls to dependencies',
    impact: 'A slow or failing dependency hangs the request or feeds it garbage instead of failing cleanly.',
  },
  other: {
    risk: 'low',
    title: 'Other',
    impact: 'Review the finding: the audit does not know this rule.',
  },
};

/** What the audit knows about each rule and analyzer it can report. */
interface RuleInfo {
  kind: FindingKind;
  fix: string;
}

const RULES: Readonly<Record<string, RuleInfo>> = {
  'no-swallowed-error': {
    kind: 'invisible-failure',
    fix: 'Rethrow, or handle the specific error you expect and log it with context; never turn every failure into the same silent value.',
  },
  'consistent-return-type': {
    kind: 'ambiguous-result',
    fix: 'Return one shape: throw a typed not-found error, or return a discriminated result such as `{ status: "missing" }`.',
  },
  'require-transaction': {
    kind: 'inconsistent-data',
    fix: 'Run the writes in one transaction (`db.transaction().execute(async (trx) => …)`) and pass `trx` to every write.',
  },
  'no-transaction-escape': {
    kind: 'inconsistent-data',
    fix: 'Use the transaction handle for every query inside the transaction, and keep it from escaping the callback.',
  },
  'no-error-leak': {
    kind: 'internals-exposed',
    fix: 'Map errors to a stable code and a user-safe message in one error handler; log the original with the request id.',
  },
  'no-unlocked-read-modify-write': {
    kind: 'inconsistent-data',
    fix: 'Lock the row (`SELECT … FOR UPDATE`) or make the update conditional on what was read (`UPDATE … WHERE stock = :read`) and retry.',
  },
  'require-fetch-timeout': {
    kind: 'unreliable-dependency',
    fix: 'Pass `signal: AbortSignal.timeout(ms)` to every outgoing request.',
  },
  'no-unchecked-response': {
    kind: 'unreliable-dependency',
    fix: 'Check `response.ok` (or the status) before reading the body, and validate the body before using it.',
  },
  'cross-file-multi-write': {
    kind: 'inconsistent-data',
    fix: 'Open one transaction in the outermost function and pass its handle down to every function that writes.',
  },
};

const RAISED: Readonly<Record<Risk, Risk>> = { low: 'medium', medium: 'high', high: 'high' };

/**
 * The kind of finding a rule or analyzer reports; `other` for rules the audit does not know yet.
 *
 * @param ruleId - a rule or analyzer id without prefix
 * @example
 * getFindingKind('no-error-leak'); // 'internals-exposed'
 */
export function getFindingKind(ruleId: string): FindingKind {
  return RULES[ruleId]?.kind ?? 'other';
}

/**
 * The heading reports use for a kind of finding, e.g. `Swallowed errors`.
 *
 * @param kind - a finding kind
 * @example
 * getKindTitle('invisible-failure'); // 'Swallowed errors'
 */
export function getKindTitle(kind: FindingKind): string {
  return KINDS[kind].title;
}

/**
 * Adds the kind, risk, impact and fix to a raw finding. The risk is the kind's base risk, raised
 * one step when the finding sits on a money path.
 *
 * @param raw - what the rule or analyzer reported
 * @param helpUri - the rule's documentation page, when known
 * @example
 * const finding = classifyFinding(raw, 'https://…/no-error-leak.md');
 */
export function classifyFinding(raw: RawFinding, helpUri?: string): Finding {
  const kind = getFindingKind(raw.ruleId);
  const info = KINDS[kind];
  const base = info.risk;
  return {
    ...raw,
    kind,
    risk: raw.moneyPath ? RAISED[base] : base,
    impact: info.impact,
    fix: RULES[raw.ruleId]?.fix ?? 'See the rule documentation.',
    ...(helpUri === undefined ? {} : { helpUri }),
  };
}
