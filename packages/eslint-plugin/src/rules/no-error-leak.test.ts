import { createRuleTester } from '../../test/rule-tester.js';
import rule from './no-error-leak.js';

const ruleTester = createRuleTester();
const typedRuleTester = createRuleTester({ typed: true });

ruleTester.run('no-error-leak', rule, {
  valid: [
    // only the property the error went into is tainted: the batch summary's count is clean
    `
app.post('/import', async (req, res) => {
  const report = { imported: 0, log: [] };
  for (const row of req.body.rows) {
    try {
      await save(row);
      report.imported += 1;
    } catch (error) {
      report.log.push(String(error));
    }
  }
  res.json({ imported: report.imported });
});
`,
    `
app.post('/charge', async (req, res) => {
  const outcome = { status: 'ok', reason: '' };
  try {
    await charge(req.body);
  } catch (error) {
    outcome.status = 'failed';
    outcome.reason = error.message;
  }
  res.json({ status: outcome.status });
});
`,
    // a fake server in a test answering with the error on purpose
    {
      code: `
import { it } from 'vitest';
app.get('/payments/:id', async (c) => {
  try {
    return c.json(await getPayment(c.req.param('id')));
  } catch (error) {
    return c.json({ error: error.message }, 500);
  }
});
`,
    },
    // Generic messages and logging only
    `
app.get('/payments/:id', async (c) => {
  try {
    return c.json(await getPayment(c.req.param('id')));
  } catch (error) {
    console.error(error);
    return c.json({ error: 'Internal Server Error' }, 500);
  }
});
`,
    `
app.post('/payments', async (c) => {
  try {
    return c.json(await createPayment(await c.req.json()), 201);
  } catch (error) {
    logger.error({ err: error, message: error.message }, \`payment failed: \${String(error)}\`);
    Sentry.captureException(error);
    return c.json({ error: 'Payment failed', requestId: c.get('requestId') }, 500);
  }
});
`,
    `
app.onError((err, c) => {
  console.error(err.stack);
  return c.text('Internal Server Error', 500);
});
`,
    `
export async function POST(request: Request) {
  try {
    return Response.json(await refund(await request.json()));
  } catch (error) {
    console.error(error);
    return new Response('Internal Server Error', { status: 500 });
  }
}
`,
    `
app.get('/orders', async (c) => {
  try {
    return c.json(await listOrders());
  } catch {
    return c.json({ error: 'Could not list orders' }, 500);
  }
});
`,
    // Safe properties and predicates on the error
    `
app.post('/orders', async (c) => {
  try {
    return c.json(await createOrder(await c.req.json()), 201);
  } catch (error) {
    if (error.code === 'P2002') return c.json({ error: 'Duplicate order', code: error.code }, 409);
    if (error.message.includes('deadlock')) return c.json({ error: 'Busy, retry' }, 503);
    return c.json({ error: 'Internal Server Error', status: error.status, length: error.message.length }, 500);
  }
});
`,
    `
app.use((err, req, res, next) => {
  res.status(err.statusCode ?? 500).json({ code: err.code, userMessage: err.userMessage, expose: err.expose });
});
`,
    `
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    const { code, status } = error;
    return c.json({ code }, status);
  }
});
`,
    { code: `
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    return c.json({ reason: error.reason }, 400);
  }
});
`, options: [{"safeProperties":["reason"]}] },
    // Sanitizers
    `
app.onError((err, c) => {
  const problem = toProblem(err, c.get('requestId'));
  return c.json(problem, problem.status);
});
`,
    { code: `
app.onError((err, c) => c.json(errors.toSafeError(err), 500));
`, options: [{"sanitizers":["toSafeError"]}] },
    // Safe error classes narrowed with instanceof
    `
app.onError((err, c) => {
  if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
  return c.json({ error: 'Internal Server Error' }, 500);
});
`,
    `
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.error(err);
  return c.json({ error: 'Internal Server Error' }, 500);
});
`,
    `
app.post('/transfers', async (c) => {
  try {
    return c.json(await transfer(schema.parse(await c.req.json())), 201);
  } catch (error) {
    if (error instanceof ZodError) {
      return c.json({ error: 'Invalid transfer', issues: error.issues, fields: error.flatten().fieldErrors }, 400);
    }
    throw error;
  }
});
`,
    `
const errorHandler = (err, c) => {
  if ('getResponse' in err) {
    const res = err.getResponse();
    return c.newResponse(res.body, res);
  }
  console.error(err);
  return c.text('Internal Server Error', 500);
};
`,
    `
app.post('/transfers', async (c) => {
  try {
    return c.json(await transfer(await c.req.json()), 201);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    return c.json({ issues: error.issues }, 400);
  }
});
`,
    `
app.post('/users', async (req, res) => {
  try {
    res.status(201).json(await createUser(req.body));
  } catch (err) {
    res.status(400).json({ error: err instanceof ValidationError ? err.message : 'Bad request' });
  }
});
`,
    `
class PaymentDeclined extends HTTPException {}
app.post('/pay', async (c) => {
  try {
    return c.json(await pay());
  } catch (error) {
    const message = error instanceof PaymentDeclined ? error.message : 'Payment failed';
    return c.json({ message }, 402);
  }
});
`,
    `
import { ValidationError as SequelizeValidationError } from 'sequelize';
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (err instanceof SequelizeValidationError) {
      ctx.status = 400;
      ctx.body = { error: err.errors[0].message };
      return;
    }
    ctx.status = 500;
    ctx.body = { error: 'Internal Server Error' };
  }
});
`,
    `
app.get('/reports/:id', async (c) => {
  try {
    return c.json(await getReport(c.req.param('id')));
  } catch (error) {
    if (error instanceof ReportNotFoundError) return c.json({ error: error.message }, 404);
    throw new HTTPException(500, { message: 'Could not load the report', cause: error });
  }
});
`,
    { code: `
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    if (error instanceof PaymentError) return c.json({ error: error.message }, 402);
    return c.json({ error: 'Internal Server Error' }, 500);
  }
});
`, options: [{"safeErrorClasses":["PaymentError"]}] },
    // Client errors: expose and 4xx status
    `
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { message: err.expose ? err.message : 'Internal Server Error' };
  }
});
`,
    `
app.use((err, req, res, next) => {
  const status = err.status ?? 500;
  if (status >= 500) {
    return res.status(status).json({ error: 'Internal Server Error' });
  }
  res.status(status).json({ error: err.message });
});
`,
    `
app.get('/users/:id', async (req, res) => {
  try {
    res.json(await getUser(req.params.id));
  } catch (err) {
    if (err.status === 404) return res.status(404).json({ error: err.message });
    res.status(500).json({ error: toProblemDetails(err) });
  }
});
`,
    // The same tests as \`switch\` cases, falling through included
    `
app.get('/users/:id', async (req, res) => {
  try {
    res.json(await getUser(req.params.id));
  } catch (err) {
    switch (err.status) {
      case 404:
        return res.status(404).json({ error: err.message });
      case 409:
      case 422:
        return res.status(err.status).json({ error: err.message });
      default:
        return res.status(500).json({ error: 'Internal Server Error' });
    }
  }
});
`,
    // Development-only details when allowed
    { code: `
app.onError((err, c) => {
  return c.json({ error: 'Internal Server Error', stack: process.env.NODE_ENV !== 'production' ? err.stack : undefined }, 500);
});
`, options: [{"allowInDevelopment":true}] },
    { code: `
app.use((err, req, res, next) => {
  if (req.app.get('env') === 'development') {
    return res.status(500).send(err.stack);
  }
  res.status(500).send('Internal Server Error');
});
`, options: [{"allowInDevelopment":true}] },
    // Errors that are rethrown, forwarded or kept as a cause
    `
app.get('/x', async (req, res, next) => {
  try {
    res.json(await work());
  } catch (err) {
    next(err);
  }
});
`,
    `
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.throw(err);
  }
});
`,
    `
pay: protectedProcedure.mutation(async ({ input }) => {
  try {
    return await pay(input);
  } catch (error) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Payment failed', cause: error });
  }
});
`,
    `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    throw new PaymentFailedError('The payment could not be completed', { cause: error });
  }
});
`,
    // Real-world shapes: application errors written for API clients
    `
export async function POST(req: Request) {
  try {
    return NextResponse.json(await registerDomain(await req.json()));
  } catch (error) {
    if (error instanceof DubApiError) {
      const status = error.code === 'conflict' ? 409 : 400;
      return NextResponse.json({ error: error.message }, { status });
    }
    throw error;
  }
}
`,
    `
getChartData: publicProcedure.input(schema).query(async ({ ctx, input }) => {
  try {
    return await getChartDataByLinkId(ctx.db, input.linkId);
  } catch (error) {
    if (error instanceof ReportExpiredError) {
      throw new TRPCError({ code: 'NOT_FOUND', message: error.message });
    }
    throw error;
  }
});
`,
    // Values that are not caught errors
    `
app.post('/links', async (c) => {
  const parsed = schema.safeParse(await c.req.json());
  if (!parsed.success) return c.json({ error: parsed.error.flatten() }, 400);
  const { data, error } = await supabase.from('links').insert(parsed.data);
  if (error) return c.json({ error: 'Could not save the link' }, 500);
  return c.json(data, 201);
});
`,
    `
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    const res = await fetch(reportUrl, { method: 'POST', body: String(error) });
    return c.json({ reported: res.ok }, 500);
  }
});
`,
    `
try {
  await migrate();
} catch (error) {
  socket.send(error.message);
  process.stdout.write(String(error));
}
`,
    `
const value = schema.catch('default');
app.get('/x', (c) => work().then((result) => c.json(result)));
`,
    `
function describe(err) {
  return err.code;
}
app.get('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    return c.json({ code: describe(error) }, 500);
  }
});
`,
  ],
  invalid: [
    // A case that a server status falls through into, and \`default\`, say nothing about the error
    {
      code: `
app.get('/users/:id', async (req, res) => {
  try {
    res.json(await getUser(req.params.id));
  } catch (err) {
    switch (err.status) {
      case 404:
        return res.status(404).json({ error: err.message });
      case 502:
      case 409:
        return res.status(409).json({ error: err.message });
      default:
        return res.status(500).json({ error: err.message });
    }
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 11,
          column: 46,
          endLine: 11,
          endColumn: 57,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/users/:id', async (req, res) => {
  try {
    res.json(await getUser(req.params.id));
  } catch (err) {
    switch (err.status) {
      case 404:
        return res.status(404).json({ error: err.message });
      case 502:
      case 409:
        console.error(err);
        return res.status(409).json({ error: 'Internal Server Error' });
      default:
        return res.status(500).json({ error: err.message });
    }
  }
});
` },
          ],
        },
        {
          messageId: 'errorLeak',
          line: 13,
          column: 46,
          endLine: 13,
          endColumn: 57,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/users/:id', async (req, res) => {
  try {
    res.json(await getUser(req.params.id));
  } catch (err) {
    switch (err.status) {
      case 404:
        return res.status(404).json({ error: err.message });
      case 502:
      case 409:
        return res.status(409).json({ error: err.message });
      default:
        console.error(err);
        return res.status(500).json({ error: 'Internal Server Error' });
    }
  }
});
` },
          ],
        },
      ],
    },
    // Hono
    {
      code: `
