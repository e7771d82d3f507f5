import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getEnclosingFunction } from '../utils/ast/get-enclosing-function.js';
import { getPromiseConsumer } from '../utils/ast/get-promise-consumer.js';
import { isFunctionNode, type FunctionNode } from '../utils/ast/is-function-node.js';
import { visitDescendants } from '../utils/ast/visit-descendants.js';
import { getInlineFunctionKind } from '../utils/code-path/get-inline-function-kind.js';
import { createRule } from '../utils/create-rule.js';
import type { DbHandle, DbLibraryName, DbQuery } from '../utils/db/create-db-library.js';
import { DB_LIBRARIES, DEFAULT_HANDLE_PATTERN, type DbModel } from '../utils/db/create-db-model.js';
import { getCallChain, getMemberName, unwrapExpression } from '../utils/db/get-call-chain.js';
import { getDbModel } from '../utils/db/get-db-model.js';
import { getEscapingHelperQuery } from '../utils/db/get-escaping-helper-query.js';
import { getFunctionName } from '../utils/db/get-function-name.js';
import { getTypeServices } from '../utils/types/get-type-services.js';

export type Options = [{ handlePattern?: string; libraries?: DbLibraryName[] }];
export type MessageIds = 'outerHandle' | 'handleEscapes' | 'unawaitedQuery' | 'useTransactionHandle';


/** Where a transaction is open and which handle belongs to it. */
interface TransactionScope {
  library: DbLibraryName;
  /** The key of the transaction's handle. */
  key: string;
  /** What to write instead of another handle. */
  name: string;
  /** Source range in which the transaction is open. */
  start: number;
  end: number;
  line: number;
  /** The callback, for callback transactions. */
  callback?: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  parameter?: TSESTree.Identifier;
}

const DEFERRING_CALLS = /^(?:setTimeout|setImmediate|setInterval|queueMicrotask|process\.nextTick)$/u;
const LOGGING_CALLS = /^(?:console|logger|log|this\.logger|this\.log)\./u;

function getStaticName(node: TSESTree.Expression): string {
  const chain = getCallChain(node);
  const root = chain.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : chain.root.type === AST_NODE_TYPES.ThisExpression ? 'this' : '?';
  return [root, ...chain.steps.map((step) => step.name ?? '()')].join('.');
}

