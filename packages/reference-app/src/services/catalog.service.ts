import { isUniqueViolation } from '../db/database-errors.js';
import type { Product } from '../domain/product.js';
import { ConflictError } from '../errors/app-error.js';
import { insertProduct, listProducts } from '../repositories/product.repository.js';
import type { ServiceDeps } from './service-deps.js';

/** A product to create (admin). */
export interface NewProductInput {
  readonly sku: string;
  readonly name: string;
  readonly price: number;
  readonly stock: number;
}

/**
 * The product catalog.
 *
 * @example
 * const products = await catalog.list();
 */
export interface CatalogService {
  list(): Promise<Product[]>;
  /** @throws {ConflictError} `sku_taken` */
  create(input: NewProductInput): Promise<Product>;
}

/**
 * @param deps - service dependencies
 * @example
 * const catalog = createCatalogService(deps);
 */
export function createCatalogService(deps: Pick<ServiceDeps, 'database' | 'clock' | 'ids' | 'config'>): CatalogService {
  const { database, clock, ids, config } = deps;
  return {
    list: () => listProducts(database.db),
    async create(input) {
      const product: Product = { id: ids.next('prd'), currency: config.defaultCurrency, ...input };
      try {
        await insertProduct(database.db, product, clock.now());
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError('sku_taken', 'A product with this SKU already exists.', { cause: error });
        }
        throw error;
      }
      return product;
    },
  };
}
