import type { ErrorCode } from '../../domain/error-code';
import { AppError } from '../errors/app-error';

const TAKEN: Record<string, ErrorCode> = {
  customers_code_uq: 'CUSTOMER_CODE_TAKEN',
  products_code_uq: 'PRODUCT_CODE_TAKEN',
  batches_product_batch_uq: 'BATCH_TAKEN',
  shipments_reference_uq: 'SHIPMENT_REFERENCE_TAKEN',
};

const constraintOf = (e: unknown): string | undefined => {
  for (const x of [e, (e as { cause?: unknown } | undefined)?.cause]) {
    const err = x as { code?: unknown; constraint?: unknown } | undefined;
    if (err?.code === '23505' && typeof err.constraint === 'string') return err.constraint;
  }
  return undefined;
};

/**
 * The checks before an insert cannot see a concurrent transaction's uncommitted row: when two requests race
 * for one code, the unique index decides, and the loser gets the same 409 as if it had come second.
 */
export const rethrowUniqueViolation = (e: unknown): never => {
  const constraint = constraintOf(e);
  const code = constraint === undefined ? undefined : TAKEN[constraint];
  if (code) throw new AppError(code);
  throw e;
};
