import { importProducts } from '../../app/reference/import-products';
import { getProduct, listProducts } from '../../app/reference/list-products';
import { createProduct, updateProduct } from '../../app/reference/manage-products';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import { ZReferenceBulkResult } from '../../contracts/customer.contract';
import {
  ZCreateProductBody,
  ZProductBulkBody,
  ZProductListQuery,
  ZProductPage,
  ZProductView,
  ZUpdateProductBody,
} from '../../contracts/reference.contract';
import { presentProduct } from '../presenters/reference.presenter';
import { ctxOf, etagOf, expectedVersionOf } from '../request-context';
import { BULK_BODY_LIMIT } from './customers.route';
import type { RouteModule } from './route-app';

export const productRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/products',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['reference data'],
        summary: '产品列表 List products',
        description: 'Filters: q (part of code, name or model), category, active. Cursor paging.',
        querystring: ZProductListQuery,
        response: { 200: ZProductPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listProducts(deps, ctxOf(request), request.query);
      return { items: page.items.map(presentProduct), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/products/:id',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['reference data'],
        summary: '产品详情 Get a product',
        params: ZIdParams,
        response: { 200: ZProductView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = await getProduct(deps, ctxOf(request), request.params.id);
      reply.header('etag', etagOf(p.version));
      return presentProduct(p);
    },
  );

  app.post(
    '/api/v1/products',
    {
      config: { permission: 'reference.manage' },
      schema: {
        tags: ['reference data'],
        summary: '新建产品 Create a product',
        description: 'Price in integer fen (12.50 yuan = 1250).',
        body: ZCreateProductBody,
        response: { 201: ZProductView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = await createProduct(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/products/${p.id}`).header('etag', etagOf(p.version));
      return presentProduct(p);
    },
  );

  app.post(
    '/api/v1/products/bulk',
    {
      config: { permission: 'reference.manage' },
      bodyLimit: Math.max(deps.config.bodyLimitBytes, BULK_BODY_LIMIT),
      schema: {
        tags: ['reference data'],
        summary: '批量导入产品 Bulk upsert products',
        description:
          'Up to 5,000 rows, by code; fields left out keep their value. All or nothing: any bad row → 422 REFERENCE_IMPORT_INVALID listing every { row, problem }.',
        body: ZProductBulkBody,
        response: { 200: ZReferenceBulkResult, ...errorResponses },
      },
    },
    async (request) =>
      importProducts(
        deps,
        ctxOf(request),
        request.body.rows.map((r, i) => ({ ...r, row: i + 1 })),
      ),
  );

  app.patch(
    '/api/v1/products/:id',
    {
      config: { permission: 'reference.manage' },
      schema: {
        tags: ['reference data'],
        summary: '修改产品 Update a product',
        description:
          'Needs If-Match: "<version>" or `version`; a stale version answers 409 VERSION_CONFLICT.',
        params: ZIdParams,
        body: ZUpdateProductBody,
        response: { 200: ZProductView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { version, ...changes } = request.body;
      const p = await updateProduct(deps, ctxOf(request), request.params.id, {
        ...changes,
        expectedVersion: expectedVersionOf(request, version),
      });
      reply.header('etag', etagOf(p.version));
      return presentProduct(p);
    },
  );
};
