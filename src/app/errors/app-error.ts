import type { ErrorCode } from '../../domain/error-code';

/**
 * A refusal the caller can act on. Use-cases throw it; the API maps `code` to an HTTP status and a localised
 * message (api/errors). `details` must be safe to show to the caller.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