export default createRule<Options, MessageIds>({
  name: 'no-transaction-escape',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow queries that escape the transaction they are written in',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      outerHandle:
        "{{subject}} runs on '{{handle}}', outside the transaction opened at line {{line}}: it does not see the transaction's uncommitted writes, does not roll back with it, and can wait on its locks. Use the transaction's handle '{{transaction}}'.",
      handleEscapes:
        "The transaction handle '{{transaction}}' escapes its callback: used after the callback returns, the transaction is already committed or rolled back. Keep every use of it inside the callback.",
      unawaitedQuery:
        'This query is not awaited inside the transaction: it may run after the commit, and its failure does not roll the transaction back. Await it (use `for…of` rather than `forEach`).',
      useTransactionHandle: "Use '{{transaction}}' instead of '{{handle}}'.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
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
        },
      },
    ],
    defaultOptions: [{ handlePattern: DEFAULT_HANDLE_PATTERN }],
  },
  create(context) {
    const [options] = context.options;
    const { sourceCode } = context;
    const calls: (TSESTree.CallExpression | TSESTree.TaggedTemplateExpression)[] = [];
    const reported = new Set<TSESTree.Node>();

    function getScopes(model: DbModel): TransactionScope[] {
      const scopes: TransactionScope[] = [];
      const controls = calls.map((call) => model.getTransactionControl(call));
      controls.forEach((control, index) => {
        const call = calls[index];
        if (control?.action !== 'begin' || call === undefined) return;
        let key = control.handle.key;
        let name = sourceCode.getText(control.handle.node);
        if (control.returnsHandle) {
          // const trx = await db.startTransaction().execute()
          const { consumer } = getPromiseConsumer(call);
          const holder = consumer.type === AST_NODE_TYPES.AwaitExpression ? consumer.parent : consumer;
          if (holder.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return;
          const handle = model.getHandle(holder.id);
          if (handle === undefined) return;
          key = handle.key;
          name = holder.id.name;
        } else if (control.library === 'typeorm') {
          name = `${name}.manager`;
        }
        const end = controls.find(
          (other, at) => at > index && other !== undefined && other.action !== 'begin' && other.handle.key === key,
        );
        const fn = getEnclosingFunction(call);
        scopes.push({
          library: control.library,
          key,
          name,
          start: call.range[1],
          end: end?.node.range[0] ?? fn?.range[1] ?? sourceCode.text.length,
          line: call.loc.start.line,
        });
      });
      for (const call of calls) {
        const transaction = model.getTransaction(call);
        const { callback, parameter } = transaction ?? {};
        if (transaction === undefined || callback === undefined || parameter?.type !== AST_NODE_TYPES.Identifier) continue;
        const handle = model.getHandle(parameter);
        if (handle === undefined) continue;
        scopes.push({
          library: transaction.library,
          key: handle.key,
          name: parameter.name,
          start: callback.body.range[0],
          end: callback.body.range[1],
          line: call.loc.start.line,
          callback,
          parameter,
        });
      }
      return scopes;
    }

    function getInnermostScope(scopes: readonly TransactionScope[], node: TSESTree.Node): TransactionScope | undefined {
      let found: TransactionScope | undefined;
      for (const scope of scopes) {
        if (scope.start <= node.range[0] && node.range[1] <= scope.end && (found === undefined || scope.start >= found.start)) found = scope;
      }
      return found;
    }

    function reportOuterHandle(handle: DbHandle, scope: TransactionScope, library: DbLibraryName | undefined): void {
      const { node } = handle;
      if (reported.has(node)) return;
      reported.add(node);
      const text = sourceCode.getText(node);
      const replaceable =
        (library === undefined || library === scope.library || handle.libraries.length === 0 || handle.libraries.includes(scope.library)) &&
        (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression);
      const replacement =
        scope.library === 'typeorm' && handle.role === 'repository' ? `${scope.name}.withRepository(${text})` : scope.name;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = replaceable
        ? [
            {
              messageId: 'useTransactionHandle',
              data: { transaction: replacement, handle: text },
              fix: (fixer) => fixer.replaceText(node, replacement),
            },
          ]
        : [];
      context.report({
        node,
        messageId: 'outerHandle',
        data: { subject: 'This query', handle: text, line: String(scope.line), transaction: scope.name },
        suggest,
      });
    }

    function isOtherHandle(handle: DbHandle, scope: TransactionScope): boolean {
      return handle.key !== scope.key && handle.evidence !== 'shape';
    }

    function checkQuery(query: DbQuery, scope: TransactionScope): void {
      if (isOtherHandle(query.handle, scope)) {
        reportOuterHandle(query.handle, scope, query.library);
        return;
      }
      if (scope.callback !== undefined) checkAwaited(query.node, scope.callback);
    }

    /** Reports a query whose promise nobody waits for before the callback returns. */
    function checkAwaited(node: TSESTree.Node, callback: FunctionNode): void {
      let current: TSESTree.Node = node;
      for (let depth = 0; depth < 16; depth += 1) {
        const { consumer, expression } = getPromiseConsumer(current);
        const floating =
          consumer.type === AST_NODE_TYPES.ExpressionStatement ||
          (consumer.type === AST_NODE_TYPES.UnaryExpression && consumer.operator === 'void') ||
          (consumer.type === AST_NODE_TYPES.SequenceExpression && consumer.expressions.at(-1) !== expression);
        if (floating) {
          // A builder and the `.then()` chained on it are two queries to the model, but one floating statement.
          if (!reported.has(node) && !reported.has(consumer)) context.report({ node: current, messageId: 'unawaitedQuery' });
          reported.add(node);
          reported.add(consumer);
          return;
        }
        const awaited =
          consumer.type === AST_NODE_TYPES.AwaitExpression ||
          consumer.type === AST_NODE_TYPES.ReturnStatement ||
          (consumer.type === AST_NODE_TYPES.ArrowFunctionExpression && consumer.body === expression);
        if (!awaited) return;
        const fn = getEnclosingFunction(expression);
        if (fn === undefined || fn === callback || fn.type === AST_NODE_TYPES.FunctionDeclaration) return;
        const kind = getInlineFunctionKind(fn);
        const call = fn.parent;
        if (kind === 'separate' || call.type !== AST_NODE_TYPES.CallExpression) return;
        const method = call.callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(call.callee) : undefined;
        if (method === 'forEach' && fn.async) {
          const target = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property : call;
          if (!reported.has(target)) context.report({ node: target, messageId: 'unawaitedQuery' });
          reported.add(target);
          return;
        }
        current = call;
      }
    }

    /** `db` handed to a repository or helper inside the transaction. */
    function checkArguments(call: TSESTree.CallExpression, scope: TransactionScope, model: DbModel): void {
      const callee = unwrapExpression(call.callee);
      if (LOGGING_CALLS.test(`${getStaticName(callee)}.`)) return;
      for (const argument of call.arguments) {
        if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
        const expression = unwrapExpression(argument);
        if (expression.type !== AST_NODE_TYPES.Identifier && expression.type !== AST_NODE_TYPES.MemberExpression) continue;
        // Most arguments are data (ids, inputs, clocks): only one that is evidently a handle (by
        // name, annotation or origin) is worth asking the type checker about, which may veto it.
        if (model.getSyntacticHandle(expression) === undefined) continue;
        const handle = model.getHandle(expression);
        if (handle === undefined || !isOtherHandle(handle, scope) || handle.role === 'repository') continue;
        if (handle.evidence === 'name' && handle.generic) continue;
        reportOuterHandle(handle, scope, undefined);
      }
    }

    /** A helper of this file, called inside the transaction, that queries through a client of its own. */
    function checkHelper(call: TSESTree.CallExpression, scope: TransactionScope, model: DbModel): void {
      const found = getEscapingHelperQuery(call, calls, model);
      if (found === undefined || (scope.start <= found.helper.range[0] && found.helper.range[1] <= scope.end)) return;
      const { handle } = found.query;
      if (!isOtherHandle(handle, scope) || reported.has(call)) return;
      reported.add(call);
      context.report({
        node: call,
        messageId: 'outerHandle',
        data: {
          subject: `A query run by '${getFunctionName(found.helper) ?? sourceCode.getText(call.callee)}'`,
          handle: sourceCode.getText(handle.node),
          line: String(scope.line),
          transaction: scope.name,
        },
      });
    }

    /** Whether a member expression reading as `text` is read (not assigned) outside `callback`. */
    function isReadOutside(text: string, callback: FunctionNode): boolean {
      let found = false;
      visitDescendants(sourceCode.ast, sourceCode.visitorKeys, (node) => {
        if (found) return false;
        if (node === callback) return false;
        if (node.type !== AST_NODE_TYPES.MemberExpression) return true;
        const isTarget = node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node;
        if (!isTarget && sourceCode.getText(node) === text) found = true;
        return !found;
      });
      return found;
    }

    /** The transaction parameter stored outside, returned, or used in deferred callbacks. */
    function checkEscapes(scope: TransactionScope, model: DbModel): void {
      const { callback, parameter } = scope;
      if (callback === undefined || parameter === undefined) return;
      const variable = model.findVariable(parameter);
      const inside = (node: TSESTree.Node): boolean => callback.range[0] <= node.range[0] && node.range[1] <= callback.range[1];
      for (const reference of variable?.references ?? []) {
        const { identifier } = reference;
        const { parent } = identifier;
        let escapes = false;
        if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier) {
          const target = parent.left;
          if (target.type === AST_NODE_TYPES.MemberExpression) {
            // Stored on a shared object (`ctx.state.transaction = trx` for the handlers `next()`
            // runs inside the callback): it escapes when that member is read outside the callback.
            const text = sourceCode.getText(target);
            escapes = isReadOutside(text, callback);
          } else if (target.type === AST_NODE_TYPES.Identifier) {
            const outer = model.findVariable(target);
            escapes = outer?.references.some((use) => use.isRead() && !inside(use.identifier)) ?? false;
          }
        } else if (
          (parent.type === AST_NODE_TYPES.ReturnStatement && getEnclosingFunction(parent) === callback) ||
          (parent === callback && callback.body === identifier)
        ) {
          escapes = true;
        } else if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.some((argument) => argument === identifier)) {
          const callee = unwrapExpression(parent.callee);
          // new Promise((resolve) => db.transaction().execute(async (trx) => resolve(trx)))
          if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'resolve') escapes = true;
          if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberName(callee) === 'push') {
            const root = getCallChain(callee).root;
            const target = root.type === AST_NODE_TYPES.Identifier ? model.findVariable(root) : undefined;
            escapes = target?.defs[0] !== undefined && !inside(target.defs[0].name);
          }
        }
        if (!escapes) {
          // Deferred callbacks run after the transaction callback has returned.
          for (let current: TSESTree.Node | undefined = identifier.parent; current != null && current !== callback; current = current.parent) {
            if (isFunctionNode(current) && current.parent.type === AST_NODE_TYPES.CallExpression && DEFERRING_CALLS.test(getStaticName(current.parent.callee))) {
              escapes = true;
            }
          }
        }
        if (escapes && !reported.has(identifier)) {
          reported.add(identifier);
          context.report({ node: identifier, messageId: 'handleEscapes', data: { transaction: parameter.name } });
        }
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
        const model = getDbModel(
          { ast: program, scopeManager: sourceCode.scopeManager, parserServices: getTypeServices(context) },
          {
            ...(options.handlePattern !== undefined && { handlePattern: options.handlePattern }),
            ...(options.libraries !== undefined && { libraries: options.libraries }),
          },
        );
        const scopes = getScopes(model);
        if (scopes.length === 0) return;
        for (const call of calls) {
          const scope = getInnermostScope(scopes, call);
          if (scope === undefined) continue;
          const query = model.getQuery(call);
          if (query !== undefined) {
            checkQuery(query, scope);
            continue;
          }
          const transaction = model.getTransaction(call);
          if (transaction !== undefined) {
            if (isOtherHandle(transaction.handle, scope) && transaction.handle.kind !== 'transaction') reportOuterHandle(transaction.handle, scope, transaction.library);
            continue;
          }
          if (call.type === AST_NODE_TYPES.CallExpression && model.getTransactionControl(call) === undefined) {
            checkArguments(call, scope, model);
            checkHelper(call, scope, model);
          }
        }
        for (const scope of scopes) checkEscapes(scope, model);
      },
    };
  },
});
