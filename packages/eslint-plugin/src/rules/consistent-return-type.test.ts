import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { createRuleTester } from '../../test/rule-tester.js';
import rule, { type MessageIds, type Options } from './consistent-return-type.js';

// Shared cases run twice, without and with type information: types may only sharpen, never contradict.
const sharedValid: (string | ValidTestCase<Options>)[] = [
  // members implementing an interface of the module copy its contract, reviewed where the interface is written
  `
interface OrderInterceptor {
  willAdjustOrderLine(line: { fromBundle: boolean }): void | string;
}
export class BundleInterceptor implements OrderInterceptor {
  willAdjustOrderLine(line) {
    if (line.fromBundle) return 'Cannot adjust bundle items';
    return;
  }
}
`,
  // the optional-lookup idiom: an object or null
  `
function getUser(id) {
  if (!id) return null;
  return { id };
}
`,
  `
function label(order) {
  if (!order) return undefined;
  return \`Order \${order.id}\`;
}
`,
  // one class of result
  `
function isPaid(order) {
  return order.status === 'paid';
}
`,
  `
function compare(a, b) {
  if (a === b) return true;
  if (a == null) return false;
  return a.version > b.version;
}
`,
  `
function summary(count) {
  if (count === 1) return 'one item';
  return \`\${count} items\`;
}
`,
  `
class Query {
  where(condition) {
    if (!condition) return this;
    this.conditions.push(condition);
    return this;
  }
}
`,
  // string tokens of a union are data, not messages
  `
function width(box) {
  if (box.fit) return 'auto';
  return box.columns * 8;
}
`,
  // unknown expressions are not guessed: a guarded name is truthy, but may be a string
  `
function find(orders, id) {
  const order = orders.get(id);
  if (!order) return 'order not found';
  return order;
}
`,
  // names bound by let may change after their guard
  `
function pick(items) {
  let item = items[0];
  if (!item) return false;
  item = item.next;
  return item;
}
`,
  `
function pick(order) {
  return order ? order : 'not found';
}
`,
  // nested functions: their returns belong to them
  `
function outer(items) {
  const empty = () => null;
  items.forEach((item) => {
    if (!item) return;
    console.log(item);
  });
  return items.length > 0 && empty !== null;
}
`,
  `
function outer(order) {
  const check = () => order.total > 0;
  if (!order) return null;
  return { check };
}
`,
  // generators
  `
function* paidOrders(orders) {
  for (const order of orders) if (order.paid) yield order;
  if (orders.length === 0) return null;
  return orders.length > 1;
}
`,
  // overload implementations
  `
function parse(input: string): number;
function parse(input: number): string;
function parse(input: string | number) {
  if (typeof input === 'string') return input.length;
  return 'not a string';
}
`,
  `
class Codec {
  decode(input: string): number;
  decode(input: number): string;
  decode(input: string | number) {
    if (typeof input === 'string') return input.length;
    return 'not a string';
  }
}
`,
  // type predicates and assertion functions
  `
function isKnown(value: unknown): value is string {
  if (value == null) return;
  return typeof value === 'string';
}
`,
  `
function assertPaid(order: { paid: boolean }): asserts order is { paid: true } {
  if (!order.paid) throw new Error('not paid');
}
`,
  // throwing instead of returning an error
  `
function getOrder(orders, id) {
  const order = orders.get(id);
  if (!order) throw new Error(\`Order \${id} not found\`);
  return order;
}
`,
  `
function load(id) {
  if (!id) return Promise.reject(new Error('id is required'));
  return Promise.resolve({ id });
}
`,
  // early-return Express handlers: the result is ignored
  `
app.post('/orders', (req, res) => {
  if (!req.body) return res.status(400).json({ error: 'missing body' });
  res.status(201).json({ ok: true });
});
`,
  `
export async function createOrder(req, res) {
  if (!req.body.items) return res.status(400).json({ error: 'no items' });
  const order = await orders.create(req.body);
  res.status(201).json(order);
}
`,
  `
router.get('/orders/:id', async (req, res, next) => {
  try {
    const order = await orders.find(req.params.id);
    if (!order) return res.sendStatus(404);
    res.json(order);
  } catch (error) {
    return next(error);
  }
});
`,
  // Hono handlers: every result is a response
  `
app.get('/orders/:id', async (c) => {
  const order = await findOrder(c.req.param('id'));
  if (!order) return c.json({ error: 'not found' }, 404);
  return c.json(order, 200);
});
`,
  // callbacks whose result is ignored or only tested
  `
function readConfig(path, callback) {
  fs.readFile(path, (error, data) => {
    if (error) return callback(error);
    callback(null, JSON.parse(data));
  });
}
`,
  `
const ready = new Promise((resolve, reject) => {
  if (failed) return reject(new Error('failed'));
  resolve(true);
});
`,
  `
const firstPaid = orders.find((order) => {
  if (!order) return;
  return order.paid === true;
});
`,
  // arrow expression bodies, ternaries and ??
  `
const toLabel = (order) => (order ? order.name : null);
const nickname = (user) => user.nickname ?? null;
const count = (order) => order?.items.length ?? 0;
`,
  // getters, constructors, setters, object-literal methods
  `
class Cart {
  get total() {
    return this.items.length;
  }
  constructor(items) {
    if (!items) return;
    this.items = items;
  }
  set owner(value) {
    if (!value) return;
    this._owner = value;
  }
}
`,
  `
const repository = {
  find(id) {
    if (!id) return null;
    return { id };
  },
};
`,
  // declared return types that are clear
  `
function first<T>(items: T[]): T | undefined {
  return items[0];
}
`,
  `
interface User { id: string }
async function findUser(id: string): Promise<User | null> {
  if (!id) return null;
  return { id };
}
`,
  `
function pay(amount: number): { ok: true; id: string } | { ok: false; error: string } {
  if (amount <= 0) return { ok: false, error: 'invalid amount' };
  return { ok: true, id: 'p_1' };
}
`,
  `
function read(): string | Buffer | string[] {
  return 'text';
}
`,
  `
function firstPositive(values: number[]): number | undefined {
  for (const value of values) if (value > 0) return value;
}
`,
  // nothing returned, or only a call that may return nothing
  `
function log(message) {
  if (!message) return;
  console.log(message);
}
`,
  `
class Worker {
  async run(job) {
    if (!job.data) return this.fail(job, 'no data');
    await this.process(job);
  }
}
`,
  // ends that are not reached
  `
function sign(side: 'buy' | 'sell') {
  switch (side) {
    case 'buy':
      return 1;
    case 'sell':
      return -1;
  }
}
`,
  `
function code(error) {
  if (error.status) return error.status;
  assertNever(error);
}
`,
  `
function retry(task) {
  for (;;) {
    const result = task();
    if (result.done) return result.value;
  }
}
`,
  // options
  {
    code: `
function isSettled(payment) {
  if (!payment) return null;
  return payment.settledAt !== undefined;
}
`,
    options: [{'allowedMixes': [['boolean', 'absent']]}],
  },
  {
    code: `
function isSettled(): boolean | null {
  return null;
}
`,
    options: [{'checkAnnotations': false}],
  },
  {
    code: `
function getUser(id) {
  if (!id) return 'missing id';
  return { id };
}
`,
    options: [{'allowedMixes': [['object', 'string']]}],
  },
  // side effects chained with && and ||
  `
const options = {
  logging: (message) => process.env.DEBUG?.includes('db') && logger.debug(message),
};
`,
  `
const shouldSkipCache = (res, vary) => (vary.length && vary.some((name) => name === '*')) || res.headers.has('Set-Cookie');
`,
  // a flag or an options object: both booleans beside data are not a sentinel
  `
function sslOption(mode) {
  switch (mode) {
    case 'disable':
      return false;
    case 'require':
      return true;
    default:
      return { rejectUnauthorized: false };
  }
}
`,
  // Proxy traps answer for every property
  `
const mock = new Proxy({}, {
  get(target, key) {
    if (key === 'isMock') return true;
    return () => undefined;
  },
});
`,
  // an explicit undefined makes nothing a deliberate result
  `
function diff(revision) {
  if (revision) {
    return revision.html ? revision.html.trim() : undefined;
  }
  return;
}
`,
  // an empty string is data, not a message
  `
function label(values) {
  if (values.length === 0) return '';
  return { values };
}
`,
  // overrides follow the contract of their base
  `
class WelcomeEmail extends BaseEmail {
  override beforeSend(props) {
    if (props.guest) return false;
    return { props };
  }
}
`,
  `
class WelcomeEmail extends BaseEmail {
  protected beforeSend(props) {
    if (props.guest) return false;
    return { props };
  }
}
`,
  `
const model: OAuthModel = {
  async getClient(clientId) {
    const client = await clients.find(clientId);
    if (!client) return false;
    return { id: client.id, grants: ['authorization_code'] };
  },
};
`,
  `
const condition = new PromotionCondition({
  check(ctx, order) {
    return order.lines.length ? { lines: order.lines } : false;
  },
});
`,
  `
import type { ProcessConfig } from './process.js';
function createConfig(): ProcessConfig {
  return {
    onStart: async (from) => {
      if (from === 'Draft') return 'cannot start a draft';
    },
  };
}
`,
  `
interface Role { id: string }
function findOne(id: string): Promise<Role | undefined> {
  return roles.findOne(id).then(async (role) => {
    if (role && (await canRead(role))) return role;
  });
}
`,
  // a declared return type is the contract: it is judged instead of the results
  `
class InvalidCredentialsError { readonly code = 'INVALID_CREDENTIALS'; }
async function verify(matches: boolean): Promise<boolean | InvalidCredentialsError> {
  if (!matches) return new InvalidCredentialsError();
  return true;
}
`,
  // map results filtered right after
  `
function changedLines(lines) {
  return lines
    .map((line) => {
      if (!line.changed) return;
      return { id: line.id, quantity: line.quantity };
    })
    .filter(Boolean);
}
`,
  // ambient declarations describe code written elsewhere
  `
declare module 'oauth-server' {
  interface Client { id: string }
  interface Model {
    getClient(id: string): Promise<Client | false>;
  }
}
`,
  // render functions mix JSX with null and false by design
  {
    code: `
function Badge({ order }) {
  if (!order) return null;
  return order.paid ? <span>paid</span> : false;
}
`,
    filename: 'react.tsx',
  },
  // CSS-in-JS: a tagged template's interpolations are governed by its tag; CSS strings are not messages
  `
const Button = styled.button\`
  \${(props) => !props.$compact && 'margin-bottom: 16px;'}
  padding: \${(props) => (props.$border === false ? 0 : '8px 0')};
  width: \${(props) => (props.$full ? \`calc(100% - \${props.$gap}px)\` : 0)};
\`;
`,
  `
function spacing(compact) {
  if (compact) return { margin: 0 };
  return 'margin-bottom: 16px;';
}
`,
  // a failure word inside another word, and one-word tokens, are not messages
  `
function icon(kind) {
  if (kind === 1) return ['success-standard', 'is-solid'];
  if (kind === 2) return 'note';
  if (kind === 3) return 'badge';
  if (kind === 4) return 'error';
  return { name: 'notifications' };
}
`,
  `
function settingKey(limit) {
  if (limit) return { limit };
  return 'timeout_ms';
}
`,
  // callbacks governed by a library's contract: methods other than data pipelines, and functions
  // inside object and array literals passed to a call or a JSX attribute
  `
async function askName() {
  return inquirer.prompt([
    {
      name: 'project',
      validate: (input) => {
        if (!input.length) return 'Please enter a project name';
        return true;
      },
    },
  ]);
}
`,
  {
    code: `
function EmailField({ control }) {
  return (
    <Controller
      control={control}
      name="email"
      rules={{ validate: (value) => (value.includes('@') ? true : 'Enter a valid email address') }}
    />
  );
}
`,
    filename: 'react.tsx',
  },
  {
    code: `
function MailEditor({ onSubmit }) {
  return (
    <Editor
      editorProps={{
        handleDOMEvents: {
          keydown: (view, event) => {
            if (event.key === 'Enter' && event.metaKey) {
              onSubmit();
              return true;
            }
          },
        },
      }}
    />
  );
}
`,
    filename: 'react.tsx',
  },
  `
const CampaignImage = Image.extend({
  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (node) => {
          if (!(node instanceof HTMLElement)) return false;
          return { src: node.getAttribute('src') };
        },
      },
    ];
  },
});
`,
  `
function firstBlock(doc, from, to) {
  let found = -1;
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isBlock) {
      found = pos;
      return false;
    }
  });
  return found;
}
`,
  `
function stripSchema(json) {
  return JSON.parse(json, (key, value) => {
    if (key === 'schema') return;
    return value;
  });
}
`,
  `
const complexity = (schema, query) =>
  getComplexity({
    schema,
    query,
    estimators: [
      (args) => {
        if (args.field.name.startsWith('__')) return 0;
        return;
      },
      simpleEstimator({ defaultComplexity: 1 }),
    ],
  });
`,
  `
const same = _.isEqualWith(a, b, (left, right) => {
  if (typeof left === 'function') return true;
});
`,
  {
    code: `
function ChoiceField({ control, field, preview }) {
  return (
    <Controller
      control={control}
      rules={
        preview
          ? {}
          : {
              validate: (value) => {
                if (field.required && !value.length) return 'Select all that apply';
                return true;
              },
            }
      }
    />
  );
}
`,
    filename: 'react.tsx',
  },
  `
function emailInput(register, keyPath, inputType) {
  return register(keyPath, {
    ...(inputType === 'email' && {
      validate: (value) => {
        if (!value) return true;
        return /^[^@]+@[^@]+$/.test(value) || 'Please enter a valid email address';
      },
    }),
  });
}
`,
  // functions in literals whose type is written: typed arrays, annotated results
  `
interface Rule {
  pattern: string;
  template(name: string, parent?: string): string | undefined;
}
class Factory {
  private rules: Rule[] = [
    {
      pattern: 'object',
      template: (name, parent) => {
        if (!parent?.includes('DeleteResponse')) return;
        return 'The name of the deleted object.';
      },
    },
  ];
}
const moreRules: Rule[] = [{ pattern: 'x', template(name, parent) { if (!parent) return; return name; } }];
`,
  `
import type { MarkSpec } from 'prosemirror-model';
class CommentMark {
  documentId = 'd_1';
  get schema(): MarkSpec {
    return {
      parseDOM: [
        {
          tag: 'span.comment-marker',
          getAttrs: (dom) => {
            if (dom.dataset.documentId !== this.documentId) return false;
            return { id: dom.id };
          },
        },
      ],
    };
  }
}
`,
  // three classes of data or more are one polymorphic value: a default by field type
  `
function defaultValue(type) {
  switch (type) {
    case 'string': return '';
    case 'int': return 0;
    case 'boolean': return false;
    default: return null;
  }
}
`,
  // a switch whose default never returns does not fall off the end
  `
function defaultValue(type: 'string' | 'boolean' | 'struct', isNullable?: boolean) {
  switch (type) {
    case 'string':
      return isNullable ? null : '';
    case 'boolean':
      return isNullable ? null : false;
    case 'struct':
      return {};
    default:
      assertNever(type);
  }
}
`,
  // a condition around a name narrows it: an optional flag tested for undefined is a boolean
  `
function shouldEscape(wrapBackticks: boolean, escape?: boolean) {
  return escape === undefined ? !wrapBackticks : escape;
}
`,
  // a declared any or unknown says the results may be anything
  `
function defaultArgValue(arg): any {
  if (arg.list) return [];
  if (arg.type === 'boolean') return false;
  return null;
}
`,
  // a call that never returns ends its path, also at the end of a catch
  `
function loadConfig(path) {
  try {
    return { port: Number(fs.readFileSync(path, 'utf8')) };
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
`,
  // map results filtered after .flat(), or out of a flatMap
  `
const links = regions
  .map((region) =>
    region.providers.map((provider) => {
      if (existing.has(provider)) return;
      return { regionId: region.id, provider };
    }),
  )
  .flat()
  .filter(Boolean);
const moreLinks = regions
  .flatMap((region) =>
    region.providers.map((provider) => {
      if (existing.has(provider)) return;
      return { regionId: region.id, provider };
    }),
  )
  .filter(Boolean);
const rowLinks = rows.map((row) => { if (!row.ok) return; return { id: row.id }; }).flat(2).filter(Boolean);
`,
  // annotations: token literal types are discriminants; blobs, form data and string tuples are forms of a string
  `
async function runInSandbox(script: string): Promise<{ ok: boolean; output: string } | 'retry'> {
  if (!script) return 'retry';
  return { ok: true, output: script };
}
`,
  `
function requestBody(kind: string, text: string): FormData | Blob | string | null {
  if (kind === 'form') return new FormData();
  if (kind === 'blob') return new Blob([text]);
  return text;
}
function query(params: Record<string, string>): URLSearchParams | string {
  return new URLSearchParams(params);
}
function timelineIcon(kind: string): string | [string, string] | undefined {
  if (kind === 'note') return 'note';
  return undefined;
}
`,
];

