import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { DbLibrary, DbLibraryName } from './create-db-library.js';

/** Which data libraries a file imports. */
export interface ImportedLibraries {
  /** Supported libraries the file imports (or requires). */
  libraries: Set<DbLibraryName>;
  /** Whether the file imports a data layer the model does not know (MikroORM, Mongoose…). */
  importsOtherDataLayer: boolean;
}

const OTHER_DATA_LAYERS =
  /^(?:@mikro-orm\/|mongoose$|mongodb$|objection$|@medusajs\/|@supabase\/|firebase|@google-cloud\/firestore|@aws-sdk\/client-dynamodb|@aws-sdk\/lib-dynamodb|redis$|ioredis$|@upstash\/|@planetscale\/database$|better-sqlite3$|sqlite3?$)/u;

function getSources(program: TSESTree.Program): string[] {
  const sources: string[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      sources.push(statement.source.value);
    } else if (
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration) &&
      statement.source !== null
    ) {
      sources.push(statement.source.value);
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
    ) {
      sources.push(statement.moduleReference.expression.value);
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const source = getRequireSource(declarator.init);
        if (source !== undefined) sources.push(source);
      }
    }
  }
  return sources;
}

/** `'knex'` for `require('knex')`, `require('knex')(config)` and `require('knex').default`. */
function getRequireSource(node: TSESTree.Expression | null): string | undefined {
  let current = node;
  while (current?.type === AST_NODE_TYPES.CallExpression || current?.type === AST_NODE_TYPES.MemberExpression) {
    if (
      current.type === AST_NODE_TYPES.CallExpression &&
      current.callee.type === AST_NODE_TYPES.Identifier &&
      current.callee.name === 'require'
    ) {
      const [argument] = current.arguments;
      return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
    }
    current = current.type === AST_NODE_TYPES.CallExpression ? current.callee : current.object;
  }
  return undefined;
}

/**
 * The supported database libraries a file imports, by module name (`kysely`, `@prisma/client` or
 * any module with `prisma` in its name, `drizzle-orm/*`, `typeorm`/`@nestjs/typeorm`, `knex`,
 * `pg`/`mysql2`), and whether it imports a data layer the model does not know.
 *
 * @param program - the file's AST
 * @param libraries - the library descriptors
 * @example
 * getImportedLibraries(ast, DB_LIBRARIES).libraries.has('kysely');
 */
export function getImportedLibraries(program: TSESTree.Program, libraries: readonly DbLibrary[]): ImportedLibraries {
  const found = new Set<DbLibraryName>();
  let importsOtherDataLayer = false;
  for (const source of getSources(program)) {
    const library = libraries.find((candidate) => candidate.modules.test(source));
    if (library !== undefined) found.add(library.name);
    else if (OTHER_DATA_LAYERS.test(source)) importsOtherDataLayer = true;
  }
  return { libraries: found, importsOtherDataLayer };
}
