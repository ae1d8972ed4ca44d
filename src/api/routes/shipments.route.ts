import { importShipments } from '../../app/reference/import-shipments';
import { getShipment, listShipments } from '../../app/reference/list-shipments';
import { createShipment } from '../../app/reference/manage-shipments';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import { ZReferenceBulkResult } from '../../contracts/customer.contract';
import {
  ZCreateShipmentBody,
  ZShipmentBulkBody,
  ZShipmentListQuery,
  ZShipmentPage,
  ZShipmentView,
} from '../../contracts/reference.contract';
import { presentShipment } from '../presenters/reference.presenter';
import { ctxOf } from '../request-context';
import { BULK_BODY_LIMIT } from './customers.route';
import type { RouteModule } from './route-app';

export const shipmentRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/shipments',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['reference data'],
        summary: '发货记录 List shipments',
        description: 'Filters: batchId, customerId (dealer), region. Newest shipping date first by default.',
        querystring: ZShipmentListQuery,
        response: { 200: ZShipmentPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listShipments(deps, ctxOf(request), request.query);
      return { items: page.items.map(presentShipment), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/shipments/:id',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['reference data'],
        summary: '发货详情 Get a shipment',
        params: ZIdParams,
        response: { 200: ZShipmentView, ...errorResponses },
      },
    },
    async (request) => presentShipment(await getShipment(deps, ctxOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/shipments',
    {
      config: { permission: 'reference.manage' },
      schema: {
        tags: ['reference data'],
        summary: '新建发货记录 Record a shipment',
        description:
          'A reference (e.g. the ERP delivery note), when given, is unique (409 SHIPMENT_REFERENCE_TAKEN).',
        body: ZCreateShipmentBody,
        response: { 201: ZShipmentView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const s = await createShipment(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/shipments/${s.id}`);
      return presentShipment(s);
    },
  );

  app.post(
    '/api/v1/shipments/bulk',
    {
      config: { permission: 'reference.manage' },
      bodyLimit: Math.max(deps.config.bodyLimitBytes, BULK_BODY_LIMIT),
      schema: {
        tags: ['reference data'],
        summary: '批量导入发货 Bulk upsert shipments',
        description:
          'Up to 5,000 rows naming the batch by productCode + batchNo (and the dealer by customerCode). A row with a known reference replaces that shipment; one without a reference is always new. All or nothing: any bad row → 422 REFERENCE_IMPORT_INVALID listing every { row, problem }.',
        body: ZShipmentBulkBody,
        response: { 200: ZReferenceBulkResult, ...errorResponses },
      },
    },
    async (request) =>
      importShipments(
        deps,
        ctxOf(request),
        request.body.rows.map((r, i) => ({ ...r, row: i + 1 })),
      ),
  );
};
