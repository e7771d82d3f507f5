/** A fenced code block from a rule page that sits under a ❌ or ✅ heading. */
export interface DocsExample {
  kind: 'incorrect' | 'correct';
  /** 1-based line of the opening fence in the page. */
  line: number;
  language: string;
  code: string;
  /** Rule options from the fence's `option='…'` attribute (JSON array or single object). */
  options: unknown[];
}

const LINTED_LANGUAGES = new Set(['ts', 'typescript', 'js', 'javascript', 'tsx', 'jsx', 'mts', 'cts']);

function parseOptions(info: string): unknown[] {
  const match = /option='([^']*)'/u.exec(info);
  if (match?.[1] === undefined) return [];
  const parsed: unknown = JSON.parse(match[1]);
  return Array.isArray(parsed) ? parsed : [parsed];
}

/**
 * Extracts the examples of a rule page: every fenced TS/JS block after a heading containing ❌
 * (incorrect) or ✅ (correct), up to the next heading without one of them.
 *
 * @param markdown - the page's text
 * @example
 * const examples = getDocsExamples(readFileSync('docs/rules/no-swallowed-error.md', 'utf8'));
 */
export function getDocsExamples(markdown: string): DocsExample[] {
  const examples: DocsExample[] = [];
  const lines = markdown.split('\n');
  let kind: DocsExample['kind'] | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (/^#{1,6}\s/u.test(line)) {
      kind = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : undefined;
      continue;
    }
    const fence = /^(`{3,}|~{3,})\s*(\S*)(.*)$/u.exec(line);
    if (!fence) continue;
    const [, marker = '```', language = '', info = ''] = fence;
    const start = index;
    const body: string[] = [];
    for (index += 1; index < lines.length && !(lines[index] ?? '').startsWith(marker); index += 1) {
      body.push(lines[index] ?? '');
    }
    if (kind !== undefined && LINTED_LANGUAGES.has(language)) {
      examples.push({ kind, line: start + 1, language, code: `${body.join('\n')}\n`, options: parseOptions(info) });
    }
  }
  return examples;
}
