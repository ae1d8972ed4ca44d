import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/deps';
import { AppError } from '../../app/errors/app-error';
import { authenticateSession, authenticateToken } from '../../app/identity/authenticate';
import { safeEqual } from '../../app/secrets';
import { pickLocale } from '../locale';

export const SESSION_COOKIE = 'cl_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const originAllowed = (request: FastifyRequest, publicUrl: string | undefined): boolean => {
  const origin = request.headers.origin ?? request.headers.referer;
  if (!origin) return true;
  try {
    // Both sides through URL, so default ports (:80, :443) compare equal to none.
    const host = new URL(origin).host;
    if (publicUrl && new URL(publicUrl).host === host) return true;
    return host === new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return false;
  }
};

/**
 * Runs before every route (R-SEC-1): picks the locale, authenticates by session cookie or bearer API token,
 * refuses cookie-authenticated writes without the session's CSRF token (and from foreign origins), enforces
 * the initial-password change, and checks the route's declared permission.
 */
export const registerAuthentication = (app: FastifyInstance, deps: Deps): void => {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('sessionCsrfToken', undefined);
  app.decorateRequest('sessionExpiresAt', undefined);

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language'], deps.config.defaultLocale);
    request.actor = { kind: 'anonymous' };
    const config = request.routeOptions.config;
    const isPublic = config?.auth === 'public' || request.routeOptions.url === undefined;

    const authorization = request.headers.authorization;
    const cookie = request.cookies[SESSION_COOKIE];
    if (authorization?.startsWith('Bearer ')) {
      try {
        request.actor = await authenticateToken(deps, authorization.slice(7).trim());
      } catch (e) {
        // Public routes (e.g. /metrics with its own bearer token) do not need an API token.
        if (!isPublic) throw e;
      }
    } else if (cookie) {
      try {
        const session = await authenticateSession(deps, cookie);
        request.actor = session.actor;
        request.sessionCsrfToken = session.csrfToken;
        request.sessionExpiresAt = session.expiresAt;
      } catch (e) {
        if (!isPublic) throw e;
      }
      if (!SAFE_METHODS.has(request.method) && request.actor.kind === 'user') {
        const sent = request.headers['x-csrf-token'];
        const ok =
          typeof sent === 'string' &&
          request.sessionCsrfToken !== undefined &&
          safeEqual(sent, request.sessionCsrfToken);
        if (!ok || !originAllowed(request, deps.config.publicUrl)) throw new AppError('CSRF_REJECTED');
      }
    } else if (
      !SAFE_METHODS.has(request.method) &&
      isPublic &&
      !originAllowed(request, deps.config.publicUrl)
    ) {
      // Login CSRF: a foreign page must not post credentials into our login form.
      throw new AppError('CSRF_REJECTED');
    }

    if (isPublic) return;
    const actor = request.actor;
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
    if (actor.mustChangePassword && !config?.allowWhilePasswordChangeRequired)
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (config?.permission && !actor.grants.has(config.permission)) {
      throw new AppError('FORBIDDEN', { permission: config.permission });
    }
  });
};
