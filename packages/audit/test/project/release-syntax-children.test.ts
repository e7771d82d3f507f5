import { describe, expect, it } from 'vitest';
import { releaseSyntaxChildren } from '../../src/project/release-syntax-children.js';
import { loadInMemoryProject } from '../helpers/in-memory-project.js';

describe('releaseSyntaxChildren', () => {
  it('drops the token nodes TypeScript cached for a file, which are rebuilt when asked for again', () => {
    const project = loadInMemoryProject({ 'src/a.ts': 'export const total = (a: number, b: number) => a + b;\n' });
    const [sourceFile] = project.files;
    const statement = sourceFile?.statements[0];
    if (sourceFile === undefined || statement === undefined) throw new Error('the file did not load');
    const before = statement.getChildren(sourceFile);
    expect(statement.getChildren(sourceFile)).toBe(before);

    releaseSyntaxChildren(sourceFile);

    const after = statement.getChildren(sourceFile);
    expect(after).not.toBe(before);
    expect(after.map((child) => child.kind)).toEqual(before.map((child) => child.kind));
  });
});
