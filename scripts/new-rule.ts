// Scaffolds a rule: `npm run new-rule -- <name>` writes the rule, its test, its docs page and the
// index entry. Tests first: the generated test fails until the rule reports something.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const name = process.argv[2] ?? '';
if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u.test(name)) {
  console.error('usage: npm run new-rule -- <kebab-case-rule-name>');
  process.exit(2);
}

const camel = name.replace(/-([a-z0-9])/gu, (_, letter: string) => letter.toUpperCase());
const rulesDir = path.join(root, 'packages/eslint-plugin/src/rules');
const files: Record<string, string> = {
  [path.join(rulesDir, `${name}.ts`)]: `import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'todo';

export default createRule<Options, MessageIds>({
  name: '${name}',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow TODO',
      recommended: 'recommended',
    },
    messages: {
      todo: 'TODO: say what is wrong and what to do instead.',
    },
    schema: [],
  },
  create(context) {
    return {
      // TODO: replace with the listeners the rule needs.
      DebuggerStatement(node) {
        context.report({ node, messageId: 'todo' });
      },
    };
  },
});
`,
  [path.join(rulesDir, `${name}.test.ts`)]: `import { createRuleTester } from '../../test/rule-tester.js';
import rule from './${name}.js';

const ruleTester = createRuleTester();

ruleTester.run('${name}', rule, {
  valid: [
    // TODO: code the rule must accept
    'const ok = 1;',
  ],
  invalid: [
    // TODO: code the rule must report
    {
      code: 'const notOk = 1;',
      errors: [{ messageId: 'todo', line: 1, column: 1, endLine: 1, endColumn: 17 }],
    },
  ],
});
`,
  [path.join(root, `docs/rules/${name}.md`)]: `# TODO (\`faultline/${name}\`)

<!-- end auto-generated rule header -->

Why this matters, in one paragraph.

## Rule details

What is reported and why.

### ❌ Incorrect

\`\`\`ts
const notOk = 1;
\`\`\`

### ✅ Correct

\`\`\`ts
const ok = 1;
\`\`\`

## Options

This rule has no options.

## When not to use it

When ...
`,
};

for (const file of Object.keys(files)) {
  if (existsSync(file)) {
    console.error(`${path.relative(root, file)} already exists`);
    process.exit(2);
  }
}
for (const [file, text] of Object.entries(files)) {
  writeFileSync(file, text);
  console.log(`wrote ${path.relative(root, file)}`);
}

const indexPath = path.join(rulesDir, 'index.ts');
const index = readFileSync(indexPath, 'utf8')
  .replace(/(import type[^\n]*\n)/u, `$1import ${camel} from './${name}.js';\n`)
  .replace(/= \{\n?([^]*?)\};/u, (_, body: string) => {
    const entries = [...body.split('\n').map((line) => line.trim()).filter(Boolean), `'${name}': ${camel},`].sort();
    return `= {\n${entries.map((entry) => `  ${entry}`).join('\n')}\n};`;
  });
writeFileSync(indexPath, index);
console.log(`registered ${name} in ${path.relative(root, indexPath)}`);
console.log('next: write the failing tests, then the rule, then the docs page; run `npm run docs` to refresh headers');
