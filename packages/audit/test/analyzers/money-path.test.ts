import { describe, expect, it } from 'vitest';
import analyze from '../../src/analyzers/money-path.js';
import { loadInMemoryProject } from '../helpers/in-memory-project.js';
import { makeFinding } from '../helpers/make-finding.js';

const service = `
export async function chargeOrder(db: any, orderId: number) {
  try {
    await db.updateTable('payments').set({ status: 'completed' }).where('order_id', '=', orderId).execute();
  } catch {
    return false;
  }
  return true;
}
export async function touchAudit(db: any) {
  try {
    await db.insertInto('audit_log').values({}).execute();
  } catch {
    return false;
  }
  return true;
}
`;

// The catch of chargeOrder and of touchAudit, as a rule would report them.
const chargeFinding = makeFinding({ file: 'src/payment.service.ts', line: 5, column: 5, function: 'chargeOrder' });
const auditFinding = makeFinding({ file: 'src/payment.service.ts', line: 13, column: 5, function: 'touchAudit' });

describe('money-path', () => {
  it('marks a finding in a function reachable from a Hono route that writes a payments table, and raises its risk', () => {
    const project = loadInMemoryProject({
      'src/payment.service.ts': service,
      'src/payment.routes.ts': `
import { Hono } from 'hono';
import { chargeOrder } from './payment.service.js';
declare const db: unknown;
export const payments = new Hono();
payments.post('/orders/:id/pay', async (c) => c.json({ ok: await chargeOrder(db, 1) }));
`,
    });
    const [classified] = analyze(project, { findings: [chargeFinding] });
    expect(classified?.moneyPath).toEqual({ route: 'POST /orders/:id/pay (src/payment.routes.ts)', tables: ['payments'] });
    expect(chargeFinding.risk).toBe('medium');
    expect(classified?.risk).toBe('high');
  });

  it('leaves a finding alone when its function is reachable from a route but touches no money table', () => {
    const project = loadInMemoryProject({
      'src/payment.service.ts': service,
      'src/audit.routes.ts': `
import { touchAudit } from './payment.service.js';
declare const router: { get(path: string, ...handlers: Array<(req: any, res: any) => unknown>): void };
declare const db: unknown;
router.get('/audit', async (_req, res) => res.json(await touchAudit(db)));
`,
    });
    const [classified] = analyze(project, { findings: [auditFinding] });
    expect(classified).toEqual(auditFinding);
  });

  it('leaves a finding alone when its function touches payments but no route reaches it', () => {
    const project = loadInMemoryProject({ 'src/payment.service.ts': service });
    const [classified] = analyze(project, { findings: [chargeFinding] });
    expect(classified?.moneyPath).toBeUndefined();
    expect(classified?.risk).toBe('medium');
  });

  it('follows Express handlers passed by name and wrapped in asyncHandler', () => {
    const project = loadInMemoryProject({
      'src/payment.service.ts': service,
      'src/app.ts': `
import { chargeOrder } from './payment.service.js';
declare const app: { post(path: string, ...handlers: unknown[]): void };
declare function asyncHandler(handler: (req: any, res: any) => Promise<void>): unknown;
declare const db: unknown;
async function pay(req: any, res: any) { res.json(await chargeOrder(db, Number(req.params.id))); }
app.post('/pay/:id', asyncHandler(pay));
`,
    });
    const [classified] = analyze(project, { findings: [chargeFinding] });
    expect(classified?.moneyPath?.route).toBe('POST /pay/:id (src/app.ts)');
  });

  it('recognises Next.js app-router handlers and configurable money table names', () => {
    const project = loadInMemoryProject({
      'src/payment.service.ts': service,
      'app/api/audit/route.ts': `
import { touchAudit } from '../../../src/payment.service.js';
declare const db: unknown;
export async function POST() { return Response.json(await touchAudit(db)); }
`,
    });
    const [classified] = analyze(project, { findings: [auditFinding], moneyTables: ['audit_log'] });
    expect(classified?.moneyPath).toEqual({ route: 'POST /api/audit (app/api/audit/route.ts)', tables: ['audit_log'] });
  });
});
