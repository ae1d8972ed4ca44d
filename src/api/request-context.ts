import type { FastifyRequest } from 'fastify';
import type { UseCaseContext } from '../app/context';
import { AppError } from '../app/errors/app-error';

/** The use-case context of a request: who acts, and the request id that ties logs and audit rows together. */
export const ctxOf = (request: FastifyRequest): UseCaseContext => ({
  actor: request.actor,
  requestId: request.id,
});

/**
 * The version the client last read, for optimistic concurrency: `If-Match: "3"` (or `W/"3"`), else `version`
 * in the body. Neither → PRECONDITION_REQUIRED (428); a stale one → VERSION_CONFLICT (409) from the use-case.
 */
export const expectedVersionOf = (request: FastifyRequest, bodyVersion: number | undefined): number => {
  const header = request.headers['if-match'];
  if (typeof header === 'string' && header.trim() !== '') {
    const m = /^(?:W\/)?"?(\d{1,10})"?$/.exec(header.trim());
    if (!m)
      throw new AppError('VALIDATION_FAILED', {
        in: 'headers',
        issues: [{ path: ['if-match'], code: 'invalid_format', message: 'expected "<version>"' }],
      });
    return Number(m[1]);
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new AppError('PRECONDITION_REQUIRED');
};

export const etagOf = (version: number): string => `"${version}"`;