const sharedInvalid: InvalidTestCase<MessageIds, Options>[] = [
  // an interface from another module governs only what it declares, which is unknown without types
  {
    code: `
import type { OnModuleInit } from '@nestjs/common';
export class PaymentsService implements OnModuleInit {
  onModuleInit() {}
  async charge(id: string): Promise<{ id: string } | false> {
    return id === '' ? false : { id };
  }
}
`,
    errors: [{ messageId: 'ambiguousAnnotation' }],
  },
  // a public method the implemented interface of this module does not declare is the class's own
  {
    code: `
interface Named {
  name: string;
}
export class UserRepository implements Named {
  name = 'users';
  async find(id: string): Promise<{ id: string } | false> {
    return id === '' ? false : { id };
  }
}
`,
    errors: [{ messageId: 'ambiguousAnnotation' }],
  },
  // triState: boolean mixed with absent
  {
    code: `
function checkPaymentStatus(payment) {
  if (!payment) return null;
  if (payment.status === 'completed') return true;
  return false;
}
`,
    errors: [{ messageId: 'triState', line: 5, column: 3, endLine: 5, endColumn: 16 }],
  },
  {
    code: `
function isPaid(order) {
  if (!order) return;
  return order.status === 'paid';
}
`,
    errors: [{ messageId: 'triState', line: 4, column: 3, endLine: 4, endColumn: 34 }],
  },
  // async functions
  {
    code: `
async function isRefunded(id) {
  const refund = await refunds.find(id);
  if (!refund) return null;
  return refund.amount > 0;
}
`,
    errors: [{ messageId: 'triState', line: 5, column: 3, endLine: 5, endColumn: 28 }],
  },
  // arrow expression bodies, ternaries, parentheses
  {
    code: `
const isActive = (user) => (user ? user.active === true : null);
`,
    errors: [{ messageId: 'triState', line: 2, column: 29, endLine: 2, endColumn: 63 }],
  },
  {
    code: `
function isEnabled(feature) {
  return feature.on ? true : feature.off ? false : undefined;
}
`,
    errors: [{ messageId: 'triState', line: 3, column: 3, endLine: 3, endColumn: 62 }],
  },
  {
    code: `
function flags(order) {
  if (!order) return;
  if (order.a) return true;
  return false;
}
`,
    errors: [{ messageId: 'triState', line: 5, column: 3, endLine: 5, endColumn: 16 }],
  },
  // falling off the end counts as undefined
  {
    code: `
function state(order) {
  if (order.a) return true;
  if (order.b) return false;
}
`,
    errors: [{ messageId: 'triState', line: 2, column: 10, endLine: 2, endColumn: 15 }],
  },
  // class methods, getters, object-literal methods
  {
    code: `
class PaymentRepository {
  status(id) {
    if (!this.payments.has(id)) return null;
    if (this.payments.get(id).done) return true;
    return false;
  }
}
`,
    errors: [{ messageId: 'triState', line: 6, column: 5, endLine: 6, endColumn: 18 }],
  },
  {
    code: `
class Order {
  get isPaid() {
    if (!this.payment) return undefined;
    return this.payment.status === 'paid';
  }
}
`,
    errors: [{ messageId: 'triState', line: 5, column: 5, endLine: 5, endColumn: 43 }],
  },
  {
    code: `
const service = {
  isSettled(payment) {
    if (!payment) return null;
    return payment.settledAt !== undefined;
  },
};
`,
    errors: [{ messageId: 'triState', line: 5, column: 5, endLine: 5, endColumn: 44 }],
  },
  // nested functions are reported on their own
  {
    code: `
function outer(items) {
  const check = (item) => {
    if (!item) return null;
    return item.ok === true;
  };
  return items.map(check);
}
`,
    errors: [{ messageId: 'triState', line: 5, column: 5, endLine: 5, endColumn: 29 }],
  },
  // as, ! and comments
  {
    code: `
function isPaidAs(order) {
  if (!order) return null;
  return (order.paid as boolean);
}
`,
    errors: [{ messageId: 'triState', line: 4, column: 3, endLine: 4, endColumn: 34 }],
  },
  {
    code: `
function isShipped(order) {
  if (!order) return /* not found */ null;
  return /* shipped? */ order.shippedAt != null;
}
`,
    errors: [{ messageId: 'triState', line: 4, column: 3, endLine: 4, endColumn: 49 }],
  },
  // sentinelMixed: a false/true literal next to data
  {
    code: `
function total(order) {
  if (!order) return false;
  return order.quantity * 100;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 4, column: 3, endLine: 4, endColumn: 31 }],
  },
  {
    code: `
function balance(account) {
  if (!account) return false;
  return account.credits - account.debits;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 4, column: 3, endLine: 4, endColumn: 43 }],
  },
  {
    code: `
const loadOrder = async (id) => {
  if (!id) return false;
  return { id, items: [] };
};
`,
    errors: [{ messageId: 'sentinelMixed', line: 4, column: 3, endLine: 4, endColumn: 28 }],
  },
  {
    code: `
const pick = (result) => (result.ok ? { value: result.value } : false);
`,
    errors: [{ messageId: 'sentinelMixed', line: 2, column: 27, endLine: 2, endColumn: 70 }],
  },
  {
    code: `
function quantity(line) {
  return Number(line.quantity) || false;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 3, column: 3, endLine: 3, endColumn: 41 }],
  },
  {
    code: `
function itemCount(order) {
  if (!order) return false;
  return order.items!.length;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 4, column: 3, endLine: 4, endColumn: 30 }],
  },
  {
    code: `
function validate(input) {
  if (input.length > 100) return { error: 'too long' };
  return true;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 4, column: 3, endLine: 4, endColumn: 15 }],
  },
  // errorStringMixed: a message next to data
  {
    code: `
function getUser(id) {
  if (!id) return 'missing id';
  return { id };
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 4, column: 3, endLine: 4, endColumn: 17 }],
  },
  {
    code: `
function price(order, id) {
  if (!order) return \`Order \${id} not found\`;
  return order.total * 100;
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 4, column: 3, endLine: 4, endColumn: 28 }],
  },
  {
    code: `
const double = (amount) => (amount > 0 ? amount * 2 : 'invalid amount');
`,
    errors: [{ messageId: 'errorStringMixed', line: 2, column: 29, endLine: 2, endColumn: 71 }],
  },
  {
    code: `
function validate(input) {
  if (!input.email) return 'Email is required';
  if (!input.name) return \`Name is required\`;
  return true;
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 5, column: 3, endLine: 5, endColumn: 15 }],
  },
  {
    code: `
function parseAmount(text) {
  const amount = Number(text);
  if (Number.isNaN(amount)) return 'Error: ' + text;
  return Math.round(amount * 100);
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 5, column: 3, endLine: 5, endColumn: 35 }],
  },
  // implicitUndefined: a value on some paths, nothing on others
  {
    code: `
function discount(customer) {
  if (customer.vip) return 0.2;
}
`,
    errors: [{ messageId: 'implicitUndefined', line: 2, column: 10, endLine: 2, endColumn: 18 }],
  },
  {
    code: `
function toDto(order) {
  if (!order) return;
  return { id: order.id };
}
`,
    errors: [{ messageId: 'implicitUndefined', line: 4, column: 3, endLine: 4, endColumn: 27 }],
  },
  {
    code: `
const summarize = (order) => {
  if (order.items) return { count: order.items.length };
};
`,
    errors: [{ messageId: 'implicitUndefined', line: 2, column: 27, endLine: 2, endColumn: 29 }],
  },
  {
    code: `
async function getUser(id) {
  try {
    const user = await users.find(id);
    return user;
  } catch (error) {
    logger.error(error);
  }
}
`,
    errors: [{ messageId: 'implicitUndefined', line: 2, column: 16, endLine: 2, endColumn: 23 }],
  },
  {
    code: `
const cart = {
  get total() {
    if (!this.items) return;
    return 1;
  },
};
`,
    errors: [{ messageId: 'implicitUndefined', line: 5, column: 5, endLine: 5, endColumn: 14 }],
  },
  // a lone boolean beside an explicit missing result is a tri-state too
  {
    code: `
async function markPaid(repo, id) {
  const order = await repo.find(id);
  if (!order) return null;
  await repo.markPaid(order.id);
  return true;
}
`,
    errors: [{ messageId: 'triState', line: 6, column: 3, endLine: 6, endColumn: 15 }],
  },
  {
    code: `
function settleRefund(refund) {
  if (refund.pending) return undefined;
  return false;
}
`,
    errors: [{ messageId: 'triState', line: 4, column: 3, endLine: 4, endColumn: 16 }],
  },
  // ambiguousAnnotation: the declared type encodes the ambiguity
  {
    code: `
function settle(payment): boolean | null {
  return payment ? payment.ok === true : null;
}
`,
    errors: [{ messageId: 'ambiguousAnnotation', line: 2, column: 27, endLine: 2, endColumn: 41 }],
  },
  {
    code: `
async function isCaptured(id: string): Promise<boolean | undefined> {
  return id.length > 0;
}
`,
    errors: [{ messageId: 'ambiguousAnnotation', line: 2, column: 40, endLine: 2, endColumn: 68 }],
  },
  {
    code: `
interface Order { id: string }
function findOrder(id: string): Order | false {
  return id ? { id } : false;
}
`,
    errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 33, endLine: 3, endColumn: 46 }],
  },
  {
    code: `
interface User { id: string }
function loadUser(id: string): User | string {
  return id ? { id } : 'not found';
}
`,
    errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 32, endLine: 3, endColumn: 45 }],
  },
  {
    code: `
const validate = (input: string): true | string => input.length > 0 || 'input is empty';
`,
    errors: [{ messageId: 'ambiguousAnnotation', line: 2, column: 35, endLine: 2, endColumn: 48 }],
  },
  {
    code: `
function validateName(name: string): boolean | string {
  if (!name) return 'Name is required';
  return true;
}
`,
    errors: [{ messageId: 'ambiguousAnnotation', line: 2, column: 38, endLine: 2, endColumn: 54 }],
  },
  // contracts without a body: abstract and optional methods, interface members
  {
    code: `
interface Props { id: string }
class BaseEmail {
  protected beforeSend?(props: Props): Promise<Props | false>;
}
`,
    errors: [{ messageId: 'ambiguousAnnotation', line: 4, column: 40, endLine: 4, endColumn: 62 }],
  },
  {
    code: `
abstract class Repository {
  abstract isPaid(id: string): Promise<boolean | undefined>;
}
`,
    errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 32, endLine: 3, endColumn: 60 }],
  },
  {
    code: `
interface Validator {
  validate(input: string): true | string;
}
`,
    errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 28, endLine: 3, endColumn: 41 }],
  },
  // options
  {
    code: `
function getUser(id) {
  if (!id) return null;
  return { id };
}
`,
    options: [{'allowNullable': false}],
    errors: [{ messageId: 'nullableMixed', line: 4, column: 3, endLine: 4, endColumn: 17 }],
  },
  {
    code: `
interface User { id: string }
function findUser(id: string): Promise<User | null> {
  return Promise.resolve(id ? { id } : null);
}
`,
    options: [{'allowNullable': false}],
    errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 32, endLine: 3, endColumn: 52 }],
  },
  {
    code: `
function load(id) {
  if (!id) return null;
  if (id === 'x') return false;
  return { id };
}
`,
    options: [{'allowedMixes': [['boolean', 'absent']]}],
    errors: [{ messageId: 'sentinelMixed', line: 5, column: 3, endLine: 5, endColumn: 17 }],
  },
  {
    code: `
function settle(payment): boolean | null {
  if (!payment) return null;
  return payment.ok === true;
}
`,
    options: [{'checkAnnotations': false}],
    errors: [{ messageId: 'triState', line: 4, column: 3, endLine: 4, endColumn: 30 }],
  },
  // callbacks of bare calls and data pipelines, and literals nobody declares, are still judged
  {
    code: `
const order = withRetry(() => {
  if (!ready) return false;
  return { id: 'o_1' };
});
`,
    errors: [{ messageId: 'sentinelMixed', line: 4, column: 3, endLine: 4, endColumn: 24 }],
  },
  {
    code: `
function labels(orders) {
  return orders.map((order) => {
    if (!order.ok) return 'invalid order';
    return { id: order.id };
  });
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 5, column: 5, endLine: 5, endColumn: 29 }],
  },
  {
    code: `
function load(id) {
  return fetchOrder(id).then((row) => {
    if (!row) return false;
    return { id: row.id };
  });
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 5, column: 5, endLine: 5, endColumn: 27 }],
  },
  {
    code: `
export const repository = {
  find(id) {
    if (!id) return false;
    return { id };
  },
  handlers: [
    {
      run: (job) => {
        if (!job) return 'job not found';
        return { job };
      },
    },
  ],
};
`,
    errors: [
      { messageId: 'sentinelMixed', line: 5, column: 5, endLine: 5, endColumn: 19 },
      { messageId: 'errorStringMixed', line: 11, column: 9, endLine: 11, endColumn: 24 },
    ],
  },
  {
    code: `
const rules = strict
  ? {
      validate: (value) => {
        if (!value) return 'Value is required';
        return { value };
      },
    }
  : {};
`,
    errors: [{ messageId: 'errorStringMixed', line: 6, column: 9, endLine: 6, endColumn: 26 }],
  },
  {
    code: `
const pairs = rows.map((row) => { if (!row.ok) return; return { id: row.id }; }).flat();
`,
    errors: [{ messageId: 'implicitUndefined', line: 2, column: 56, endLine: 2, endColumn: 78 }],
  },
  // messages: prose in templates, error codes in parts or with a capital
  {
    code: `
function user(id, found) {
  if (!found) return \`no user \${id}\`;
  return { id };
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 4, column: 3, endLine: 4, endColumn: 17 }],
  },
  {
    code: `
function charge(card) {
  if (!card) return 'NOT_FOUND';
  if (card.expired) return 'cardExpired';
  return { id: card.id };
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 5, column: 3, endLine: 5, endColumn: 26 }],
  },
  {
    code: `
function session(token) {
  if (!token) return 'Forbidden';
  return { token };
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 4, column: 3, endLine: 4, endColumn: 20 }],
  },
  // a catch that only logs falls off the end
  {
    code: `
function loadConfig(path) {
  try {
    return { port: Number(fs.readFileSync(path, 'utf8')) };
  } catch (error) {
    console.error(error);
  }
}
`,
    errors: [{ messageId: 'implicitUndefined', line: 2, column: 10, endLine: 2, endColumn: 20 }],
  },
  // false beside one other class of data is still a sentinel
  {
    code: `
function fallback(type) {
  if (type === 'string') return '';
  return false;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 4, column: 3, endLine: 4, endColumn: 16 }],
  },
  // prose literal types and open strings beside an entity are still ambiguous
  {
    code: `
interface User { id: string }
interface Canvas { width: number }
declare function lookup(id: string): Promise<User>;
declare function draw(id: string): Canvas;
async function findUser(id: string): Promise<User | 'user not found'> {
  return lookup(id);
}
function render(id: string): Canvas | string {
  return draw(id);
}
`,
    errors: [
      { messageId: 'ambiguousAnnotation', line: 6, column: 38, endLine: 6, endColumn: 70 },
      { messageId: 'ambiguousAnnotation', line: 9, column: 30, endLine: 9, endColumn: 45 },
    ],
  },
  // names read from their declarations: a guarded name, an annotated parameter, a const's initializer
  {
    code: `
function findUser(users, id) {
  const user = users.get(id);
  if (!user) return false;
  return user;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 5, column: 3, endLine: 5, endColumn: 15 }],
  },
  {
    code: `
function findUser(users, id) {
  const user = users.get(id);
  if (!user) return Promise.resolve(false);
  return Promise.resolve(user);
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 5, column: 3, endLine: 5, endColumn: 32 }],
  },
  {
    code: `
interface User {
  id: string;
}
function loadUser(user: User | undefined) {
  if (!user) return 'user not found';
  return user;
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 7, column: 3, endLine: 7, endColumn: 15 }],
  },
  {
    code: `
function memberships(collection) {
  const ids = [];
  for (const membership of collection.memberships) ids.push(membership.id);
  return ids.length > 0 ? ids : false;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 5, column: 3, endLine: 5, endColumn: 39 }],
  },
  {
    code: `
function findUser(users, id) {
  const user = users.get(id);
  if (user) return user;
  return false;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 5, column: 3, endLine: 5, endColumn: 16 }],
  },
  {
    code: `
function summary(items) {
  const result = { count: items.length };
  if (!items.length) return false;
  return result;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 5, column: 3, endLine: 5, endColumn: 17 }],
  },
  {
    code: `
async function findOrder(db, id) {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return 'order not found';
  return row;
}
`,
    errors: [{ messageId: 'errorStringMixed', line: 5, column: 3, endLine: 5, endColumn: 14 }],
  },
  {
    code: `
async function findOrder(prisma, id) {
  const order = await prisma.order.findUnique({ where: { id } });
  if (order === null) return false;
  return order;
}
`,
    errors: [{ messageId: 'sentinelMixed', line: 5, column: 3, endLine: 5, endColumn: 16 }],
  },
];

