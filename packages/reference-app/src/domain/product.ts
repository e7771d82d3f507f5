import type { Currency } from './money.js';

/**
 * A product of the catalog.
 *
 * @example
 * const mug: Product = { id: 'prd_1', sku: 'MUG-01', name: 'Mug', price: 2500, currency: 'CNY', stock: 10 };
 */
export interface Product {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  /** Unit price in minor units. */
  readonly price: number;
  readonly currency: Currency;
  /** Units available to order. */
  readonly stock: number;
}

/**
 * The products seeded on first start (ids are minted by the seeder; SKUs make seeding idempotent).
 *
 * @example
 * for (const product of demoProducts) console.log(product.sku);
 */
export const demoProducts: readonly Omit<Product, 'id' | 'currency'>[] = [
  { sku: 'TEA-LONGJING-250', name: 'Longjing green tea, 250 g', price: 8800, stock: 100 },
  { sku: 'MUG-CELADON', name: 'Celadon mug', price: 4500, stock: 50 },
  { sku: 'NOTEBOOK-A5', name: 'A5 notebook', price: 1990, stock: 200 },
  { sku: 'UMBRELLA-FOLD', name: 'Folding umbrella', price: 12900, stock: 20 },
];
