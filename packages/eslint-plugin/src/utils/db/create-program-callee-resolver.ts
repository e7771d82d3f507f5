import { parseForESLint } from '@typescript-eslint/parser';
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { getTypeScript } from '../types/get-typescript.js';
import { createDbModel, type DbModelOptions } from './create-db-model.js';
import { createWriteAnalyzer, type CalleeResolver, type FunctionNode, type WriteAnalyzer } from './create-write-analyzer.js';
import { unwrapExpression } from './get-call-chain.js';

interface ParsedFile {
  ast: TSESTree.Program;
  analyzer: WriteAnalyzer;
}

interface ParsedFiles {
  /** Recently used parses, least recent first (a `Map` keeps insertion order). */
  recent: Map<string, ParsedFile>;
  /** Files without query text: never parsed. */
  queryless: Set<string>;
}

// Shared by every file linted with the same program. Parses are kept for the most recently
// followed files only: an ESTree with its scope manager costs about a megabyte, and a whole
// program's worth (every repository and service of a large code base) stays alive as long as
// the program does. Callers of a file sit mostly near it (the same module), so few are parsed
// twice.
const parsedFiles = new WeakMap<ts.Program, ParsedFiles>();
const MAX_PARSED_FILES = 64;

// Text every query of the supported libraries contains some of.
const QUERY_TEXT =
  /insertInto|updateTable|deleteFrom|replaceInto|mergeInto|\$transaction|\$execute|\.(?:create|createMany|update|updateMany|upsert|delete|deleteMany|insert|save|remove|softDelete|increment|decrement|del|query|execute|transaction|startTransaction|beginTransaction)\(/u;

// The program's token and comment lists look like nodes but are not children.
const NOT_CHILDREN = new Set(['parent', 'tokens', 'comments']);

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Sets `parent` (ESLint does it for linted files; a file parsed here has none) and collects calls. */
function link(program: TSESTree.Program): (TSESTree.CallExpression | TSESTree.TaggedTemplateExpression)[] {
  const calls: (TSESTree.CallExpression | TSESTree.TaggedTemplateExpression)[] = [];
  const stack: TSESTree.Node[] = [program];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression) calls.push(node);
    for (const key of Object.keys(node)) {
      if (NOT_CHILDREN.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
      for (const child of children) {
        (child as { parent?: TSESTree.Node }).parent = node;
        stack.push(child);
      }
    }
  }
  return calls.sort((a, b) => a.range[0] - b.range[0]);
}

function parseFile(sourceFile: ts.SourceFile, tsProgram: ts.Program, options: DbModelOptions): ParsedFile | null {
  let parsed: ReturnType<typeof parseForESLint>;
  try {
    // With the program, typescript-estree converts the program's own syntax tree instead of
    // having TypeScript parse the file again. `lib` stays the scope manager's default, which the
    // model was written against: the program's lib would declare every DOM global as well.
    parsed = parseForESLint(sourceFile.text, {
      filePath: sourceFile.fileName,
      programs: [tsProgram],
      preserveNodeMaps: false,
      lib: ['esnext'],
      range: true,
      loc: true,
      comment: false,
      tokens: false,
      sourceType: 'module',
    });
  } catch (error) {
    // The program type-checks this file, but typescript-estree rejects some syntax TypeScript
    // accepts; such a file is not followed. Anything else is a bug to surface.
    if (error instanceof Error && error.name === 'TSError') return null;
    throw error;
  }
  const { ast, scopeManager } = parsed;
  const program = ast;
  const calls = link(program);
  const model = createDbModel({ ast: program, scopeManager }, options);
  return { ast: program, analyzer: createWriteAnalyzer(model, calls) };
}

/** The function whose name starts at `position`: a declaration, a method, or an arrow in a `const`. */
function findFunctionNamedAt(program: TSESTree.Program, position: number): FunctionNode | undefined {
  let current: TSESTree.Node = program;
  for (let depth = 0; depth < 512 && !(current.type === AST_NODE_TYPES.Identifier && current.range[0] === position); depth += 1) {
    let next: TSESTree.Node | undefined;
    for (const key of Object.keys(current)) {
      if (NOT_CHILDREN.has(key)) continue;
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child) && child.range[0] <= position && position < child.range[1]) next = child;
      }
    }
    if (next === undefined) return undefined;
    current = next;
  }
  const { parent } = current;
  let value: TSESTree.Node | null | undefined;
  switch (parent?.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
      return parent;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      value = parent.key === current ? parent.value : undefined;
      break;
    case AST_NODE_TYPES.VariableDeclarator:
      value = parent.id === current ? parent.init : undefined;
      break;
    default:
      return undefined;
  }
  const inner = value === null || value === undefined ? undefined : unwrapExpression(value as TSESTree.Expression);
  return inner?.type === AST_NODE_TYPES.ArrowFunctionExpression || inner?.type === AST_NODE_TYPES.FunctionExpression ? inner : undefined;
}

/**
 * Follows calls into other files of the program with the type checker: the callee's declaration
 * (through imports and re-exports, methods of classes, arrow functions in `const`s) is parsed
 * (the most recently followed files stay parsed, per program) and analysed without type
 * information. Declarations in `.d.ts` files and `node_modules` are not followed.
 *
 * @param services - parser services with a program
 * @param options - the database model options to analyse other files with
 * @example
 * const analyzer = createWriteAnalyzer(model, calls, createProgramCalleeResolver(services, options));
 */
export function createProgramCalleeResolver(services: ParserServicesWithTypeInformation, options: DbModelOptions): CalleeResolver {
  const checker = services.program.getTypeChecker();
  let files = parsedFiles.get(services.program);
  if (files === undefined) {
    files = { recent: new Map(), queryless: new Set() };
    parsedFiles.set(services.program, files);
  }
  const { recent, queryless } = files;
  const getParsedFile = (sourceFile: ts.SourceFile): ParsedFile | null => {
    const { fileName } = sourceFile;
    if (queryless.has(fileName)) return null;
    let parsed: ParsedFile | null | undefined = recent.get(fileName);
    if (parsed !== undefined) {
      recent.delete(fileName);
    } else {
      // Most modules a service imports never query: a glance at the text spares parsing them.
      parsed = QUERY_TEXT.test(sourceFile.text) ? parseFile(sourceFile, services.program, options) : null;
      if (parsed === null) {
        queryless.add(fileName);
        return null;
      }
      const oldest = recent.keys().next();
      if (recent.size >= MAX_PARSED_FILES && oldest.done !== true) recent.delete(oldest.value);
    }
    recent.set(fileName, parsed);
    return parsed;
  };
  return (call) => {
    const callee = unwrapExpression(call.callee);
    const target = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    const tsNode = services.esTreeNodeToTSNodeMap.get(target);
    let symbol = checker.getSymbolAtLocation(tsNode);
    if (symbol !== undefined && (symbol.flags & getTypeScript().SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    const name = (declaration as { name?: ts.Node } | undefined)?.name;
    if (declaration === undefined || name === undefined) return undefined;
    const sourceFile = declaration.getSourceFile();
    // Same file: the analyzer already follows declarations by scope.
    if (sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/') || sourceFile === tsNode.getSourceFile()) {
      return undefined;
    }
    const parsed = getParsedFile(sourceFile);
    if (parsed === null) return undefined;
    const fn = findFunctionNamedAt(parsed.ast, name.getStart(sourceFile));
    return fn === undefined ? undefined : { callee: fn, analyzer: parsed.analyzer };
  };
}
