import { ts } from 'ts-morph';

/**
 * The local names a file's imports bind (`import x, { y as z }, * as ns`, `import x = require()`).
 * A call `x.name()` reaches a plain function of another file only through a module object, and a
 * module object comes into a file through one of these names.
 *
 * @param sourceFile - the file
 * @example
 * getImportedNames(sourceFile).has('repository'); // true after import * as repository from './repository.js'
 */
export function getImportedNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isImportEqualsDeclaration(statement)) names.add(statement.name.text);
    if (!ts.isImportDeclaration(statement) || statement.importClause === undefined) continue;
    const { name, namedBindings } = statement.importClause;
    if (name !== undefined) names.add(name.text);
    if (namedBindings === undefined) continue;
    if (ts.isNamespaceImport(namedBindings)) names.add(namedBindings.name.text);
    else for (const element of namedBindings.elements) names.add(element.name.text);
  }
  return names;
}
