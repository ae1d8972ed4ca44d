import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isAppError } from '../../app/errors/app-error';
import type { ErrorCode } from '../../domain/error-code';
import { ERROR_MESSAGES } from './error-messages';
import { HTTP_STATUS } from './http-status';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** Sends `{ error: { code, message, details } }` with the mapped status and a message in the request's locale. */
export const sendError = (
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details: Record<string, unknown> = {},
): FastifyReply => {
  const status = HTTP_STATUS[code];
  if (code === 'RATE_LIMITED' && typeof details.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(details.retryAfterSeconds));
  }
  const locale = request.locale ?? 'zh-CN';
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error: { code, message: ERROR_MESSAGES[code][locale], details } });
};

/**
 * Maps every failure to the error contract: domain/app refusals by their code, request validation with the
 * field paths, Fastify's body errors (bad JSON, size, content type) to their 4xx, and anything else to a 500
 * that names only the request id (internals go to the log, never to the client).
 */
export const registerErrorHandling = (
  app: FastifyInstance,
  htmlFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined,
): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) return sendError(request, reply, error.code, error.details ?? {});
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(request, reply, 'VALIDATION_FAILED', {
        in: error.validationContext ?? 'body',
        issues: error.validation.map((v) => ({
          path: v.instancePath.replace(/^\//, '').split('/').filter(Boolean),
          code: v.keyword,
          message: v.message,
        })),
      });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped)
      return sendError(
        request,
        reply,
        mapped,
        mapped === 'VALIDATION_FAILED' ? { reason: error.message } : {},
      );
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(request, reply, 'VALIDATION_FAILED', { reason: error.message });
    }
    if (isResponseSerializationError(error))
      request.log.error({ err: error, issues: error.cause.issues }, 'response contract broken');
    else request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL_ERROR', { requestId: request.id });
  });
  // Unknown API paths answer the error contract; any other GET is a page of the console or the portal.
  app.setNotFoundHandler(
    (request, reply) =>
      htmlFallback?.(request, reply) ??
      sendError(request, reply, 'ROUTE_NOT_FOUND', {
        method: request.method,
        path: request.url.split('?')[0],
      }),
  );
};
