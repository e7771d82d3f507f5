import type { Kysely } from 'kysely';
import type { ProductRow } from '../db/orders.schema.js';
import type { DB } from '../db/schema.js';
import type { Product } from '../domain/product.js';

function toProduct(row: ProductRow): Product {
  return { id: row.id, sku: row.sku, name: row.name, price: row.price, currency: row.currency, stock: row.stock };
}

/**
 * Lists every product, by SKU.
 *
 * @param db - database or transaction handle
 * @example
 * const products = await listProducts(db);
 */
export async function listProducts(db: Kysely<DB>): Promise<Product[]> {
  const rows = await db.selectFrom('products').selectAll().orderBy('sku').orderBy('id').execute();
  return rows.map(toProduct);
}

/**
 * Finds products by id.
 *
 * @param db - database or transaction handle
 * @param ids - product ids (any order, no duplicates needed)
 * @returns the products found, keyed by id
 * @example
 * const found = await findProductsByIds(trx, ['prd_1', 'prd_2']);
 */
export async function findProductsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, Product>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('products').selectAll().where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, toProduct(row)]));
}

/**
 * Inserts a product; a duplicate SKU fails with the driver's unique violation.
 *
 * @param db - database or transaction handle
 * @param product - the new product
 * @param createdAt - creation time
 * @example
 * await insertProduct(db, { id, sku: 'MUG', name: 'Mug', price: 2500, currency: 'CNY', stock: 10 }, now);
 */
export async function insertProduct(db: Kysely<DB>, product: Product, createdAt: Date): Promise<void> {
  await db
    .insertInto('products')
    .values({ ...product, created_at: createdAt.toISOString() })
    .execute();
}

/**
 * Inserts products whose SKU is not taken yet (seeding; safe to repeat and to race).
 *
 * @param db - database or transaction handle
 * @param products - products to ensure
 * @param createdAt - creation time of new rows
 * @example
 * await insertProductsIfAbsent(db, demoProducts, now);
 */
export async function insertProductsIfAbsent(db: Kysely<DB>, products: readonly Product[], createdAt: Date): Promise<void> {
  if (products.length === 0) {
    return;
  }
  await db
    .insertInto('products')
    .values(products.map((product) => ({ ...product, created_at: createdAt.toISOString() })))
    .onConflict((oc) => oc.column('sku').doNothing())
    .execute();
}

/**
 * Reserves `quantity` units if that many are in stock: one conditional update
 * (`… WHERE stock >= :quantity`), so concurrent orders can never oversell, on either dialect.
 *
 * @param db - the order's transaction
 * @param productId - the product
 * @param quantity - units to take, ≥ 1
 * @returns whether the units were reserved (exactly one row changed)
 * @example
 * if (!(await reserveStock(trx, item.productId, item.quantity))) outOfStock.push(item);
 */
export async function reserveStock(db: Kysely<DB>, productId: string, quantity: number): Promise<boolean> {
  const result = await db
    .updateTable('products')
    .set((eb) => ({ stock: eb('stock', '-', quantity) }))
    .where('id', '=', productId)
    .where('stock', '>=', quantity)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Gives reserved units back.
 *
 * @param db - the cancellation's transaction (the same one that moved the order to `cancelled`)
 * @param productId - the product
 * @param quantity - units to return
 * @returns whether the product row was updated
 * @example
 * await releaseStock(trx, item.productId, item.quantity);
 */
export async function releaseStock(db: Kysely<DB>, productId: string, quantity: number): Promise<boolean> {
  const result = await db
    .updateTable('products')
    .set((eb) => ({ stock: eb('stock', '+', quantity) }))
    .where('id', '=', productId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
