import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FaultlineRule } from '../../src/utils/faultline-rule.js';

/** Where the rule sources, their tests and their pages live. */
export interface RulePackageLayout {
  /** Folder with `<rule>.ts`, `<rule>.test.ts` and `index.ts`. */
  rulesDir: string;
  /** Folder with `<rule>.md`. */
  docsDir: string;
  /** The rules exported by the plugin, keyed by name. */
  rules: Readonly<Record<string, FaultlineRule>>;
}

/** Sections every rule page must have, in this order. */
export const REQUIRED_DOC_SECTIONS = ['## Rule details', '## Options', '## When not to use it'] as const;

const DESCRIPTION = /^(?:Enforce|Require|Disallow) [^\n]*[^.]$/u;
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/u;

function listNames(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(extension) && !file.endsWith(`.test${extension}`) && file !== `index${extension}`)
    .map((file) => file.slice(0, -extension.length))
    .sort();
}

function findSchemaProblems(name: string, schema: unknown, at = 'schema'): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const problems: string[] = [];
  const { properties } = schema as { properties?: Record<string, { description?: unknown }> };
  for (const [property, definition] of Object.entries(properties ?? {})) {
    if (typeof definition.description !== 'string') {
      problems.push(`${name}: ${at}.${property} has no description`);
    }
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key !== 'properties' && typeof value === 'object') {
      problems.push(...findSchemaProblems(name, value, `${at}.${key}`));
    }
  }
  return problems;
}

function findPageProblems(name: string, page: string): string[] {
  const problems: string[] = [];
  let previous = -1;
  for (const section of REQUIRED_DOC_SECTIONS) {
    const at = page.split('\n').findIndex((line) => line.trim() === section);
    if (at === -1) problems.push(`${name}: docs page lacks "${section}"`);
    else if (at < previous) problems.push(`${name}: docs page has "${section}" out of order`);
    previous = Math.max(previous, at);
  }
  return problems;
}

/**
 * Checks that the rule files, the index, the tests and the docs pages agree with each other and
 * that each rule's metadata follows the house conventions. Returns one sentence per problem.
 *
 * @param layout - where to look and the rules the plugin exports
 * @example
 * expect(findRulePackageProblems({ rulesDir, docsDir, rules })).toEqual([]);
 */
export function findRulePackageProblems({ rulesDir, docsDir, rules }: RulePackageLayout): string[] {
  const problems: string[] = [];
  const files = listNames(rulesDir, '.ts');
  const exported = Object.keys(rules).sort();

  for (const file of files) {
    if (!exported.includes(file)) problems.push(`${file}: rule file is not exported from the index`);
  }
  for (const name of exported) {
    if (!files.includes(name)) problems.push(`${name}: exported from the index but has no file ${name}.ts`);
  }
  for (const page of listNames(docsDir, '.md')) {
    if (!exported.includes(page)) problems.push(`${page}: docs page has no rule`);
  }

  for (const [name, rule] of Object.entries(rules)) {
    const { docs, messages, schema } = rule.meta;
    if (!existsSync(path.join(rulesDir, `${name}.test.ts`))) problems.push(`${name}: has no test ${name}.test.ts`);
    if (docs?.url?.endsWith(`/${name}.md`) !== true) problems.push(`${name}: meta.docs.url does not point at ${name}.md`);
    if (!DESCRIPTION.test(docs?.description ?? '')) {
      problems.push(`${name}: description must start with Enforce/Require/Disallow and not end with a period`);
    }
    for (const messageId of Object.keys(messages)) {
      if (!CAMEL_CASE.test(messageId)) problems.push(`${name}: messageId ${messageId} is not camelCase`);
    }
    problems.push(...findSchemaProblems(name, schema));

    const pagePath = path.join(docsDir, `${name}.md`);
    if (existsSync(pagePath)) problems.push(...findPageProblems(name, readFileSync(pagePath, 'utf8')));
    else problems.push(`${name}: has no docs page ${name}.md`);
  }
  return problems;
}
