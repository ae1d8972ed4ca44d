import { createApiToken, listApiTokens, revokeApiToken } from '../../app/tokens/manage-api-tokens';
import {
  ZApiTokenList,
  ZApiTokenView,
  ZCreateApiTokenBody,
  ZCreatedApiTokenView,
} from '../../contracts/api-token.contract';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import { presentApiToken } from '../presenters/ops.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

export const apiTokenRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/api-tokens',
    {
      config: { permission: 'token.manage_own' },
      schema: {
        tags: ['api tokens'],
        summary: 'API 令牌列表 List API tokens',
        description: 'Your own tokens; all tokens with token.manage_all.',
        response: { 200: ZApiTokenList, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listApiTokens(deps, ctxOf(request))).map(presentApiToken) }),
  );

  app.post(
    '/api/v1/api-tokens',
    {
      config: { permission: 'token.manage_own' },
      schema: {
        tags: ['api tokens'],
        summary: '签发 API 令牌 Issue an API token',
        description:
          'The secret is returned once; only its hash is stored. Use it as `Authorization: Bearer <secret>`. Scopes cannot exceed the owner’s permissions.',
        body: ZCreateApiTokenBody,
        response: { 201: ZCreatedApiTokenView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, secret } = await createApiToken(deps, ctxOf(request), {
        ...request.body,
        expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
      });
      reply.code(201).header('location', `/api/v1/api-tokens/${token.id}`);
      return { token: presentApiToken(token), secret };
    },
  );

  app.post(
    '/api/v1/api-tokens/:id/revoke',
    {
      config: { permission: 'token.manage_own' },
      schema: {
        tags: ['api tokens'],
        summary: '吊销令牌 Revoke a token',
        params: ZIdParams,
        response: { 200: ZApiTokenView, ...errorResponses },
      },
    },
    async (request) => presentApiToken(await revokeApiToken(deps, ctxOf(request), request.params.id)),
  );
};
