import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Product } from '../../domain/reference/product';
import type { ProductId } from '../../domain/reference/reference-ids';
import type { Executor } from '../client';
import { inChunks } from '../in-chunks';
import { keysetCondition, keysetOrder, likeContains, type KeysetSort } from '../keyset';
import { products } from '../schema/reference.table';

type ProductRow = typeof products.$inferSelect;

const toProduct = (r: ProductRow): Product => ({ ...r, id: r.id as ProductId });

export type ProductFilter = {
  readonly q?: string | undefined;
  readonly category?: string | undefined;
  readonly active?: boolean | undefined;
};

export type ProductSortKey = 'code' | 'name' | 'createdAt';

export const productSortColumns = { code: products.code, name: products.name, createdAt: products.createdAt };

export type ProductPatch = Partial<Omit<Product, 'id' | 'createdAt' | 'updatedAt' | 'version'>>;

export const productRepo = {
  async findById(ex: Executor, id: string): Promise<Product | undefined> {
    const [row] = await ex.select().from(products).where(eq(products.id, id));
    return row && toProduct(row);
  },

  async findByIdForUpdate(ex: Executor, id: string): Promise<Product | undefined> {
    const [row] = await ex.select().from(products).where(eq(products.id, id)).for('update');
    return row && toProduct(row);
  },

  async findByCode(ex: Executor, code: string): Promise<Product | undefined> {
    const [row] = await ex.select().from(products).where(eq(products.code, code));
    return row && toProduct(row);
  },

  /** Products with these codes, rows locked (bulk upserts of products, batches and shipments). */
  async findByCodesForUpdate(ex: Executor, codes: readonly string[]): Promise<Product[]> {
    const found: Product[] = [];
    await inChunks([...new Set(codes)], 5000, async (chunk) => {
      const rows = await ex.select().from(products).where(inArray(products.code, chunk)).for('update');
      found.push(...rows.map(toProduct));
    });
    return found;
  },

  async list(
    ex: Executor,
    filter: ProductFilter,
    page: { sort: KeysetSort; after: { value: unknown; id: string } | undefined; limit: number },
  ): Promise<Product[]> {
    const q = filter.q ? likeContains(filter.q) : undefined;
    const rows = await ex
      .select()
      .from(products)
      .where(
        and(
          q
            ? sql`(${products.name} ilike ${q} or ${products.code} ilike ${q} or ${products.model} ilike ${q})`
            : undefined,
          filter.category !== undefined ? eq(products.category, filter.category) : undefined,
          filter.active !== undefined ? eq(products.active, filter.active) : undefined,
          keysetCondition(page.sort, products.id, page.after),
        ),
      )
      .orderBy(...keysetOrder(page.sort, products.id))
      .limit(page.limit);
    return rows.map(toProduct);
  },

  async insertMany(ex: Executor, rows: readonly Product[]): Promise<void> {
    await inChunks(rows, 1000, async (chunk) => {
      await ex.insert(products).values(chunk.map((p) => ({ ...p })));
    });
  },

  /** Updates when the row still has `expectedVersion`; undefined when it moved on (VERSION_CONFLICT). */
  async update(
    ex: Executor,
    id: string,
    expectedVersion: number,
    patch: ProductPatch,
    now: Date,
  ): Promise<Product | undefined> {
    const [row] = await ex
      .update(products)
      .set({ ...patch, updatedAt: now, version: sql`${products.version} + 1` })
      .where(and(eq(products.id, id), eq(products.version, expectedVersion)))
      .returning();
    return row && toProduct(row);
  },
};
