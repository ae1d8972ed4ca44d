import type { Product, ProductFields } from '../../domain/reference/product';
import type { ProductId } from '../../domain/reference/reference-ids';
import { productRepo } from '../../db/repos/product.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { definedFields } from './reference-import';
import { rethrowUniqueViolation } from './rethrow-unique-violation';

export type ProductInput = {
  readonly code: string;
  readonly name: string;
  readonly model?: string | null | undefined;
  readonly category?: string | null | undefined;
  readonly priceFen?: number | null | undefined;
  readonly warrantyMonths?: number | null | undefined;
  readonly medicalDevice?: boolean | undefined;
  readonly active?: boolean | undefined;
};

export type UpdateProductInput = Partial<ProductInput> & {
  readonly expectedVersion: number;
  readonly reason?: string | undefined;
};

/** A new, active product from its input (not a medical device unless told so). */
export const buildProduct = (now: Date, input: ProductInput): Product => ({
  id: newId(now.getTime()) as ProductId,
  code: input.code,
  name: input.name,
  model: input.model ?? null,
  category: input.category ?? null,
  priceFen: input.priceFen ?? null,
  warrantyMonths: input.warrantyMonths ?? null,
  medicalDevice: input.medicalDevice ?? false,
  active: input.active ?? true,
  createdAt: now,
  updatedAt: now,
  version: 1,
});

/** The product with the given fields over the current ones (undefined keeps, null clears). */
export const mergeProduct = (current: Product, input: Partial<ProductInput>): ProductFields => {
  const { id: _i, createdAt: _c, updatedAt: _u, version: _v, ...fields } = current;
  return { ...fields, ...definedFields(input) };
};

/** Adds a product (unique code); price in integer fen, warranty in months. */
export const createProduct = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: ProductInput,
): Promise<Product> => {
  assertPermission(ctx.actor, 'reference.manage');
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      if (await productRepo.findByCode(tx, input.code))
        throw new AppError('PRODUCT_CODE_TAKEN', { code: input.code });
      const product = buildProduct(now, input);
      await productRepo.insertMany(tx, [product]);
      await appendAudit(tx, ctx, now, [
        { entityType: 'product', entityId: product.id, action: 'product.created', after: product },
      ]);
      await emitEvents(tx, now, [
        {
          type: 'product.created',
          aggregateType: 'product',
          aggregateId: product.id,
          payload: { code: product.code },
        },
      ]);
      return product;
    })
    .catch(rethrowUniqueViolation);
};

/** Edits a product with optimistic concurrency (stale version → VERSION_CONFLICT). */
export const updateProduct = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
  input: UpdateProductInput,
): Promise<Product> => {
  assertPermission(ctx.actor, 'reference.manage');
  const now = deps.clock.now();
  return deps.db
    .transaction(async (tx) => {
      const current = await productRepo.findByIdForUpdate(tx, id);
      if (!current) throw new AppError('PRODUCT_NOT_FOUND');
      if (current.version !== input.expectedVersion)
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      if (input.code && input.code !== current.code && (await productRepo.findByCode(tx, input.code)))
        throw new AppError('PRODUCT_CODE_TAKEN', { code: input.code });
      const { expectedVersion: _v, reason, ...fields } = input;
      const updated = await productRepo.update(tx, id, current.version, definedFields(fields), now);
      if (!updated) throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      await appendAudit(tx, ctx, now, [
        {
          entityType: 'product',
          entityId: id,
          action: 'product.updated',
          before: current,
          after: updated,
          reason: reason ?? null,
        },
      ]);
      await emitEvents(tx, now, [
        {
          type: 'product.updated',
          aggregateType: 'product',
          aggregateId: id,
          payload: { code: updated.code },
        },
      ]);
      return updated;
    })
    .catch(rethrowUniqueViolation);
};
