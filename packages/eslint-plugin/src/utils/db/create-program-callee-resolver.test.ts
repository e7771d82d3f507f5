import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/require-transaction.js';

// Repository functions in another file, named so that no name-based guess would take them for writes.
const REPOSITORY = `
export async function fileOrder(trx: any, order: { id: string }) {
  await trx.insertInto('orders').values(order).execute();
}
export class StockBook {
  async book(trx: any, productId: string) {
    await trx.updateTable('products').set({ reserved: 1 }).where('id', '=', productId).execute();
  }
}
`;

const SERVICE = `
import { fileOrder, StockBook } from './order.repository';
export async function placeOrder(db: any, stock: StockBook, order: { id: string; productId: string }) {
  await fileOrder(db, order);
  await stock.book(db, order.productId);
}
`;

function lintService(typed: boolean): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-callee-'));
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['*.ts'] }));
  writeFileSync(path.join(dir, 'order.repository.ts'), REPOSITORY);
  writeFileSync(path.join(dir, 'order.service.ts'), SERVICE);
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const config = {
    files: ['**/*.ts'],
    languageOptions: { parser, parserOptions: typed ? { project: './tsconfig.json', tsconfigRootDir: dir } : {} },
    plugins: { faultline: { rules: { 'require-transaction': rule } } },
    rules: { 'faultline/require-transaction': 'error' },
  } as unknown as Linter.Config;
  return linter.verify(SERVICE, [config], path.join(dir, 'order.service.ts')).map((message) => `${String(message.line)}:${message.message}`);
}

describe('createProgramCalleeResolver', () => {
  it('follows calls into functions and methods declared in other files of the program', () => {
    expect(lintService(true)).toEqual([expect.stringMatching(/^3:Async function 'placeOrder' writes to the database at lines 4 and 5 /u)]);
  });

  it('cannot see other files without type information', () => {
    expect(lintService(false)).toEqual([]);
  });
});