app.get('/payments/:id', async (c) => {
  try {
    return c.json(await getPayment(c.req.param('id')));
  } catch (error) {
    return c.json({ error: error.message }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 41,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/payments/:id', async (c) => {
  try {
    return c.json(await getPayment(c.req.param('id')));
  } catch (error) {
    console.error(error);
    return c.json({ error: 'Internal Server Error' }, 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/refunds', async (c) => {
  try {
    return c.json(await refund(await c.req.json()));
  } catch (e) {
    return c.text(String(e), 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/refunds', async (c) => {
  try {
    return c.json(await refund(await c.req.json()));
  } catch (e) {
    console.error(e);
    return c.text('Internal Server Error', 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.get('/page', async (c) => {
  try {
    return c.html(await render());
  } catch (e) {
    return c.html(\`<pre>\${e}</pre>\`, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 36,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/page', async (c) => {
  try {
    return c.html(await render());
  } catch (e) {
    console.error(e);
    return c.html('Internal Server Error', 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (ctx) => {
  try {
    return ctx.json(await work());
  } catch (e) {
    return ctx.body(e.stack, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/x', async (ctx) => {
  try {
    return ctx.json(await work());
  } catch (e) {
    console.error(e);
    return ctx.body('Internal Server Error', 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.get('/x', async (context) => {
  try {
    return context.json(await work());
  } catch (e) {
    return context.newResponse(JSON.stringify(e), 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 32,
          endLine: 6,
          endColumn: 49,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/x', async (context) => {
  try {
    return context.json(await work());
  } catch (e) {
    console.error(e);
    return context.newResponse('Internal Server Error', 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.onError((err, c) => {
  console.error(err);
  return c.json({ message: err.message }, 500);
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 39,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.onError((err, c) => {
  console.error(err);
  return c.json({ message: 'Internal Server Error' }, 500);
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/payments', async (c) => {
  try {
    return c.json(await pay(), 201);
  } catch (e) {
    throw new HTTPException(500, { message: e.message });
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 54,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/payments', async (c) => {
  try {
    return c.json(await pay(), 201);
  } catch (e) {
    console.error(e);
    throw new HTTPException(500, { message: 'Internal Server Error' });
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/payments', async (c) => {
  try {
    return c.json(await pay(), 201);
  } catch (e) {
    throw new HTTPException(502, { res: new Response(e.message, { status: 502 }) });
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 54,
          endLine: 6,
          endColumn: 63,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/payments', async (c) => {
  try {
    return c.json(await pay(), 201);
  } catch (e) {
    console.error(e);
    throw new HTTPException(502, { res: new Response('Internal Server Error', { status: 502 }) });
  }
});
` },
          ],
        },
      ],
    },
    // Promise callbacks
    {
      code: `
app.get('/balance', (c) => getBalance().then((balance) => c.json(balance)).catch((err) => c.json({ error: err.message }, 500)));
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 2,
          column: 107,
          endLine: 2,
          endColumn: 118,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/balance', (c) => getBalance().then((balance) => c.json(balance)).catch((err) => { console.error(err); return c.json({ error: 'Internal Server Error' }, 500); }));
` },
          ],
        },
      ],
    },
    {
      code: `
app.get('/balance', (c) => getBalance().then(
  (balance) => c.json(balance),
  (reason) => {
    return c.text(\`Balance unavailable: \${reason}\`, 500);
  },
));
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 51,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/balance', (c) => getBalance().then(
  (balance) => c.json(balance),
  (reason) => {
    console.error(reason);
    return c.text('Internal Server Error', 500);
  },
));
` },
          ],
        },
      ],
    },
    {
      code: `
app.get('/balance', async (c) => {
  const result = await getBalance().catch((err) => ({ error: err.message }));
  return c.json(result);
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 23,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/balance', async (c) => {
  const result = await getBalance().catch((err) => ({ error: err.message }));
  return c.json({ error: 'Internal Server Error' });
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.get('/balance', async (c) => {
  const handle = (err) => c.json({ error: String(err) }, 500);
  return getBalance().then((balance) => c.json(balance)).catch(handle);
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/balance', async (c) => {
  const handle = (err) => { console.error(err); return c.json({ error: 'Internal Server Error' }, 500); };
  return getBalance().then((balance) => c.json(balance)).catch(handle);
});
` },
          ],
        },
      ],
    },
    // Taint through variables, destructuring, templates, spreads and ternaries
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return c.json({ message }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 28,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error);
    return c.json({ message: 'Internal Server Error' }, 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    const { message, code } = error;
    return c.json({ error: message, code }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 35,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    const { message, code } = error;
    console.error(error);
    return c.json({ error: 'Internal Server Error', code }, 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    return c.json({ ...error, ok: false }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (error) {
    console.error(error);
    return c.json({ error: 'Internal Server Error', ok: false }, 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    return c.json({ error: \`Payment failed: \${(e as Error).message}\` }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 69,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    console.error(e);
    return c.json({ error: 'Internal Server Error' }, 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    return c.json({ error: e?.message ?? 'Unknown error' }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 57,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    console.error(e);
    return c.json({ error: 'Internal Server Error' }, 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    return c.json({ errors: [inspect(e)], detail: e.toString() }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 40,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    console.error(e);
    return c.json({ errors: ['Internal Server Error'], detail: e.toString() }, 500);
  }
});
` },
          ],
        },
        {
          messageId: 'errorLeak',
          line: 6,
          column: 51,
          endLine: 6,
          endColumn: 63,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    console.error(e);
    return c.json({ errors: [inspect(e)], detail: 'Internal Server Error' }, 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  let reason = 'unknown';
  try {
    await work();
  } catch (e) {
    reason = e.message;
  }
  return c.json({ reason });
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 25,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  let reason = 'unknown';
  try {
    await work();
  } catch (e) {
    reason = e.message;
  }
  return c.json({ reason: 'Internal Server Error' });
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  const body = { ok: false };
  try {
    await work();
  } catch (e) {
    body.detail = e.message;
  }
  return c.json(body);
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 21,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  const body = { ok: false };
  try {
    await work();
  } catch (e) {
    body.detail = e.message;
  }
  return c.json({ error: 'Internal Server Error' });
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    return c.json({ errors: e.errors.map((issue) => issue.message) }, 400);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 67,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    console.error(e);
    return c.json({ errors: 'Internal Server Error' }, 400);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    return c.json({ error: getErrorMessage(e) }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    console.error(e);
    return c.json({ error: 'Internal Server Error' }, 500);
  }
});
` },
          ],
        },
      ],
    },
    // Helpers declared in the file
    {
      code: `
function sendError(c, err) {
  return c.json({ error: err.message }, 500);
}
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    return sendError(c, e);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
function sendError(c, err) {
  console.error(err);
  return c.json({ error: 'Internal Server Error' }, 500);
}
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    return sendError(c, e);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
const describe = (err) => \`\${err.name}: \${err.message}\`;
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    return c.json({ error: describe(e) }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 39,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
const describe = (err) => \`\${err.name}: \${err.message}\`;
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    console.error(e);
    return c.json({ error: 'Internal Server Error' }, 500);
  }
});
` },
          ],
        },
      ],
    },
    // Narrowing that does not make an error safe
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    if (e instanceof Error) return c.json({ error: e.message }, 500);
    return c.json({ error: 'Unknown' }, 500);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 52,
          endLine: 6,
          endColumn: 61,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    if (e instanceof Error) { console.error(e); return c.json({ error: 'Internal Server Error' }, 500); }
    return c.json({ error: 'Unknown' }, 500);
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.onError((err, c) => {
  if (err instanceof HTTPException) return c.json({ error: err.message, stack: err.stack }, err.status);
  return c.json({ error: 'Internal Server Error' }, 500);
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 3,
          column: 80,
          endLine: 3,
          endColumn: 89,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.onError((err, c) => {
  if (err instanceof HTTPException) { console.error(err); return c.json({ error: err.message, stack: 'Internal Server Error' }, err.status); }
  return c.json({ error: 'Internal Server Error' }, 500);
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.onError((err, c) => {
  return c.json({ error: 'Internal Server Error', stack: process.env.NODE_ENV !== 'production' ? err.stack : undefined }, 500);
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 3,
          column: 58,
          endLine: 3,
          endColumn: 119,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.onError((err, c) => {
  console.error(err);
  return c.json({ error: 'Internal Server Error', stack: 'Internal Server Error' }, 500);
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.get('/reports/:id', async (c) => {
  try {
    return c.json(await getReport(c.req.param('id')));
  } catch (error) {
    if (error instanceof ReportNotFoundError) return c.json({ error: error.message }, 404);
    throw error;
  }
});
`,
      options: [{"allowClientErrors":false}],
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 70,
          endLine: 6,
          endColumn: 83,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/reports/:id', async (c) => {
  try {
    return c.json(await getReport(c.req.param('id')));
  } catch (error) {
    if (error instanceof ReportNotFoundError) { console.error(error); return c.json({ error: 'Internal Server Error' }, 404); }
    throw error;
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/links', async (c) => {
  try {
    return c.json(await createLink(await c.req.json()));
  } catch (error) {
    throw new ApiError({ code: 'unprocessable_entity', message: error.message });
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 65,
          endLine: 6,
          endColumn: 78,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/links', async (c) => {
  try {
    return c.json(await createLink(await c.req.json()));
  } catch (error) {
    console.error(error);
    throw new ApiError({ code: 'unprocessable_entity', message: 'Internal Server Error' });
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    return c.json({ issues: e.issues }, 400);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 37,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (c) => {
  try {
    return c.json(await work());
  } catch (e) {
    console.error(e);
    return c.json({ issues: 'Internal Server Error' }, 400);
  }
});
` },
          ],
        },
      ],
    },
    // the property the error went into still leaks
    {
      code: `
app.post('/import', async (req, res) => {
  const report = { imported: 0, log: [] };
  for (const row of req.body.rows) {
    try {
      await save(row);
    } catch (error) {
      report.log.push(String(error));
    }
  }
  res.json({ imported: report.imported, log: report.log });
});
`,
      errors: [{ messageId: 'errorLeak', line: 11, column: 46, endLine: 11, endColumn: 56, suggestions: [{ messageId: 'useGenericMessage', output: `
app.post('/import', async (req, res) => {
  const report = { imported: 0, log: [] };
  for (const row of req.body.rows) {
    try {
      await save(row);
    } catch (error) {
      report.log.push(String(error));
    }
  }
  res.json({ imported: report.imported, log: 'Internal Server Error' });
});
` }] }],
    },
    // Batches and callbacks
    {
      code: `
app.post('/payouts', async (req, res) => {
  const failures = [];
  for (const payout of req.body.payouts) {
    try {
      await send(payout);
    } catch (err) {
      failures.push({ id: payout.id, error: err.message });
    }
  }
  res.status(207).json({ failures });
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 11,
          column: 26,
          endLine: 11,
          endColumn: 34,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/payouts', async (req, res) => {
  const failures = [];
  for (const payout of req.body.payouts) {
    try {
      await send(payout);
    } catch (err) {
      failures.push({ id: payout.id, error: err.message });
    }
  }
  res.status(207).json({ failures: 'Internal Server Error' });
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/payouts', async (req, res) => {
  const results = await Promise.all(req.body.payouts.map(async (payout) => {
    try {
      return { id: payout.id, ok: await send(payout) };
    } catch (err) {
      return { id: payout.id, error: String(err) };
    }
  }));
  res.json(results);
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 19,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/payouts', async (req, res) => {
  const results = await Promise.all(req.body.payouts.map(async (payout) => {
    try {
      return { id: payout.id, ok: await send(payout) };
    } catch (err) {
      return { id: payout.id, error: String(err) };
    }
  }));
  res.json({ error: 'Internal Server Error' });
});
` },
          ],
        },
      ],
    },
    {
      code: `
export default function oauthErrorHandler() {
  return async function oauthErrorHandlerMiddleware(ctx: Context, next: Next) {
    try {
      await next();
    } catch (err) {
      ctx.status = 500;
      ctx.body = { error: 'server_error', error_description: errToString(err) };
    }
  };
}
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 8,
          column: 62,
          endLine: 8,
          endColumn: 78,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
export default function oauthErrorHandler() {
  return async function oauthErrorHandlerMiddleware(ctx: Context, next: Next) {
    try {
      await next();
    } catch (err) {
      ctx.status = 500;
      console.error(err);
      ctx.body = { error: 'server_error', error_description: 'Internal Server Error' };
    }
  };
}
` },
          ],
        },
      ],
    },
    // Express
    {
      code: `
app.get('/orders/:id', async (req, res) => {
  try {
    res.json(await getOrder(req.params.id));
  } catch (err) {
    res.status(500).json({ error: err.message });
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/orders/:id', async (req, res) => {
  try {
    res.json(await getOrder(req.params.id));
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.get('/orders/:id', (req, res) => {
  getOrder(req.params.id).then((order) => res.json(order)).catch((err) => res.status(500).send(err));
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 3,
          column: 96,
          endLine: 3,
          endColumn: 99,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.get('/orders/:id', (req, res) => {
  getOrder(req.params.id).then((order) => res.json(order)).catch((err) => { console.error(err); return res.status(500).send({ error: 'Internal Server Error' }); });
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).send(err.stack);
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 33,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).send('Internal Server Error');
});
` },
          ],
        },
      ],
    },
    {
      code: `
export function errorHandler(err, req, res, next) {
  res.status(err.status || 500).type('json').send({ message: err.message });
}
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 3,
          column: 62,
          endLine: 3,
          endColumn: 73,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
export function errorHandler(err, req, res, next) {
  console.error(err);
  res.status(err.status || 500).type('json').send({ message: 'Internal Server Error' });
}
` },
          ],
        },
      ],
    },
    {
      code: `
app.use(function (err, req, res, next) {
  res.locals.message = err.message;
  res.status(500);
  res.render('error', { error: err });
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.use(function (err, req, res, next) {
  console.error(err);
  res.locals.message = 'Internal Server Error';
  res.status(500);
  res.render('error', { error: err });
});
` },
          ],
        },
        {
          messageId: 'errorLeak',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.use(function (err, req, res, next) {
  res.locals.message = err.message;
  res.status(500);
  console.error(err);
  res.render('error', { error: 'Internal Server Error' });
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (req, res) => {
  try {
    res.json(await work());
  } catch (err) {
    if (err.retryable) return res.status(503).send(err.message);
    res.status(500).end();
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 52,
          endLine: 6,
          endColumn: 63,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (req, res) => {
  try {
    res.json(await work());
  } catch (err) {
    if (err.retryable) { console.error(err); return res.status(503).send('Internal Server Error'); }
    res.status(500).end();
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
server.on('request', async (req, res) => {
  try {
    await handle(req, res);
  } catch (error) {
    res.writeHead(500);
    res.end(String(error));
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 26,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
server.on('request', async (req, res) => {
  try {
    await handle(req, res);
  } catch (error) {
    res.writeHead(500);
    console.error(error);
    res.end('Internal Server Error');
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.post('/x', async (req, res) => {
  try {
    res.json(await work());
  } catch (err) {
    for (const issue of err.errors) res.write(issue.message);
    res.end();
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 47,
          endLine: 6,
          endColumn: 60,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.post('/x', async (req, res) => {
  try {
    res.json(await work());
  } catch (err) {
    for (const issue of err.errors) { console.error(err); res.write('Internal Server Error'); }
    res.end();
  }
});
` },
          ],
        },
      ],
    },
    // Fastify
    {
      code: `
fastify.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.code(500).send({ error: error.message });
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
fastify.setErrorHandler((error, request, reply) => {
  request.log.error(error);
  reply.code(500).send({ error: 'Internal Server Error' });
});
` },
          ],
        },
      ],
    },
    {
      code: `
fastify.setErrorHandler(async (error, request, reply) => {
  return { statusCode: 500, message: error.message };
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 3,
          column: 38,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
fastify.setErrorHandler(async (error, request, reply) => {
  console.error(error);
  return { statusCode: 500, message: 'Internal Server Error' };
});
` },
          ],
        },
      ],
    },
    {
      code: `
fastify.get('/orders/:id', async (request, reply) => {
  try {
    return await getOrder(request.params.id);
  } catch (err) {
    return { error: String(err) };
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 32,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
fastify.get('/orders/:id', async (request, reply) => {
  try {
    return await getOrder(request.params.id);
  } catch (err) {
    console.error(err);
    return { error: 'Internal Server Error' };
  }
});
` },
          ],
        },
      ],
    },
    // Koa
    {
      code: `
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = err.message;
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 27,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    console.error(err);
    ctx.body = 'Internal Server Error';
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.response.body = { error: err.message };
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 45,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    console.error(err);
    ctx.response.body = { error: 'Internal Server Error' };
  }
});
` },
          ],
        },
      ],
    },
    {
      code: `
router.post('/orders', async (ctx) => {
  try {
    ctx.body = await createOrder(ctx.request.body);
  } catch (err) {
    ctx.throw(500, \`Order failed: \${err.message}\`);
  }
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 50,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
router.post('/orders', async (ctx) => {
  try {
    ctx.body = await createOrder(ctx.request.body);
  } catch (err) {
    console.error(err);
    ctx.throw(500, 'Internal Server Error');
  }
});
` },
          ],
        },
      ],
    },
    // Fetch API and Next.js
    {
      code: `
export async function POST(request: Request) {
  try {
    return Response.json(await refund(await request.json()));
  } catch (error) {
    return new Response(error.message, { status: 500 });
  }
}
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 38,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
export async function POST(request: Request) {
  try {
    return Response.json(await refund(await request.json()));
  } catch (error) {
    console.error(error);
    return new Response('Internal Server Error', { status: 500 });
  }
}
` },
          ],
        },
      ],
    },
    {
      code: `
export async function POST(request: Request) {
  try {
    return Response.json(await refund(await request.json()));
  } catch (error) {
    return Response.json({ error: String(error) }, { status: 500 });
  }
}
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 35,
          endLine: 6,
          endColumn: 48,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
export async function POST(request: Request) {
  try {
    return Response.json(await refund(await request.json()));
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
` },
          ],
        },
      ],
    },
    {
      code: `
export async function GET() {
  try {
    return NextResponse.json(await listLinks());
  } catch (error) {
    return NextResponse.json({ error: error instanceof Error ? error.message : 'Unknown error' }, { status: 500 });
  }
}
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 95,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
export async function GET() {
  try {
    return NextResponse.json(await listLinks());
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
` },
          ],
        },
      ],
    },
    {
      code: `
export async function POST(request: Request) {
  try {
    return Response.json(await refund(await request.json()));
  } catch (error) {
    return new Response(JSON.stringify({ error: error.message }), { status: 500 });
  }
}
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 6,
          column: 49,
          endLine: 6,
          endColumn: 62,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
export async function POST(request: Request) {
  try {
    return Response.json(await refund(await request.json()));
  } catch (error) {
    console.error(error);
    return new Response(JSON.stringify({ error: 'Internal Server Error' }), { status: 500 });
  }
}
` },
          ],
        },
      ],
    },
    // tRPC
    {
      code: `
export const paymentRouter = router({
  refund: protectedProcedure.input(refundInput).mutation(async ({ input }) => {
    try {
      return await refund(input);
    } catch (error) {
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: error.message, cause: error });
    }
  }),
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 69,
          endLine: 7,
          endColumn: 82,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
export const paymentRouter = router({
  refund: protectedProcedure.input(refundInput).mutation(async ({ input }) => {
    try {
      return await refund(input);
    } catch (error) {
      console.error(error);
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error', cause: error });
    }
  }),
});
` },
          ],
        },
      ],
    },
    {
      code: `
export const paymentRouter = router({
  status: publicProcedure.query(async () => {
    try {
      return await gatewayStatus();
    } catch (error) {
      return { ok: false, error: error.message };
    }
  }),
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 34,
          endLine: 7,
          endColumn: 47,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
export const paymentRouter = router({
  status: publicProcedure.query(async () => {
    try {
      return await gatewayStatus();
    } catch (error) {
      console.error(error);
      return { ok: false, error: 'Internal Server Error' };
    }
  }),
});
` },
          ],
        },
      ],
    },
  ],
});

