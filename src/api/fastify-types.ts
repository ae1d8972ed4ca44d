/* eslint-disable @typescript-eslint/consistent-type-definitions -- Fastify is extended by interface merging. */
import type { Actor } from '../domain/identity/actor';
import type { Permission } from '../domain/identity/permissions';
import type { ApiLocale } from './errors/error-messages';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public`: no login needed; default: a session or API token is required. */
    auth?: 'public' | 'required';
    /** The permission the route needs; checked before the handler, and again by the use-case. */
    permission?: Permission;
    /** Reachable while the user still has to change the initial password (session, logout, change password). */
    allowWhilePasswordChangeRequired?: boolean;
    /** POST routes honour Idempotency-Key unless this is false (login: its failures must commit). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    locale: ApiLocale;
    /** The session's CSRF token, when the request authenticated by cookie. */
    sessionCsrfToken: string | undefined;
    sessionExpiresAt: Date | undefined;
  }
}
