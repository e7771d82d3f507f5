import { describe, expect, it } from 'vitest';
import { getCallGraph } from '../../src/analysis/call-graph.js';
import { loadInMemoryProject } from '../helpers/in-memory-project.js';

function describeCalls(files: Record<string, string>, caller: string): string[] {
  const graph = getCallGraph(loadInMemoryProject(files));
  const unit = graph.units.find((candidate) => candidate.name === caller);
  return (unit?.calls ?? []).map((site) => `${site.callee.name} (${site.callee.file})`);
}

const repository = `
export async function save(db: any, id: number) {
  await db.insertInto('orders').values({ id }).execute();
}
export const store = {
  async save(db: any, id: number) {
    await db.insertInto('orders').values({ id }).execute();
  },
};
`;

describe('getCallGraph', () => {
  it('follows x.name() into a plain function when x is a module object imported into the file', () => {
    const calls = describeCalls(
      {
        'src/order.repository.ts': repository,
        'src/order.service.ts': `
import * as orders from './order.repository.js';
export async function placeOrder(db: any) {
  await orders.save(db, 1);
}
`,
      },
      'placeOrder',
    );
    expect(calls).toEqual(['save (src/order.repository.ts)']);
  });

  it('follows x.name() into a method of an object, imported or not', () => {
    const calls = describeCalls(
      {
        'src/order.repository.ts': repository,
        'src/order.service.ts': `
import { store } from './order.repository.js';
export async function placeOrder(db: any) {
  const local = store;
  await local.save(db, 1);
}
`,
      },
      'placeOrder',
    );
    expect(calls).toEqual(['store.save (src/order.repository.ts)']);
  });

  it('does not take a method of a local object for a plain function of the same name', () => {
    const calls = describeCalls(
      {
        'src/order.repository.ts': `
export async function report(db: any, id: number) {
  await db.insertInto('reports').values({ id }).execute();
}
`,
        'src/order.service.ts': `
export async function placeOrder(logger: { report(message: string): void }) {
  logger.report('placed');
}
`,
      },
      'placeOrder',
    );
    expect(calls).toEqual([]);
  });
});
