import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { getEnclosingFunction } from '../utils/ast/get-enclosing-function.js';
import { getFunctionNameTarget } from '../utils/ast/get-function-name-target.js';
import { hasAwaitedCall } from '../utils/ast/has-awaited-call.js';
import { isInsideTestCallback } from '../utils/ast/is-inside-test-callback.js';
import { isTestModule } from '../utils/ast/is-test-module.js';
import { getInlineFunctionKind } from '../utils/code-path/get-inline-function-kind.js';
import { getMaxPathWeight } from '../utils/code-path/get-max-path-weight.js';
import { isRepeatedIn, isRunInline } from '../utils/code-path/is-repeated-in.js';
import { createRule } from '../utils/create-rule.js';
import type { DbLibraryName } from '../utils/db/create-db-library.js';
import { DB_LIBRARIES, DEFAULT_HANDLE_PATTERN, type DbModel } from '../utils/db/create-db-model.js';
import { createProgramCalleeResolver } from '../utils/db/create-program-callee-resolver.js';
import { createWriteAnalyzer, type FunctionNode, type WriteAnalyzer, type WriteEvent } from '../utils/db/create-write-analyzer.js';
import { getMemberName, unwrapExpression } from '../utils/db/get-call-chain.js';
import { getDbModel } from '../utils/db/get-db-model.js';
import { getTransactionWrap } from '../utils/db/get-transaction-wrap.js';
import { isPhaseBoundary } from '../utils/db/is-phase-boundary.js';
import { getTypeServices } from '../utils/types/get-type-services.js';

export type Options = [
  {
    minWrites?: number;
    countLoopWrites?: boolean;
    handlePattern?: string;
    libraries?: DbLibraryName[];
    additionalWriteMethods?: string[];
  },
];
export type MessageIds = 'missingTransaction' | 'splitTransactions' | 'concurrentWritesInTransaction' | 'wrapInTransaction';

const PROMISE_COMBINATORS = new Set(['all', 'allSettled']);
// Libraries whose transaction handle is a bare connection: after a failed sibling rolls back and
// releases it, the other queries still run on it, outside any transaction. Prisma and TypeORM
// refuse queries on a closed transaction instead.
const CONCURRENCY_HAZARDS = new Set<DbLibraryName>(['kysely', 'knex', 'drizzle', 'pg']);

