import type { FastifyInstance } from 'fastify';
import type { Session } from './identity.factory';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request through the app (no socket) as a signed-in user: their session cookie and CSRF header. */
export const callAs = (
  app: FastifyInstance,
  s: Session,
  method: HttpMethod,
  url: string,
  payload?: unknown,
) =>
  app.inject({
    method,
    url,
    headers: s.headers,
    ...(payload !== undefined && { payload: payload as never }),
  });
