import { z } from 'zod';
import { AppError } from '../../app/errors/app-error';
import { changePassword } from '../../app/identity/change-password';
import { logIn } from '../../app/identity/log-in';
import { logOut } from '../../app/identity/log-out';
import {
  ZChangePasswordBody,
  ZLoginBody,
  ZSessionView,
  ZSessionProbeView,
} from '../../contracts/auth.contract';
import { errorResponses } from '../../contracts/common.contract';
import { SESSION_COOKIE } from '../plugins/authenticate.hook';
import { presentSession } from '../presenters/user.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';
import { computeGrants } from '../../domain/identity/compute-grants';

export const authRoutes: RouteModule = (app, deps) => {
  const secureCookie = (protocol: string): boolean =>
    deps.config.cookieSecure === 'always' || (deps.config.cookieSecure === 'auto' && protocol === 'https');

  app.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public', idempotent: false },
      schema: {
        tags: ['auth'],
        summary: '登录 Log in',
        description:
          'Sets an httpOnly session cookie and returns the CSRF token to send with writes. Rate-limited per client; repeated wrong passwords lock the account temporarily.',
        body: ZLoginBody,
        response: { 200: ZSessionView, ...errorResponses, 423: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const result = await logIn(deps, ctxOf(request), {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(request.protocol),
        maxAge: deps.config.session.absoluteHours * 3600,
      });
      const u = result.user;
      const subject = {
        userId: u.id,
        username: u.username,
        displayName: u.displayName,
        roles: u.roles,
        departmentIds: u.departments.map((d) => d.id),
        mustChangePassword: u.mustChangePassword,
        grants: computeGrants(u.roles),
      };
      return presentSession(subject, u.locale, result.csrfToken, result.expiresAt);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { allowWhilePasswordChangeRequired: true, idempotent: false },
      schema: { tags: ['auth'], summary: '退出登录 Log out', response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await logOut(deps, ctxOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { allowWhilePasswordChangeRequired: true },
      schema: {
        tags: ['auth'],
        summary: '当前会话 Current session',
        response: { 200: ZSessionView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
      return presentSession(
        actor,
        request.locale,
        request.sessionCsrfToken ?? '',
        request.sessionExpiresAt ?? new Date(0),
      );
    },
  );

  app.get(
    '/api/v1/auth/probe',
    {
      config: { auth: 'public', allowWhilePasswordChangeRequired: true },
      schema: {
        tags: ['auth'],
        summary: '会话探测 Session probe',
        description:
          'For the web console: the current session, or `session: null` when signed out — always 200, so a signed-out browser does not log a failed request.',
        response: { 200: ZSessionProbeView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind !== 'user') return { session: null };
      return {
        session: presentSession(
          actor,
          request.locale,
          request.sessionCsrfToken ?? '',
          request.sessionExpiresAt ?? new Date(0),
        ),
      };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { allowWhilePasswordChangeRequired: true, idempotent: false },
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change password',
        description: 'Ends every other session of the user.',
        body: ZChangePasswordBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changePassword(deps, ctxOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
};