function formatLines(lines: readonly string[]): string {
  if (lines.length === 1) return `line ${lines[0] ?? ''}`;
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1) ?? ''}`;
}

export default createRule<Options, MessageIds>({
  name: 'require-transaction',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require multi-step database writes to run in one transaction',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      missingTransaction:
        '{{name}} writes to the database at {{lines}} without one transaction around the writes, so a failure part-way leaves the earlier writes committed. Run them in one transaction and pass its handle to every write.',
      splitTransactions:
        '{{name}} commits its writes in separate transactions at {{lines}}: if a later one fails, the earlier ones stay committed. Run all the writes in one transaction.',
      concurrentWritesInTransaction:
        'These writes run concurrently on one transaction: when one fails the transaction rolls back while the others are still running on it. Run them one after another (`for…of` with `await`).',
      wrapInTransaction: 'Run lines {{first}}–{{last}} in one transaction with `{{handle}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minWrites: {
            type: 'integer',
            minimum: 2,
            description: 'How many writes on one path make a function need a transaction.',
          },
          countLoopWrites: {
            type: 'boolean',
            description: 'Whether one write inside a loop or a `Promise.all`/`map` fan-out needs a transaction.',
          },
          handlePattern: {
            type: 'string',
            description: 'Regular expression for names (and `this.<name>`) of database handles when there is no type information.',
          },
          libraries: {
            type: 'array',
            items: { type: 'string', enum: DB_LIBRARIES.map((library) => library.name) },
            uniqueItems: true,
            description: 'Database libraries to check. Default: all, with library-specific shapes only where the file imports the library.',
          },
          additionalWriteMethods: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'More method names that write when called on a database handle.',
          },
        },
      },
    ],
    defaultOptions: [{ minWrites: 2, countLoopWrites: true, handlePattern: DEFAULT_HANDLE_PATTERN, additionalWriteMethods: [] }],
  },
  create(context) {
    // Factories, fixtures and setup write and answer on purpose in ways production code must not.
    if (isTestModule(context.filename, context.sourceCode.ast)) return {};
    const [options] = context.options;
    const minWrites = options.minWrites ?? 2;
    const countLoopWrites = options.countLoopWrites ?? true;
    const { sourceCode } = context;
    const calls: (TSESTree.CallExpression | TSESTree.TaggedTemplateExpression)[] = [];
    const modelOptions = {
      ...(options.handlePattern !== undefined && { handlePattern: options.handlePattern }),
      ...(options.libraries !== undefined && { libraries: options.libraries }),
      ...(options.additionalWriteMethods !== undefined && { additionalWriteMethods: options.additionalWriteMethods }),
    };

    // A write through a parameter the function treats as a transaction is the caller's.
    function isCountable(event: WriteEvent, fn: FunctionNode, analyzer: WriteAnalyzer): boolean {
      if (typeof event.category !== 'number') return true;
      // A transaction handed on inside the parameter (Sequelize's `options.transaction`).
      if (event.kind === 'write' && event.handle !== undefined && event.handle.kind !== 'database') return false;
      return analyzer.isDatabaseParameter(fn, event.category);
    }

    /**
     * A called function that answers for its own writes is reported on its own when they are
     * several; here its call is one step, so that each defect is reported once.
     */
    function getWeight(event: WriteEvent): number {
      return event.kind === 'call' && event.countedByCallee === true ? Math.min(event.weight, 1) : event.weight;
    }

    function shouldSkip(fn: FunctionNode, model: DbModel): boolean {
      if (model.getCallbackTransaction(fn) !== undefined || model.isTransactionalFunction(fn)) return true;
      // Inline callbacks (`.map(async (item) => …)`) are measured as part of the enclosing function.
      if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && getInlineFunctionKind(fn) !== 'separate' && getEnclosingFunction(fn) !== undefined) {
        return true;
      }
      const target = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : undefined;
      const parentKey = fn.parent.type === AST_NODE_TYPES.Property || fn.parent.type === AST_NODE_TYPES.MethodDefinition ? fn.parent.key : undefined;
      const declared = fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent.id : undefined;
      const name = [target, parentKey, declared].find((node): node is TSESTree.Identifier => node?.type === AST_NODE_TYPES.Identifier);
      // Migrations (the migrator runs `up`/`down` in its own transaction) and seed scripts.
      if (name !== undefined && (name.name === 'up' || name.name === 'down' || /^seed(?:[A-Z_]|$)/u.test(name.name))) return true;
      return isInsideTestCallback(fn);
    }

    function measure(fn: FunctionNode, events: readonly WriteEvent[], keep: (event: WriteEvent) => boolean, isBarrier?: (node: TSESTree.Statement) => boolean) {
      // Per call, what the callee answers for itself is one step however it splits into events.
      const weights = new Map<TSESTree.Node, number>();
      const capped = new Set<TSESTree.Node>();
      for (const event of events) {
        if (!keep(event)) continue;
        const isCapped = event.kind === 'call' && event.countedByCallee === true;
        if (isCapped && capped.has(event.node)) continue;
        if (isCapped) capped.add(event.node);
        weights.set(event.node, (weights.get(event.node) ?? 0) + getWeight(event));
      }
      if (weights.size === 0) return { max: 0, repeats: [] };
      return getMaxPathWeight(fn.body, {
        weight: (node) => weights.get(node) ?? 0,
        getInlineKind: getInlineFunctionKind,
        countRepeats: countLoopWrites,
        ...(isBarrier && { isBarrier }),
      });
    }

    function checkFunction(fn: FunctionNode, analyzer: WriteAnalyzer): void {
      const { model } = analyzer;
      const events = analyzer.getEvents(fn);
      if (events.length === 0 || shouldSkip(fn, model)) return;
      const eventNodes = new Set<TSESTree.Node>(events.map((event) => event.node));
      // A transaction per loop iteration (batched imports, per-item jobs) is atomic where it means
      // to be: such transactions do not add up with other steps.
      const countable = events.filter(
        (event) => isCountable(event, fn, analyzer) && !(event.category === 'transaction' && isRepeatedIn(event.node, fn)),
      );
      const directWrites = countable.filter((event) => event.category !== 'transaction');
      const boundaries = new Map<TSESTree.Statement, boolean>();
      const isExternal = (statement: TSESTree.Statement): boolean => {
        let known = boundaries.get(statement);
        if (known === undefined) boundaries.set(statement, (known = isPhaseBoundary(statement, fn, events, model)));
        return known;
      };
      const writeWeight = measure(fn, directWrites, () => true, isExternal);
      const units = measure(fn, countable, () => true, isExternal);
      const name = ASTUtils.getFunctionNameWithKind(fn, sourceCode);
      const describe = (list: readonly WriteEvent[], repeats: readonly TSESTree.Node[], markTransactions: boolean): string => {
        const lines = [...new Set(list.map((event) => event.node.loc.start.line))].sort((a, b) => a - b);
        return formatLines(
          lines.map((line) => {
            const inLoop = list.some(
              (event) => event.node.loc.start.line === line && repeats.some((loop) => loop.range[0] <= event.node.range[0] && event.node.range[1] <= loop.range[1]),
            );
            const isTransaction = markTransactions && list.some((event) => event.node.loc.start.line === line && event.category === 'transaction');
            return `${String(line)}${inLoop ? ' (in a loop)' : ''}${isTransaction ? ' (a transaction)' : ''}`;
          }),
        );
      };
      const target = getFunctionNameTarget(fn, sourceCode);
      const at = 'type' in target ? { node: target } : { loc: target };
      if (writeWeight.max >= 1 && units.max >= minWrites) {
        const suggestion = getSuggestion(fn, directWrites, countable, units.repeats, model);
        context.report({
          ...at,
          messageId: 'missingTransaction',
          data: { name: name.charAt(0).toUpperCase() + name.slice(1), lines: describe(countable, units.repeats, true) },
          suggest: suggestion === undefined ? [] : [suggestion],
        });
        return;
      }
      const transactions = countable.filter((event) => event.category === 'transaction');
      const isOtherAwait = (statement: TSESTree.Statement): boolean =>
        hasAwaitedCall(statement, (call) => !eventNodes.has(call) && model.getQuery(call) === undefined && model.getTransaction(call) === undefined);
      if (measure(fn, transactions, () => true, isOtherAwait).max >= 2) {
        context.report({
          ...at,
          messageId: 'splitTransactions',
          data: { name: name.charAt(0).toUpperCase() + name.slice(1), lines: describe(transactions, [], false) },
        });
      }
    }

    function getSuggestion(
      fn: FunctionNode,
      writes: readonly WriteEvent[],
      countable: readonly WriteEvent[],
      repeats: readonly TSESTree.Node[],
      model: DbModel,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (countable.length !== writes.length || writes.some((event) => event.handle === undefined)) return undefined;
      const libraries = new Set(writes.map((event) => event.query?.library ?? event.handle?.libraries[0]));
      const [libraryName] = libraries;
      if (libraries.size !== 1 || libraryName === undefined) return undefined;
      const library = model.getLibrary(libraryName);
      const wrap = getTransactionWrap(
        fn,
        // A write in a loop is wrapped together with its loop: one transaction, not one per item.
        writes.map((event) => ({
          node: repeats.filter((loop) => loop.range[0] <= event.node.range[0] && event.node.range[1] <= loop.range[1]).sort((a, b) => a.range[0] - b.range[0])[0] ?? event.node,
          handle: (event.handle as { node: TSESTree.Expression }).node,
        })),
        library,
        sourceCode,
        model,
      );
      if (wrap === undefined) return undefined;
      const handle = sourceCode.getText((writes[0]?.handle as { node: TSESTree.Expression }).node);
      return {
        messageId: 'wrapInTransaction',
        data: { first: String(wrap.lines[0]), last: String(wrap.lines[1]), handle: library.wrapInTransaction?.(handle, library.transactionParameterName).open.replace(/^await /u, '').replace(/ => \{$/u, ' => …)') ?? handle },
        fix: (fixer) => fixer.replaceTextRange(wrap.range, wrap.text),
      };
    }

    /** Promise.all over writes on one transaction handle (Kysely #899, #1604). */
    function checkConcurrency(call: TSESTree.CallExpression, position: number, analyzer: WriteAnalyzer): void {
      const callee = unwrapExpression(call.callee);
      if (
        callee.type !== AST_NODE_TYPES.MemberExpression ||
        callee.object.type !== AST_NODE_TYPES.Identifier ||
        callee.object.name !== 'Promise' ||
        !PROMISE_COMBINATORS.has(getMemberName(callee) ?? '')
      ) {
        return;
      }
      const [argument] = call.arguments;
      if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return;
      const { model } = analyzer;
      const keys = new Set<string>();
      let queries = 0;
      let writes = 0;
      let repeated = false;
      // Calls are in source order: the ones inside the argument follow the combinator call.
      const inner: typeof calls = [];
      for (let index = position + 1; index < calls.length && (calls[index]?.range[0] ?? Infinity) < argument.range[1]; index += 1) {
        const node = calls[index];
        if (node !== undefined && argument.range[0] <= node.range[0] && node.range[1] <= argument.range[1]) inner.push(node);
      }
      for (const node of inner) {
        if (!isRunInline(node, argument)) continue;
        const query = model.getQuery(node);
        // A transaction handle, or a connection between its BEGIN and COMMIT (node-postgres).
        if (query === undefined || !analyzer.isInTransaction(query.handle, node) || !CONCURRENCY_HAZARDS.has(query.library)) continue;
        keys.add(query.handle.key);
        queries += 1;
        if (query.operation === 'write') writes += 1;
        if (isRepeatedIn(node, argument)) repeated = true;
      }
      if (keys.size === 1 && writes >= 1 && (queries >= 2 || repeated)) {
        context.report({ node: callee, messageId: 'concurrentWritesInTransaction' });
      }
    }

    return {
      CallExpression(node) {
        calls.push(node);
      },
      TaggedTemplateExpression(node) {
        calls.push(node);
      },
      'Program:exit'(program: TSESTree.Program) {
        if (calls.length === 0) return;
        const services = getTypeServices(context);
        const model = getDbModel({ ast: program, scopeManager: sourceCode.scopeManager, parserServices: services }, modelOptions);
        const resolveCallee = services === undefined ? undefined : createProgramCalleeResolver(services, modelOptions);
        const analyzer = createWriteAnalyzer(model, calls, resolveCallee);
        for (const fn of analyzer.getFunctions()) checkFunction(fn, analyzer);
        calls.forEach((call, position) => {
          if (call.type === AST_NODE_TYPES.CallExpression) checkConcurrency(call, position, analyzer);
        });
      },
    };
  },
});