typedRuleTester.run('no-error-leak (typed)', rule, {
  valid: [
    // Typed: only framework receivers are sinks
    `
export function relay(res: WebSocket): void {
  try {
    res.send(JSON.stringify(compute()));
  } catch (error) {
    res.send(String(error));
  }
}
declare function compute(): unknown;
`,
    // Typed: an error narrowed to a safe class by its type
    `
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
function isHttpError(error: unknown): error is HTTPException {
  return error instanceof HTTPException;
}
export async function handle(c: Context): Promise<Response> {
  try {
    return c.json(await load());
  } catch (error) {
    if (isHttpError(error)) return c.json({ error: error.message }, error.status);
    return c.json({ error: 'Internal Server Error' }, 500);
  }
}
declare function load(): Promise<object>;
`,
    `
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof HTTPException) return c.json({ message: err.message }, err.status);
  return c.json({ message: 'Internal Server Error' }, 500);
};
`,
  ],
  invalid: [
    // Typed: receivers recognised by their declared types
    {
      code: `
import type { Context } from 'hono';
export async function handle(h: Context): Promise<Response> {
  try {
    return h.json(await load());
  } catch (error) {
    return h.json({ error: String(error) }, 500);
  }
}
declare function load(): Promise<object>;
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 41,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
import type { Context } from 'hono';
export async function handle(h: Context): Promise<Response> {
  try {
    return h.json(await load());
  } catch (error) {
    console.error(error);
    return h.json({ error: 'Internal Server Error' }, 500);
  }
}
declare function load(): Promise<object>;
` },
          ],
        },
      ],
    },
    {
      code: `
import type { Request, Response } from 'express';
export async function getOrder(request: Request, out: Response): Promise<void> {
  try {
    out.json(await load(request.params.id));
  } catch (error) {
    out.status(500).json({ error: (error as Error).message });
  }
}
declare function load(id: string | undefined): Promise<object>;
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 35,
          endLine: 7,
          endColumn: 59,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
import type { Request, Response } from 'express';
export async function getOrder(request: Request, out: Response): Promise<void> {
  try {
    out.json(await load(request.params.id));
  } catch (error) {
    console.error(error);
    out.status(500).json({ error: 'Internal Server Error' });
  }
}
declare function load(id: string | undefined): Promise<object>;
` },
          ],
        },
      ],
    },
    {
      code: `
import type { FastifyReply } from 'fastify';
export async function getOrder(r: FastifyReply): Promise<void> {
  try {
    r.send(await load());
  } catch (error) {
    r.code(500).send({ error: String(error) });
  }
}
declare function load(): Promise<object>;
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 44,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
import type { FastifyReply } from 'fastify';
export async function getOrder(r: FastifyReply): Promise<void> {
  try {
    r.send(await load());
  } catch (error) {
    console.error(error);
    r.code(500).send({ error: 'Internal Server Error' });
  }
}
declare function load(): Promise<object>;
` },
          ],
        },
      ],
    },
    {
      code: `
import type { Context, Next } from 'koa';
export async function errors(k: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    k.status = 500;
    k.body = { error: (error as Error).message };
  }
}
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 8,
          column: 23,
          endLine: 8,
          endColumn: 47,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
import type { Context, Next } from 'koa';
export async function errors(k: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    k.status = 500;
    console.error(error);
    k.body = { error: 'Internal Server Error' };
  }
}
` },
          ],
        },
      ],
    },
    {
      code: `
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  return c.json({ error: err.message }, 500);
});
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 37,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
const app = new Hono();
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.error(err);
  return c.json({ error: 'Internal Server Error' }, 500);
});
` },
          ],
        },
      ],
    },
    {
      code: `
import { NextResponse } from 'next/server';
export async function GET(): Promise<Response> {
  try {
    return NextResponse.json(await load());
  } catch (error) {
    return NextResponse.json({ error: String(error) }, { status: 500 });
  }
}
declare function load(): Promise<object>;
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 39,
          endLine: 7,
          endColumn: 52,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
import { NextResponse } from 'next/server';
export async function GET(): Promise<Response> {
  try {
    return NextResponse.json(await load());
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
declare function load(): Promise<object>;
` },
          ],
        },
      ],
    },
    {
      code: `
import { TRPCError } from '@trpc/server';
export async function refund(id: string): Promise<void> {
  try {
    await load(id);
  } catch (error) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: error instanceof Error ? error.message : 'Refund failed' });
  }
}
declare function load(id: string): Promise<void>;
`,
      errors: [
        {
          messageId: 'errorLeak',
          line: 7,
          column: 67,
          endLine: 7,
          endColumn: 123,
          suggestions: [
            { messageId: 'useGenericMessage', output: `
import { TRPCError } from '@trpc/server';
export async function refund(id: string): Promise<void> {
  try {
    await load(id);
  } catch (error) {
    console.error(error);
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' });
  }
}
declare function load(id: string): Promise<void>;
` },
          ],
        },
      ],
    },
  ],
});
