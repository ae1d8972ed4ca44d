import { importBatches } from '../../app/reference/import-batches';
import { getBatch, listBatches } from '../../app/reference/list-batches';
import { createBatch, updateBatch } from '../../app/reference/manage-batches';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import { ZReferenceBulkResult } from '../../contracts/customer.contract';
import {
  ZBatchBulkBody,
  ZBatchListQuery,
  ZBatchPage,
  ZBatchView,
  ZCreateBatchBody,
  ZUpdateBatchBody,
} from '../../contracts/reference.contract';
import { presentBatch } from '../presenters/reference.presenter';
import { ctxOf, etagOf, expectedVersionOf } from '../request-context';
import { BULK_BODY_LIMIT } from './customers.route';
import type { RouteModule } from './route-app';

export const batchRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/batches',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['reference data'],
        summary: '批号列表 List batches',
        description: 'Filters: productId, batchNo (exact). Cursor paging.',
        querystring: ZBatchListQuery,
        response: { 200: ZBatchPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listBatches(deps, ctxOf(request), request.query);
      return { items: page.items.map(presentBatch), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/batches/:id',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['reference data'],
        summary: '批号详情 Get a batch',
        params: ZIdParams,
        response: { 200: ZBatchView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = await getBatch(deps, ctxOf(request), request.params.id);
      reply.header('etag', etagOf(b.version));
      return presentBatch(b);
    },
  );

  app.post(
    '/api/v1/batches',
    {
      config: { permission: 'reference.manage' },
      schema: {
        tags: ['reference data'],
        summary: '新建批号 Create a batch',
        description: 'A batch number is unique per product (409 BATCH_TAKEN).',
        body: ZCreateBatchBody,
        response: { 201: ZBatchView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = await createBatch(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/batches/${b.id}`).header('etag', etagOf(b.version));
      return presentBatch(b);
    },
  );

  app.post(
    '/api/v1/batches/bulk',
    {
      config: { permission: 'reference.manage' },
      bodyLimit: Math.max(deps.config.bodyLimitBytes, BULK_BODY_LIMIT),
      schema: {
        tags: ['reference data'],
        summary: '批量导入批号 Bulk upsert batches',
        description:
          'Up to 5,000 rows, by productCode + batchNo; the product must exist. All or nothing: any bad row → 422 REFERENCE_IMPORT_INVALID listing every { row, problem }.',
        body: ZBatchBulkBody,
        response: { 200: ZReferenceBulkResult, ...errorResponses },
      },
    },
    async (request) =>
      importBatches(
        deps,
        ctxOf(request),
        request.body.rows.map((r, i) => ({ ...r, row: i + 1 })),
      ),
  );

  app.patch(
    '/api/v1/batches/:id',
    {
      config: { permission: 'reference.manage' },
      schema: {
        tags: ['reference data'],
        summary: '修改批号 Update a batch',
        description:
          'Needs If-Match: "<version>" or `version`; a stale version answers 409 VERSION_CONFLICT.',
        params: ZIdParams,
        body: ZUpdateBatchBody,
        response: { 200: ZBatchView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { version, ...changes } = request.body;
      const b = await updateBatch(deps, ctxOf(request), request.params.id, {
        ...changes,
        expectedVersion: expectedVersionOf(request, version),
      });
      reply.header('etag', etagOf(b.version));
      return presentBatch(b);
    },
  );
};
