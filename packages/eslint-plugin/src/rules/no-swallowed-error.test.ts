import { expect, test } from 'vitest';
import { createRuleTester } from '../../test/rule-tester.js';
import rule from './no-swallowed-error.js';

const ruleTester = createRuleTester();
const typedRuleTester = createRuleTester({ typed: true });

ruleTester.run('no-swallowed-error', rule, {
  valid: [
    // Rethrowing, or throwing a new error that carries the caught one
    `
async function pay(order) {
  try {
    await gateway.charge(order);
  } catch (error) {
    throw error;
  }
}
`,
    `
try {
  await gateway.charge(order);
} catch (error) {
  throw new PaymentError('charge failed', { cause: error });
}
`,
    `
try {
  await gateway.charge(order);
} catch (error) {
  throw new GatewayError(error);
}
`,
    // Reporting with the error object
    `
try {
  await gateway.charge(order);
} catch (error) {
  logger.error({ err: error, orderId: order.id }, 'charge failed');
  return null;
}
`,
    'try { sync(); } catch (e) { console.error(e); return false; }',
    'try { sync(); } catch (e) { Sentry.captureException(e); }',
    'try { sync(); } catch (e) { reportError(e); }',
    'try { sync(); } catch (e) { span.recordException(e as Error); span.end(); }',
    "try { sync(); } catch (e) { logger.log('error', 'sync failed', e); }",
    'try { sync(); } catch (e) { this.logger?.warn(`sync failed`, { error: e }); }',
    'try { sync(); } catch (e) { logger.error(e.stack); }',
    // Passing the error on
    `
app.get('/orders/:id', async (req, res, next) => {
  try {
    res.json(await orders.find(req.params.id));
  } catch (err) {
    next(err);
  }
});
`,
    `
function read(path, cb) {
  try {
    cb(null, readFileSync(path));
  } catch (err) {
    cb(err);
  }
}
`,
    'new Promise((resolve, reject) => { try { resolve(run()); } catch (e) { reject(e); } });',
    'function f() { try { return run(); } catch (e) { return e; } }',
    'function f() { try { return { ok: true, value: run() }; } catch (e) { return { ok: false, error: e }; } }',
    'function f() { try { return ok(run()); } catch (e) { return err(e); } }',
    'async function f() { try { return await run(); } catch (e) { return Promise.reject(e); } }',
    'function f() { const errors = []; for (const item of items) { try { handle(item); } catch (e) { errors.push(e); } } return errors; }',
    `
app.post('/payments', async (c) => {
  try {
    return c.json(await payments.create(await c.req.json()), 201);
  } catch (error) {
    return c.json({ error: toProblem(error) }, 500);
  }
});
`,
    // Data taken from the error goes on (to the caller or the client): not reported by this rule
    "app.get('/x', async (req, res) => { try { res.json(await load()); } catch (e) { res.status(500).json({ error: e.message }); } });",
    'function f() { try { return run(); } catch (e) { return { ok: false, message: String(e) }; } }',
    // A reporter without the error is fine when the error itself goes on
    "try { await charge(); } catch (e) { logger.error('charge failed'); throw e; }",
    // Discriminating on the error: handling a named expected failure is deliberate
    `
async function findOrder(db, id) {
  try {
    return await db.selectFrom('orders').where('id', '=', id).selectAll().executeTakeFirstOrThrow();
  } catch (error) {
    if (error instanceof NoResultError) return null;
    throw error;
  }
}
`,
    'try { sync(); } catch (e) { if (!(e instanceof NotFoundError)) throw e; return null; }',
    "try { await unlink(path); } catch (e) { if (e.code !== 'ENOENT') throw e; }",
    `
try {
  await users.insert(user);
} catch (e) {
  switch (e.code) {
    case '23505':
      return conflict();
    default:
      throw e;
  }
}
`,
    'try { return await api.get(url); } catch (e) { if (axios.isAxiosError(e) && e.response?.status === 404) return null; throw e; }',
    'try { return await api.get(url); } catch (e) { if (e?.status === 404) return undefined; throw e; }',
    "try { await prisma.user.create({ data }); } catch (e) { if ((e as PrismaError).code === 'P2002') { return conflict(); } throw e; }",
    'try { return await load(); } catch (e) { if (isNotFound(e)) return null; throw e; }',
    'try { return await load(); } catch (e) { const notFound = e instanceof NotFoundError; if (notFound) return null; throw e; }',
    'function f() { try { return load(); } catch (e) { return e instanceof NotFoundError ? null : Promise.reject(e); } }',
    'try { return await load(); } catch (e) { if (e.status >= 500) throw e; return null; }',
    // The branch where the error has the field is deliberate; without it the error goes on
    'try { return (await axios.get(url)).data; } catch (e) { if (!e.response) throw e; return e.response.data; }',
    'try { return await load(); } catch (e) { const { response } = e; if (!response) throw e; return response.data; }',
    'async function agree() { try { return await createAgreement(180); } catch (error) { const status = getErrorStatusCode(error); if (status != null && status >= 400 && status < 500) { return await createAgreement(90); } throw error; } }',
    'try { return await load(); } catch ({ code, message }) { if (code === "ENOENT") return null; return { error: message }; }',
    // Retry loops that log each failure with the error and throw with cause at the end
    `
async function withRetry(operation) {
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await operation();
    } catch (error) {
      lastError = error;
      logger.warn({ err: error, attempt }, 'attempt failed');
    }
  }
  throw new Error('gave up after 3 attempts', { cause: lastError });
}
`,
    `
while (true) {
  try {
    await poll();
    break;
  } catch (error) {
    if (!isTransient(error)) throw error;
    await sleep(backoff.next());
  }
}
`,
    // A new error thrown and caught again inside the handler never leaves it
    "try { await post(); } catch (err) { try { const res = await fetch(hook); if (!res.ok) throw new Error('hook failed'); } catch (hookErr) { logger.warn({ err: hookErr }); } throw err; }",
    // Every path through loops, labels, switch, try/finally inside the handler reports
    `
try {
  await sync();
} catch (error) {
  outer: for (const sink of sinks) {
    for (const target of sink.targets) {
      if (target.disabled) continue outer;
      break outer;
    }
  }
  logger.error(error);
}
`,
    'try { await sync(); } catch (e) { try { await rollback(); } finally { logger.error(e); } }',
    'try { await sync(); } catch (e) { try { await notify(e); } catch (notifyError) { logger.error(notifyError); } throw e; }',
    'try { await sync(); } catch (e) { logger.error(e); return false; } finally { release(); }',
    "try { await main(); } catch { console.error('startup failed'); process.exit(1); }",
    // A comment explaining an empty handler, a parser whose failure is the answer
    `
try {
  await unlink(tempFile);
} catch {
  // best effort: the file may already be gone
}
`,
    'cache.warm().catch(() => { /* warming is optional */ });',
    'function parse(raw) { try { return JSON.parse(raw); } catch { return undefined; } }',
    'function isUrl(value) { try { new URL(value); return true; } catch { return false; } }',
    'let port; try { port = BigInt(raw); } catch { port = 0n; }',
    // A parser fallback may say so in a log line
    "function loadConfig(raw) { try { return JSON.parse(raw); } catch { console.warn('Invalid JSON in config, using defaults'); return {}; } }",
    // A thrown Response answers the request (Remix, React Router loaders): no error is lost
    "async function loader(id) { try { return await db.note.findUniqueOrThrow({ where: { id } }); } catch (e) { if (isNotFound(e)) throw new Response('Not Found', { status: 404 }); throw e; } }",
    // Built-ins that throw only on bad input, and methods called on what they construct
    'function formatNumber(n, locale) { try { return new Intl.NumberFormat(locale).format(n); } catch { return n.toString(); } }',
    "function zoned(date, timeZone) { try { return new Intl.DateTimeFormat('en', { timeZone }).formatToParts(date); } catch { return []; } }",
    'function toPattern(source) { try { return new RegExp(source, "u"); } catch { return undefined; } }',
    // A response body that is not JSON, answered with a fallback, as a `catch` around `JSON.parse` would be
    `
async function createDomain(url, body) {
  const res = await fetch(url, { method: 'POST', body });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(json.error?.message ?? 'failed');
  return json;
}
`,
    `
async function download(response: Response) {
  if (!response.ok) {
    const text = await response.text().catch(() => 'Unknown error');
    throw new Error(\`Download failed: \${response.status} \${text}\`);
  }
}
`,
    // Promise handlers that report or pass on
    'main().catch(console.error);',
    "refresh().catch((e) => logger.warn({ err: e }, 'cache refresh failed'));",
    'async function close(pdf) { void pdf.destroy().catch((e) => console.error(e)); }',
    'load().then(render, (err) => showError(err));',
    'load().catch(function (err) { Sentry.withScope((scope) => { scope.setTag("job", "load"); Sentry.captureException(err); }); });',
    "const schema = z.string().catch(() => 'unknown');",
    'load().catch(handleError);',
    // Regressions from real code: a rejection observed elsewhere, helpers that throw or exit
    `
function traced(target, span) {
  const output = target();
  output
    .catch((error) => {
      if (error instanceof Error) tagError(span, error);
    })
    .finally(() => span.finish());
  return output;
}
`,
    'function enqueue(task) { const result = queue.then(task, task); queue = result.then(() => undefined, () => undefined); return result; }',
    "router.get('/embed', async (ctx) => { let parsed; try { parsed = new URL(ctx.query.url); } catch (_err) { ctx.throw(InvalidRequestError('Invalid URL provided')); } ctx.body = parsed.host; });",
    "try { execSync('git push'); } catch (err) { console.log('release failed:', err.message); exit(1); }",
    'function toPath(href) { try { const url = new URL(href); return url.toString().substring(url.origin.length); } catch { return undefined; } }',
    // Aliases of the error
    'try { sync(); } catch (e) { const err = e instanceof Error ? e : new Error(String(e)); logger.error(err); }',
    // Options
    { code: 'try { sync(); } catch (e) { audit.record(e); }', options: [{ reporters: ['audit.record'] }] },
    { code: "try { return atob(s); } catch { return ''; }", options: [{ allowedThrowingCalls: ['atob'] }] },
  ],
  invalid: [
    // The legacy payment catch-all: every failure becomes the same silent false
    {
      code: `
async function createPayment(order) {
  try {
    const payment = await db.insertInto('payments').values({ orderId: order.id, status: 'pending' }).execute();
    await gateway.charge(order);
    await db.updateTable('payments').set({ status: 'completed' }).execute();
    return true;
  } catch (error) {
    return false;
  }
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'rethrowError',
              data: { name: 'error' },
              output: `
async function createPayment(order) {
  try {
    const payment = await db.insertInto('payments').values({ orderId: order.id, status: 'pending' }).execute();
    await gateway.charge(order);
    await db.updateTable('payments').set({ status: 'completed' }).execute();
    return true;
  } catch (error) {
    throw error;
  }
}
`,
            },
          ],
        },
      ],
    },
    // Empty handlers
    {
      code: 'try { sync(); } catch {}',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 22,
          suggestions: [{ messageId: 'rethrowError', output: 'try { sync(); } catch (error) { throw error; }' }],
        },
      ],
    },
    {
      code: `
try {
  sync();
} catch (e) {
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: `
try {
  sync();
} catch (e) {
  throw e;
}
`,
            },
          ],
        },
      ],
    },
    {
      code: 'try { sync(); } catch { /* ignore */ }',
      options: [{ allowEmptyWithComment: false }],
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 22,
          suggestions: [{ messageId: 'rethrowError', output: 'try { sync(); } catch (error) { /* ignore */ throw error; }' }],
        },
      ],
    },
    // Logging below warning level, or not at all
    {
      code: `
try {
  await refund(payment);
} catch (e) {
  console.log(e);
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: `
try {
  await refund(payment);
} catch (e) {
  console.log(e);
  throw e;
}
`,
            },
          ],
        },
      ],
    },
    {
      code: "try { sync(); } catch (err) { logger.info({ err }, 'sync failed'); }",
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: "try { sync(); } catch (err) { logger.info({ err }, 'sync failed'); throw err; }",
            },
          ],
        },
      ],
    },
    {
      code: 'try { sync(); } catch (e) { logger.debug(e) }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 26,
          suggestions: [{ messageId: 'rethrowError', output: 'try { sync(); } catch (e) { logger.debug(e); throw e; }' }],
        },
      ],
    },
    {
      code: 'try { sync(); } catch (e) { void e; }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 26,
          suggestions: [{ messageId: 'rethrowError', output: 'try { sync(); } catch (e) { void e; throw e; }' }],
        },
      ],
    },
    {
      code: 'try { sync(); } catch (e) { e; }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 26,
          suggestions: [{ messageId: 'rethrowError', output: 'try { sync(); } catch (e) { e; throw e; }' }],
        },
      ],
    },
    {
      code: 'try { sync(); } catch (e) { /* TODO: handle */ return null; }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 26,
          suggestions: [{ messageId: 'rethrowError', output: 'try { sync(); } catch (e) { /* TODO: handle */ throw e; }' }],
        },
      ],
    },
    {
      code: 'try { sync(); } catch (e) { if (e instanceof Error) { console.log(e.message); } return null; }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: 'try { sync(); } catch (e) { if (e instanceof Error) { console.log(e.message); } throw e; }',
            },
          ],
        },
      ],
    },
    // Only the branch where the error test holds is deliberate
    {
      code: 'async function f() { try { return await load(); } catch (e) { if (e instanceof NotFoundError) return null; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 51,
          endLine: 1,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'rethrowError',
              output:
                'async function f() { try { return await load(); } catch (e) { if (e instanceof NotFoundError) return null; throw e; } }',
            },
          ],
        },
      ],
    },
    // Testing that the error has a field says nothing of the errors without it (network failures, bugs)
    {
      code: 'async function f() { try { return (await axios.get(url)).data; } catch (e) { if (e.response) return { status: e.response.status }; return null; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 66,
          endLine: 1,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'rethrowError',
              output:
                'async function f() { try { return (await axios.get(url)).data; } catch (e) { if (e.response) return { status: e.response.status }; throw e; } }',
            },
          ],
        },
      ],
    },
    {
      code: 'async function f() { try { return (await axios.get(url)).data; } catch (e) { return e.response ? e.response.data : null; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 66,
          endLine: 1,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'rethrowError',
              output:
                'async function f() { try { return (await axios.get(url)).data; } catch (e) { throw e; } }',
            },
          ],
        },
      ],
    },
    {
      code: "try { sync(); } catch (e) { switch (e.code) { case 'EEXIST': return; } }",
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 26,
          suggestions: [
            { messageId: 'rethrowError', output: "try { sync(); } catch (e) { switch (e.code) { case 'EEXIST': return; } throw e; }" },
          ],
        },
      ],
    },
    {
      code: 'try { sync(); } catch (e) { if (e instanceof TimeoutError) { logger.warn(e); } else { return null; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'rethrowError',
              output:
                'try { sync(); } catch (e) { if (e instanceof TimeoutError) { logger.warn(e); } else { return null; } throw e; }',
            },
          ],
        },
      ],
    },
    // A UI notification reports without the error, but gets no suggestion to show the error to the user
    {
      code: "try { await save(); } catch (e) { toast.error('Could not save'); }",
      errors: [{ messageId: 'reportedWithoutError', line: 1, column: 35, endLine: 1, endColumn: 64, suggestions: [] }],
    },
    // Reporting without the error object
    {
      code: "try { await charge(); } catch (e) { logger.error('charge failed'); return false; }",
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 37,
          endLine: 1,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'passError',
              output: "try { await charge(); } catch (e) { logger.error('charge failed', e); return false; }",
            },
          ],
        },
      ],
    },
    {
      code: "try { await charge(); } catch (e) { logger.error('charge failed', e.message); }",
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 37,
          endLine: 1,
          endColumn: 77,
          suggestions: [
            { messageId: 'passError', output: "try { await charge(); } catch (e) { logger.error('charge failed', e); }" },
          ],
        },
      ],
    },
    {
      code: "try { await charge(); } catch (err) { logger.error({ orderId }, 'charge failed'); }",
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 39,
          endLine: 1,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'passError',
              output: "try { await charge(); } catch (err) { logger.error({ orderId, err: err }, 'charge failed'); }",
            },
          ],
        },
      ],
    },
    {
      code: 'try { await charge(); } catch (e) { console.error(`charge failed: ${e}`); }',
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 37,
          endLine: 1,
          endColumn: 73,
          suggestions: [
            { messageId: 'passError', output: 'try { await charge(); } catch (e) { console.error(`charge failed: ${e}`, e); }' },
          ],
        },
      ],
    },
    {
      code: 'try { await charge(); } catch { logger.warn(); }',
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 33,
          endLine: 1,
          endColumn: 46,
          suggestions: [{ messageId: 'passError', output: 'try { await charge(); } catch (error) { logger.warn(error); }' }],
        },
      ],
    },
    {
      code: 'try { await charge(); } catch (e) { logger.error((e as Error).message); }',
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 37,
          endLine: 1,
          endColumn: 71,
          suggestions: [{ messageId: 'passError', output: 'try { await charge(); } catch (e) { logger.error(e); }' }],
        },
      ],
    },
    {
      code: 'try { await charge(); } catch (err) { logger?.error(err!.message); }',
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 39,
          endLine: 1,
          endColumn: 66,
          suggestions: [{ messageId: 'passError', output: 'try { await charge(); } catch (err) { logger?.error(err); }' }],
        },
      ],
    },
    {
      code: 'try { await charge(); } catch ({ message }) { logger.error(message); }',
      errors: [{ messageId: 'reportedWithoutError', line: 1, column: 47, endLine: 1, endColumn: 68, suggestions: [] }],
    },
    {
      code: "try { await charge(); } catch (e) { if (retryable) { logger.warn('retrying'); return retry(); } return null; }",
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 25,
          endLine: 1,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'rethrowError',
              output:
                "try { await charge(); } catch (e) { if (retryable) { logger.warn('retrying'); return retry(); } throw e; }",
            },
          ],
        },
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 54,
          endLine: 1,
          endColumn: 77,
          suggestions: [
            {
              messageId: 'passError',
              output:
                "try { await charge(); } catch (e) { if (retryable) { logger.warn('retrying', e); return retry(); } return null; }",
            },
          ],
        },
      ],
    },
    {
      code: `
payments.post('/payments', async (c) => {
  try {
    return c.json(await processPayment(await c.req.json()));
  } catch (e) {
    logger.error('payment failed');
    return c.json({ error: String(e) }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'passError',
              output: `
payments.post('/payments', async (c) => {
  try {
    return c.json(await processPayment(await c.req.json()));
  } catch (e) {
    logger.error('payment failed', e);
    return c.json({ error: String(e) }, 500);
  }
});
`,
            },
          ],
        },
      ],
    },
    // A reporting call in a nested catch is about that catch's error, reported once
    {
      code: "try { await a(); } catch (err) { if (isMissingScope(err)) { try { await b(); } catch (hookErr) { logger.warn('b failed', { error: hookErr.message }); } } else { logger.error('a failed', { error: err.message }); } }",
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 98,
          endLine: 1,
          endColumn: 149,
          suggestions: [
            {
              messageId: 'passError',
              output: "try { await a(); } catch (err) { if (isMissingScope(err)) { try { await b(); } catch (hookErr) { logger.warn('b failed', { error: hookErr }); } } else { logger.error('a failed', { error: err.message }); } }",
            },
          ],
        },
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 162,
          endLine: 1,
          endColumn: 210,
          suggestions: [
            {
              messageId: 'passError',
              output: "try { await a(); } catch (err) { if (isMissingScope(err)) { try { await b(); } catch (hookErr) { logger.warn('b failed', { error: hookErr.message }); } } else { logger.error('a failed', { error: err }); } }",
            },
          ],
        },
      ],
    },
    // Throwing a new error that drops the caught one
    {
      code: `
try {
  await gateway.refund(payment);
} catch (error) {
  throw new Error('refund failed');
}
`,
      errors: [
        {
          messageId: 'causeLost',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addCause',
              output: `
try {
  await gateway.refund(payment);
} catch (error) {
  throw new Error('refund failed', { cause: error });
}
`,
            },
          ],
        },
      ],
    },
    {
      code: 'try { await refund(); } catch (e) { throw new RefundError(`refund failed: ${e.message}`); }',
      errors: [{ messageId: 'causeLost', line: 1, column: 43, endLine: 1, endColumn: 89, suggestions: [] }],
    },
    {
      code: 'try { JSON.parse(body); } catch { throw new TypeError(); }',
      errors: [
        {
          messageId: 'causeLost',
          line: 1,
          column: 41,
          endLine: 1,
          endColumn: 56,
          suggestions: [
            { messageId: 'addCause', output: 'try { JSON.parse(body); } catch (error) { throw new TypeError(undefined, { cause: error }); }' },
          ],
        },
      ],
    },
    {
      code: "load().catch(() => { throw new HTTPException(502, { message: 'upstream failed' }); });",
      errors: [
        {
          messageId: 'causeLost',
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'addCause',
              output: "load().catch((error) => { throw new HTTPException(502, { message: 'upstream failed', cause: error }); });",
            },
          ],
        },
      ],
    },
    {
      code: "try { await pay(); } catch (e) { throw createError(502, 'payment failed'); }",
      errors: [{ messageId: 'causeLost', line: 1, column: 40, endLine: 1, endColumn: 74, suggestions: [] }],
    },
    // Promise handlers
    {
      code: 'cleanup().catch(() => {});',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 22,
          suggestions: [{ messageId: 'rethrowError', output: 'cleanup().catch((error) => { throw error; });' }],
        },
      ],
    },
    {
      code: 'const stats = await fs.stat(path).catch(() => null);',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 41,
          endLine: 1,
          endColumn: 46,
          suggestions: [
            { messageId: 'rethrowError', output: 'const stats = await fs.stat(path).catch((error) => { throw error; });' },
          ],
        },
      ],
    },
    {
      code: 'const config = await load().catch((e) => ({}));',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 35,
          endLine: 1,
          endColumn: 41,
          suggestions: [{ messageId: 'rethrowError', output: 'const config = await load().catch((e) => { throw e; });' }],
        },
      ],
    },
    {
      code: 'const noop = () => {};\nsend().catch(noop);',
      errors: [{ messageId: 'swallowedError', line: 2, column: 14, endLine: 2, endColumn: 18 }],
    },
    {
      code: "import { noop } from 'lodash-es';\nsend().catch(noop);",
      errors: [{ messageId: 'swallowedError', line: 2, column: 14, endLine: 2, endColumn: 18 }],
    },
    {
      code: 'send().catch(console.log);',
      errors: [{ messageId: 'swallowedError', line: 1, column: 14, endLine: 1, endColumn: 25 }],
    },
    {
      code: 'load().then(render, function (err) { return fallback; });',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 35,
          suggestions: [
            { messageId: 'rethrowError', output: 'load().then(render, function (err) { throw err; });' },
          ],
        },
      ],
    },
    {
      code: 'load().catch((err) => { console.info(err); return []; });',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 22,
          suggestions: [{ messageId: 'rethrowError', output: 'load().catch((err) => { console.info(err); throw err; });' }],
        },
      ],
    },
    // Retry loops whose failed attempts vanish
    {
      code: `
async function withRetry(operation) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= 3) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: `
async function withRetry(operation) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= 3) throw error;
      await sleep(100 * 2 ** attempt);
      throw error;
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
let lastError;
for (let attempt = 0; attempt < 3; attempt++) {
  try {
    return await operation();
  } catch (error) {
    lastError = error;
  }
}
throw lastError;
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: `
let lastError;
for (let attempt = 0; attempt < 3; attempt++) {
  try {
    return await operation();
  } catch (error) {
    lastError = error;
    throw error;
  }
}
throw lastError;
`,
            },
          ],
        },
      ],
    },
    // break, continue and labels leave the handler
    {
      code: 'for (const job of jobs) { try { await job.run(); } catch (e) { continue; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 61,
          suggestions: [{ messageId: 'rethrowError', output: 'for (const job of jobs) { try { await job.run(); } catch (e) { throw e; } }' }],
        },
      ],
    },
    {
      code: 'while (queue.length > 0) { try { await drain(queue); } catch (e) { if (e instanceof QueueClosed) { logger.warn(e); } break; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 56,
          endLine: 1,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'rethrowError',
              output:
                'while (queue.length > 0) { try { await drain(queue); } catch (e) { if (e instanceof QueueClosed) { logger.warn(e); } throw e; } }',
            },
          ],
        },
      ],
    },
    {
      code: 'outer: for (const batch of batches) { for (const row of batch) { try { await save(row); } catch (e) { logger.error(e); continue; } finally { count++; } } try { await flush(); } catch (e) { continue outer; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 178,
          endLine: 1,
          endColumn: 187,
          suggestions: [
            {
              messageId: 'rethrowError',
              output:
                'outer: for (const batch of batches) { for (const row of batch) { try { await save(row); } catch (e) { logger.error(e); continue; } finally { count++; } } try { await flush(); } catch (e) { throw e; } }',
            },
          ],
        },
      ],
    },
    // try/finally inside the handler does not report by itself
    {
      code: 'try { await sync(); } catch (e) { try { await rollback(); } finally { await release(); } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: 'try { await sync(); } catch (e) { try { await rollback(); } finally { await release(); } throw e; }',
            },
          ],
        },
      ],
    },
    {
      code: 'try { await sync(); } catch (e) { try { await notify(e); } catch {} throw e; }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 60,
          endLine: 1,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: 'try { await sync(); } catch (e) { try { await notify(e); } catch (error) { throw error; } throw e; }',
            },
          ],
        },
      ],
    },
    // A throw inside a nested callback does not leave the handler
    {
      code: 'try { await sync(); } catch (e) { setTimeout(() => { throw e; }); }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 32,
          suggestions: [
            { messageId: 'rethrowError', output: 'try { await sync(); } catch (e) { setTimeout(() => { throw e; }); throw e; }' },
          ],
        },
      ],
    },
    {
      code: 'try { validate(items); } catch (e) { items.forEach((item) => { if (!item.id) throw e; }); }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: 'try { validate(items); } catch (e) { items.forEach((item) => { if (!item.id) throw e; }); throw e; }',
            },
          ],
        },
      ],
    },
    // Framework shapes: Hono, Express, Kysely
    {
      code: `
app.post('/payments/:id/refund', async (c) => {
  try {
    await refunds.create(c.req.param('id'));
    return c.json({ ok: true });
  } catch (err) {
    return c.json({ error: 'refund failed' }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: `
app.post('/payments/:id/refund', async (c) => {
  try {
    await refunds.create(c.req.param('id'));
    return c.json({ ok: true });
  } catch (err) {
    throw err;
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
router.get('/orders', async (req, res) => {
  try {
    res.json(await orders.list());
  } catch {
    res.status(500).send('Something went wrong');
  }
});
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: `
router.get('/orders', async (req, res) => {
  try {
    res.json(await orders.list());
  } catch (error) {
    res.status(500).send('Something went wrong');
    throw error;
  }
});
`,
            },
          ],
        },
      ],
    },
    {
      code: "async function balance(db, id) { try { return await db.selectFrom('accounts').where('id', '=', id).executeTakeFirst(); } catch { return undefined; } }",
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 122,
          endLine: 1,
          endColumn: 127,
          suggestions: [
            {
              messageId: 'rethrowError',
              output:
                "async function balance(db, id) { try { return await db.selectFrom('accounts').where('id', '=', id).executeTakeFirst(); } catch (error) { throw error; } }",
            },
          ],
        },
      ],
    },
    // An awaited `get` is I/O, not a lookup in what a parser produced
    {
      code: 'async function cached(key) { try { return JSON.parse(await redis.get(key)); } catch { return null; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 79,
          endLine: 1,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: 'async function cached(key) { try { return JSON.parse(await redis.get(key)); } catch (error) { throw error; } }',
            },
          ],
        },
      ],
    },
    // a helper that turns the error into its message passes on only text
    {
      code: 'async function run() { try { await job(); } catch (e) { const message = toErrorMessage(e); console.log(message); return false; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 45,
          endLine: 1,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: 'async function run() { try { await job(); } catch (e) { const message = toErrorMessage(e); console.log(message); throw e; } }',
            },
          ],
        },
      ],
    },
    {
      code: "async function run() { try { await job(); } catch (e) { logger.error(extractErrorMessage(e)); } }",
      errors: [
        {
          messageId: 'reportedWithoutError',
          line: 1,
          column: 57,
          endLine: 1,
          endColumn: 93,
          suggestions: [
            { messageId: 'passError', output: 'async function run() { try { await job(); } catch (e) { logger.error(extractErrorMessage(e), e); } }' },
          ],
        },
      ],
    },
    // hapi's Boom factories make new errors
    {
      code: "async function run() { try { await job(); } catch (e) { throw Boom.internal('job failed'); } }",
      errors: [{ messageId: 'causeLost', line: 1, column: 63, endLine: 1, endColumn: 90 }],
    },
    {
      code: 'try { const data = JSON.parse(await readFile(path)); return data; } catch { return {}; }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 69,
          endLine: 1,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: 'try { const data = JSON.parse(await readFile(path)); return data; } catch (error) { throw error; }',
            },
          ],
        },
      ],
    },
    // Only an answered fetch's body read is a parser: other `.json()` calls still fetch, a
    // fallback that calls something is not a plain value, and a later handler is judged on its own.
    {
      code: 'async function load(url) { return ky.get(url).json().catch(() => null); }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 60,
          endLine: 1,
          endColumn: 65,
          suggestions: [{ messageId: 'rethrowError', output: 'async function load(url) { return ky.get(url).json().catch((error) => { throw error; }); }' }],
        },
      ],
    },
    {
      code: 'async function load(url) { const res = await fetch(url); return res.json().catch(() => loadDefaults()); }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 82,
          endLine: 1,
          endColumn: 87,
          suggestions: [{ messageId: 'rethrowError', output: 'async function load(url) { const res = await fetch(url); return res.json().catch((error) => { throw error; }); }' }],
        },
      ],
    },
    {
      code: 'async function load(url) { const res = await fetch(url); return res.json().catch(() => undefined).then(() => null, () => null); }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 116,
          endLine: 1,
          endColumn: 121,
          suggestions: [{ messageId: 'rethrowError', output: 'async function load(url) { const res = await fetch(url); return res.json().catch(() => undefined).then(() => null, (error) => { throw error; }); }' }],
        },
      ],
    },
    // A parser's method is part of it only if the parser is configured, and never a callback
    {
      code: 'function load(raw) { try { return new Intl.Locale(raw).maximize(); } catch { return null; } }',
      options: [{ allowedThrowingCalls: ['JSON.parse'] }],
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 70,
          endLine: 1,
          endColumn: 75,
          suggestions: [{ messageId: 'rethrowError', output: 'function load(raw) { try { return new Intl.Locale(raw).maximize(); } catch (error) { throw error; } }' }],
        },
      ],
    },
    {
      code: 'function load(raw) { try { return new URL(raw).searchParams.forEach((value) => store.save(value)); } catch { return null; } }',
      errors: [
        {
          messageId: 'swallowedError',
          line: 1,
          column: 102,
          endLine: 1,
          endColumn: 107,
          suggestions: [{ messageId: 'rethrowError', output: 'function load(raw) { try { return new URL(raw).searchParams.forEach((value) => store.save(value)); } catch (error) { throw error; } }' }],
        },
      ],
    },
    {
      code: "const safe = z.string().catch(() => 'x');\nfetchUser().catch(() => undefined);",
      errors: [
        {
          messageId: 'swallowedError',
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 24,
          suggestions: [
            { messageId: 'rethrowError', output: "const safe = z.string().catch(() => 'x');\nfetchUser().catch((error) => { throw error; });" },
          ],
        },
      ],
    },
  ],
});

