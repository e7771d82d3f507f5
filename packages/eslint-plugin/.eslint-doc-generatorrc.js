// Rule page headers and the README rules table are generated from each rule's meta;
// `npm run docs` writes them, `npm run docs:check` (part of `npm test`) fails when they are stale.
/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  pathRuleDoc: '../../docs/rules/{name}.md',
  pathRuleList: '../../README.md',
  ruleDocTitleFormat: 'desc-parens-name',
  ruleDocSectionInclude: ['Rule details', 'Options', 'When not to use it'],
  ignoreConfig: ['all', 'disable-type-checked', 'recommended-type-checked', 'strict-type-checked'],
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'fixable', 'requiresTypeChecking'],
  urlRuleDoc: (name) => `docs/rules/${name}.md`,
};

export default config;