// A member of an interface declared through a namespace: its contract is known only with types.
const namespacedImplementation = `
declare namespace Auth {
  interface Strategy {
    authenticate(data: unknown): Promise<{ id: string } | false>;
  }
}
export class GoogleStrategy implements Auth.Strategy {
  async authenticate(data: unknown): Promise<{ id: string } | false> {
    return data === null ? false : { id: String(data) };
  }
}
`;

createRuleTester().run('consistent-return-type', rule, {
  valid: sharedValid,
  invalid: [
    ...sharedInvalid,
    // without types, what an interface declared elsewhere (here through a namespace) holds is unknown
    {
      code: namespacedImplementation,
      errors: [{ messageId: 'ambiguousAnnotation' }],
    },
    // without types, a property of unknown type is a value but not a known boolean
    {
      code: `
interface Order { id: string; paid: boolean }
function isPaid(order: Order | undefined) {
  if (!order) return;
  return order.paid;
}
`,
      errors: [{ messageId: 'implicitUndefined', line: 5, column: 3, endLine: 5, endColumn: 21 }],
    },
  ],
});

createRuleTester({ typed: true }).run('consistent-return-type (typed)', rule, {
  valid: [
    ...sharedValid,
    // implementations of a contract declared elsewhere follow it
    // with types, a member of an implemented interface declared elsewhere follows it
    namespacedImplementation,
    `
declare abstract class BaseEmail {
  protected beforeSend(id: string): Promise<{ id: string } | false>;
}
export class WelcomeEmail extends BaseEmail {
  protected async beforeSend(id: string) {
    if (!id) return false;
    return { id };
  }
}
`,
    // Kysely executeTakeFirst(): T | undefined is the lookup idiom
    `
import { Kysely } from 'kysely';
interface DB { orders: { id: string; paid: boolean; total: number } }
declare const db: Kysely<DB>;
export async function findOrder(id: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}
`,
    `
import { Kysely } from 'kysely';
interface DB { orders: { id: string; paid: boolean; total: number } }
declare const db: Kysely<DB>;
export async function orderTotal(id: string) {
  const row = await db.selectFrom('orders').select('total').where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return row.total;
}
`,
    // Hono handlers: c.json(a, 200) and c.json(b, 404) are both responses
    `
import { Hono } from 'hono';
declare function findOrder(id: string): Promise<{ id: string } | undefined>;
const app = new Hono();
app.get('/orders/:id', async (c) => {
  const order = await findOrder(c.req.param('id'));
  if (!order) return c.json({ error: 'not found' }, 404);
  return c.json(order, 200);
});
`,
    `
import type { Context } from 'hono';
declare function findOrder(id: string): Promise<{ id: string } | undefined>;
export async function getOrder(c: Context) {
  const order = await findOrder(c.req.param('id'));
  if (!order) return c.text('order not found', 404);
  return c.json(order);
}
`,
    // Express-style handlers: typed as returning void, or returning the response early
    `
interface Res { status(code: number): Res; json(body: unknown): Res }
type Handler = (req: { body?: unknown }, res: Res) => void;
export const create: Handler = (req, res) => {
  if (!req.body) return res.status(400).json({ error: 'missing body' });
  res.json({ ok: true });
};
`,
    `
interface Res { status(code: number): Res; json(body: unknown): Res }
export function createOrder(req: { body?: unknown }, res: Res) {
  if (!req.body) return res.status(400).json({ error: 'missing body' });
  res.status(201).json({ ok: true });
}
`,
    // generic pass-through
    `
export function firstOr<T>(items: T[], fallback: T) {
  if (items.length === 0) return undefined;
  return items[0] ?? fallback;
}
`,
    // discriminated unions of objects
    `
export function pay(amount: number) {
  if (amount <= 0) return { ok: false as const, error: 'declined' };
  return { ok: true as const, id: 'p_1' };
}
`,
    // never paths
    `
function fail(message: string): never {
  throw new Error(message);
}
export function getOrder(orders: Map<string, { id: string }>, id: string) {
  const order = orders.get(id);
  if (!order) return fail(\`order \${id} not found\`);
  return order;
}
`,
    `
function unknownKind(kind: never): never {
  throw new Error(\`unknown kind \${String(kind)}\`);
}
export function label(kind: 'a' | 'b') {
  if (kind === 'a') return 'A';
  if (kind === 'b') return 'B';
  unknownKind(kind);
}
`,
    `
type Side = 'buy' | 'sell';
export function sign(side: Side) {
  switch (side) {
    case 'buy':
      return 1;
    case 'sell': {
      return -1;
    }
  }
}
`,
    // lookups and normalised flags
    `
export function find(orders: Map<string, { id: string }>, id: string) {
  return orders.get(id);
}
`,
    `
export function isVerbose(options: { verbose?: boolean }) {
  return options.verbose ?? false;
}
`,
    `
export class OrderRepository {
  constructor(private readonly orders: Map<string, { id: string }>) {}
  findById(id: string) {
    const order = this.orders.get(id);
    if (!order) return null;
    return order;
  }
}
`,
    // polymorphic values and any are not classified
    `
export function columns(layout: { auto: boolean; count: number }) {
  return layout.auto ? 'auto' : layout.count;
}
`,
    `
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export function read(value: Json, key: string) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value[key];
}
`,
    `
export function parse(text: string) {
  if (!text) return null;
  return JSON.parse(text);
}
`,
    // a call returning void ends the function, it returns nothing
    `
declare const logger: { warn(message: string): void };
export function warnOnce(seen: Set<string>, message: string) {
  if (seen.has(message)) return;
  seen.add(message);
  return logger.warn(message);
}
`,
    // callbacks typed to return void
    `
declare function visitEach(ids: string[], visit: (id: string) => void): void;
visitEach(['o_1'], (id) => {
  if (!id) return false;
  return { id };
});
`,
  ],
  invalid: [
    ...sharedInvalid,
    // with types, TypeScript tells whether a final switch without default covers every case
    {
      code: `
export function currencySymbol(currency: string) {
  switch (currency) {
    case 'USD':
      return '$';
    case 'EUR':
      return '€';
  }
}
`,
      errors: [{ messageId: 'implicitUndefined', line: 2, column: 17, endLine: 2, endColumn: 31 }],
    },
    // with types, the same property is known to be a boolean
    {
      code: `
interface Order { id: string; paid: boolean }
function isPaid(order: Order | undefined) {
  if (!order) return;
  return order.paid;
}
`,
      errors: [{ messageId: 'triState', line: 5, column: 3, endLine: 5, endColumn: 21 }],
    },
    // callbacks to generic functions are not held to anything
    {
      code: `
export function flags(orders: { paid?: boolean }[]) {
  return orders.map((order) => {
    if (!order) return null;
    return order.paid === true;
  });
}
`,
      errors: [{ messageId: 'triState', line: 5, column: 5, endLine: 5, endColumn: 32 }],
    },
    // contracts are reported where they are written, not in each implementation
    {
      code: `
interface Token { accessToken: string }
interface Model { getAccessToken(token: string): Promise<Token | false> }
export const model: Model = {
  async getAccessToken(token) {
    if (!token) return false;
    return { accessToken: token };
  },
};
`,
      errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 50, endLine: 3, endColumn: 72 }],
    },
    {
      code: `
export abstract class BaseEmail {
  protected abstract beforeSend(id: string): Promise<{ id: string } | false>;
}
`,
      errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 46, endLine: 3, endColumn: 77 }],
    },
    {
      code: `
interface PaymentGateway {
  isCaptured(id: string): Promise<boolean | null>;
}
export type { PaymentGateway };
`,
      errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 27, endLine: 3, endColumn: 50 }],
    },
    // Kysely executeTakeFirst() narrowed to a boolean column
    {
      code: `
import { Kysely } from 'kysely';
interface DB { orders: { id: string; paid: boolean } }
declare const db: Kysely<DB>;
export async function isOrderPaid(id: string) {
  const row = await db.selectFrom('orders').select('paid').where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return row.paid;
}
`,
      errors: [{ messageId: 'triState', line: 8, column: 3, endLine: 8, endColumn: 19 }],
    },
    // union members are classified one by one
    {
      code: `
export function isActive(user?: { active: boolean }) {
  return user?.active;
}
`,
      errors: [{ messageId: 'triState', line: 3, column: 3, endLine: 3, endColumn: 23 }],
    },
    {
      code: `
interface Order { id: string }
declare const orders: Map<string, Order>;
export function findOrder(id: string) {
  const found = orders.get(id);
  return found ?? false;
}
`,
      errors: [{ messageId: 'sentinelMixed', line: 6, column: 3, endLine: 6, endColumn: 25 }],
    },
    {
      code: `
interface User { id: string; name: string }
export function describeUser(user: User | undefined) {
  return user ? user : 'not found';
}
`,
      errors: [{ messageId: 'errorStringMixed', line: 4, column: 3, endLine: 4, endColumn: 36 }],
    },
    {
      code: `
interface Order { id: string }
declare const orders: Map<string, Order>;
export function loadOrder(id: string) {
  const order = orders.get(id);
  if (!order) return false;
  return order;
}
`,
      errors: [{ messageId: 'sentinelMixed', line: 7, column: 3, endLine: 7, endColumn: 16 }],
    },
    {
      code: `
const NOT_FOUND = 'order not found';
export function orderOrMessage(order?: { id: string }) {
  if (!order) return NOT_FOUND;
  return order;
}
`,
      errors: [{ messageId: 'errorStringMixed', line: 5, column: 3, endLine: 5, endColumn: 16 }],
    },
    // promises are classified by the value they settle to
    {
      code: `
declare const payments: { isCaptured(id: string): Promise<boolean> };
export async function captured(id: string) {
  if (!id) return undefined;
  return payments.isCaptured(id);
}
`,
      errors: [{ messageId: 'triState', line: 5, column: 3, endLine: 5, endColumn: 34 }],
    },
    {
      code: `
declare function fetchPaid(id: string): Promise<boolean>;
export function paidLater(id: string) {
  if (!id) return Promise.resolve(null);
  return fetchPaid(id);
}
`,
      errors: [{ messageId: 'triState', line: 5, column: 3, endLine: 5, endColumn: 24 }],
    },
    {
      code: `
export async function total(items: { price: number }[]) {
  if (items.length === 0) return;
  return items.reduce((sum, item) => sum + item.price, 0);
}
`,
      errors: [{ messageId: 'implicitUndefined', line: 4, column: 3, endLine: 4, endColumn: 59 }],
    },
    // class methods
    {
      code: `
export class PaymentService {
  constructor(private readonly captured: Map<string, boolean>) {}
  isCaptured(id: string) {
    if (!this.captured.has(id)) return null;
    return this.captured.get(id);
  }
}
`,
      errors: [{ messageId: 'triState', line: 6, column: 5, endLine: 6, endColumn: 34 }],
    },
    // aliases in annotations are resolved
    {
      code: `
type MaybePaid = boolean | null;
export function paymentState(paid: boolean): MaybePaid {
  return paid;
}
`,
      errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 46, endLine: 3, endColumn: 55 }],
    },
    {
      code: `
type Lookup = { id: string } | false;
export function lookup(id: string): Lookup {
  return id ? { id } : false;
}
`,
      errors: [{ messageId: 'ambiguousAnnotation', line: 3, column: 37, endLine: 3, endColumn: 43 }],
    },
  ],
});