typedRuleTester.run('no-swallowed-error (typed)', rule, {
  valid: [
    // Awaited inside the try, or handled by the promise's own catch
    `
import { Kysely } from 'kysely';
export async function list(db: Kysely<{ orders: { id: string } }>) {
  try {
    return await db.selectFrom('orders').selectAll().execute();
  } catch (error) {
    throw new Error('listing orders failed', { cause: error });
  }
}
`,
    // A .catch method on something that is not a promise
    `
class Query { catch(handler: () => string): string { return handler(); } }
export const value = new Query().catch(() => 'fallback');
`,
    `
export async function load(url: string): Promise<unknown> {
  try {
    return await fetch(url);
  } catch (error) {
    throw error;
  }
}
`,
    // A body read whose receiver only its type shows to be a Response
    `
export async function readError(answer: Awaited<ReturnType<typeof fetch>>): Promise<unknown> {
  return answer.json().catch(() => ({}));
}
`,
  ],
  invalid: [
    {
      code: `
import { Kysely } from 'kysely';
export async function list(db: Kysely<{ orders: { id: string } }>) {
  try {
    return db.selectFrom('orders').selectAll().execute();
  } catch (error) {
    console.error(error);
    return [];
  }
}
`,
      errors: [
        {
          messageId: 'returnedPromiseEscapes',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'awaitPromise',
              output: `
import { Kysely } from 'kysely';
export async function list(db: Kysely<{ orders: { id: string } }>) {
  try {
    return await db.selectFrom('orders').selectAll().execute();
  } catch (error) {
    console.error(error);
    return [];
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export function load(url: string): Promise<Response> | undefined {
  try {
    return fetch(url);
  } catch (error) {
    console.error(error);
    return undefined;
  }
}
`,
      errors: [{ messageId: 'returnedPromiseEscapes', line: 4, column: 12, endLine: 4, endColumn: 22, suggestions: [] }],
    },
    {
      code: `
class ChargeError extends Error {
  constructor(message: string, readonly options?: { cause?: unknown; orderId?: string }) {
    super(message, options);
  }
}
export async function charge(orderId: string, pay: () => Promise<void>) {
  try {
    await pay();
  } catch (error) {
    throw new ChargeError('charge failed', { orderId });
  }
}
`,
      errors: [
        {
          messageId: 'causeLost',
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'addCause',
              output: `
class ChargeError extends Error {
  constructor(message: string, readonly options?: { cause?: unknown; orderId?: string }) {
    super(message, options);
  }
}
export async function charge(orderId: string, pay: () => Promise<void>) {
  try {
    await pay();
  } catch (error) {
    throw new ChargeError('charge failed', { orderId, cause: error });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/health', async (c) => {
  try {
    await fetch('http://db.internal/ping');
    return c.text('ok');
  } catch {
    return c.text('down', 503);
  }
});
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/health', async (c) => {
  try {
    await fetch('http://db.internal/ping');
    return c.text('ok');
  } catch (error) {
    throw error;
  }
});
`,
            },
          ],
        },
      ],
    },
  ],
});

// Most files have no handler: the rule must not touch a file's context (its first read costs
// microseconds per file) before it meets one.
test('create reads nothing from the context until a handler', () => {
  const touched: PropertyKey[] = [];
  const context = new Proxy({}, {
    get(_target, key) {
      touched.push(key);
      return undefined;
    },
  }) as Parameters<typeof rule.create>[0];
  const listeners = rule.create(context);
  expect(Object.keys(listeners)).toContain('CatchClause');
  expect(touched).toEqual([]);
});
