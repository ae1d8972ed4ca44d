import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Deps } from '../../app/deps';
import { AppError } from '../../app/errors/app-error';
import { runIdempotent } from '../../app/platform/run-idempotent';
import { sha256Hex } from '../../app/secrets';
import { canonicalJson } from '../../domain/shared/canonical-json';

const KEY = /^[\x21-\x7E]{1,255}$/;
const REPLAYED_HEADERS = ['location', 'etag'] as const;

const scopeOf = (request: FastifyRequest): string => {
  const actor = request.actor;
  if (actor.kind === 'user')
    return actor.via.kind === 'token' ? `token:${actor.via.tokenId}` : `user:${actor.userId}`;
  // Anonymous keys are scoped by client address so one visitor cannot replay another's answer.
  return `anon:${request.ip}`;
};

/**
 * Wraps every POST handler (except those with `config.idempotent: false`) so that an `Idempotency-Key` header
 * makes retries safe: the first answer is stored with the effect and replayed for 24 h
 * (header `Idempotent-Replayed: true`).
 */
export const registerIdempotency = (app: FastifyInstance, deps: Deps): void => {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST') || route.config?.idempotent === false) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function idempotentHandler(request, reply) {
      const key = request.headers['idempotency-key'];
      if (key === undefined) return handler.call(this, request, reply);
      if (typeof key !== 'string' || !KEY.test(key)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
      const requestHash = sha256Hex(
        `${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`,
      );
      const outcome = await runIdempotent(deps, { scope: scopeOf(request), key, requestHash }, async () => {
        const body: unknown = await handler.call(this, request, reply);
        const headers: Record<string, string> = {};
        for (const h of REPLAYED_HEADERS) {
          const v = reply.getHeader(h);
          if (typeof v === 'string') headers[h] = v;
        }
        return { status: reply.statusCode, body, headers };
      });
      if (outcome.replayed) {
        reply.code(outcome.status).header('idempotent-replayed', 'true');
        for (const [h, v] of Object.entries(outcome.headers)) reply.header(h, v);
      }
      return outcome.body;
    };
  });
};
