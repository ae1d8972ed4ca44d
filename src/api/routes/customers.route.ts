import { createCustomer } from '../../app/reference/create-customer';
import { getCustomerArchive } from '../../app/reference/get-customer-archive';
import { importCustomers } from '../../app/reference/import-customers';
import { getCustomer, listCustomers } from '../../app/reference/list-customers';
import { lookupCustomerByPhone } from '../../app/reference/lookup-customer-by-phone';
import { updateCustomer } from '../../app/reference/update-customer';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import {
  ZCreateCustomerBody,
  ZCustomerArchiveQuery,
  ZCustomerArchiveView,
  ZCustomerBulkBody,
  ZCustomerListQuery,
  ZCustomerLookupQuery,
  ZCustomerLookupView,
  ZCustomerPage,
  ZCustomerView,
  ZReferenceBulkResult,
  ZUpdateCustomerBody,
} from '../../contracts/customer.contract';
import {
  presentArchiveComplaint,
  presentCompensationEntry,
  presentComplaintStats,
  presentCustomer,
} from '../presenters/reference.presenter';
import { ctxOf, etagOf, expectedVersionOf } from '../request-context';
import type { RouteModule } from './route-app';

/** Bulk upserts take up to 5,000 rows: more than the default body limit allows. */
export const BULK_BODY_LIMIT = 16 * 1_048_576;

export const customerRoutes: RouteModule = (app, deps) => {
  const bulkBodyLimit = Math.max(deps.config.bodyLimitBytes, BULK_BODY_LIMIT);

  app.get(
    '/api/v1/customers',
    {
      config: { permission: 'customer.read' },
      schema: {
        tags: ['customers'],
        summary: '顾客档案列表 List customers',
        description:
          'Filters: q (part of the name), phone (however written: +86 138-1234-5678 = 13812345678), type, tier, specialGroup. Cursor paging; sort name or createdAt (prefix - for descending). Phone, e-mail and address are masked without pii.reveal.',
        querystring: ZCustomerListQuery,
        response: { 200: ZCustomerPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listCustomers(deps, ctxOf(request), request.query);
      return { items: page.items.map((c) => presentCustomer(c, request.actor)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/customers/lookup',
    {
      config: { permission: 'customer.read' },
      schema: {
        tags: ['customers'],
        summary: '来电查询 Look up a caller by phone',
        description:
          'R-INT-6 hotline look-up: the customers with this number and, for each, the last complaints (number, status, received, product) and totals (complaints, open, compensation paid so far). No match answers an empty list.',
        querystring: ZCustomerLookupQuery,
        response: { 200: ZCustomerLookupView, ...errorResponses },
      },
    },
    async (request) => {
      const found = await lookupCustomerByPhone(
        deps,
        ctxOf(request),
        request.query.phone,
        request.query.recent,
      );
      return {
        phone: found.phoneNorm,
        matches: found.matches.map((m) => ({
          customer: presentCustomer(m.customer, request.actor),
          stats: presentComplaintStats(m.stats),
          recentComplaints: m.recentComplaints.map((e) => {
            const c = presentArchiveComplaint(e);
            return {
              id: c.id,
              number: c.number,
              kind: c.kind,
              status: c.status,
              receivedAt: c.receivedAt,
              productName: c.productName,
              compensationPaidFen: c.compensationPaidFen,
            };
          }),
        })),
      };
    },
  );

  app.get(
    '/api/v1/customers/:id',
    {
      config: { permission: 'customer.read' },
      schema: {
        tags: ['customers'],
        summary: '顾客详情 Get a customer',
        params: ZIdParams,
        response: { 200: ZCustomerView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = await getCustomer(deps, ctxOf(request), request.params.id);
      reply.header('etag', etagOf(c.version));
      return presentCustomer(c, request.actor);
    },
  );

  app.get(
    '/api/v1/customers/:id/archive',
    {
      config: { permission: 'customer.archive' },
      schema: {
        tags: ['customers'],
        summary: '顾客投诉与赔偿档案 Customer archive',
        description:
          'R-RES-6: the customer, counts by status, compensation paid and amounts claimed, every complaint newest first (cursor paged), and the compensation history from the compensation ledger (agreed and paid per complaint). Paid amounts come from the ledger; complaints settled before it use their own record.',
        params: ZIdParams,
        querystring: ZCustomerArchiveQuery,
        response: { 200: ZCustomerArchiveView, ...errorResponses },
      },
    },
    async (request) => {
      const a = await getCustomerArchive(deps, ctxOf(request), request.params.id, request.query);
      return {
        customer: presentCustomer(a.customer, request.actor),
        stats: presentComplaintStats(a.stats),
        complaints: {
          items: a.complaints.items.map(presentArchiveComplaint),
          nextCursor: a.complaints.nextCursor,
        },
        compensationHistory: a.compensationHistory.map(presentCompensationEntry),
      };
    },
  );

  app.post(
    '/api/v1/customers',
    {
      config: { permission: 'customer.manage' },
      schema: {
        tags: ['customers'],
        summary: '新建顾客档案 Create a customer',
        body: ZCreateCustomerBody,
        response: { 201: ZCustomerView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = await createCustomer(deps, ctxOf(request), request.body);
      reply.code(201).header('location', `/api/v1/customers/${c.id}`).header('etag', etagOf(c.version));
      return presentCustomer(c, request.actor);
    },
  );

  app.post(
    '/api/v1/customers/bulk',
    {
      config: { permission: 'customer.manage' },
      bodyLimit: bulkBodyLimit,
      schema: {
        tags: ['customers'],
        summary: '批量导入顾客 Bulk upsert customers',
        description:
          'Up to 5,000 rows. A row updates the customer with its code, else the one with its phone (normalised), else creates one; fields left out keep their value. All or nothing: any bad row → 422 REFERENCE_IMPORT_INVALID listing every { row, problem }.',
        body: ZCustomerBulkBody,
        response: { 200: ZReferenceBulkResult, ...errorResponses },
      },
    },
    async (request) =>
      importCustomers(
        deps,
        ctxOf(request),
        request.body.rows.map((r, i) => ({ ...r, row: i + 1 })),
      ),
  );

  app.patch(
    '/api/v1/customers/:id',
    {
      config: { permission: 'customer.manage' },
      schema: {
        tags: ['customers'],
        summary: '修改顾客档案 Update a customer',
        description:
          'Needs If-Match: "<version>" or `version`; a stale version answers 409 VERSION_CONFLICT.',
        params: ZIdParams,
        body: ZUpdateCustomerBody,
        response: { 200: ZCustomerView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { version, ...changes } = request.body;
      const c = await updateCustomer(deps, ctxOf(request), request.params.id, {
        ...changes,
        expectedVersion: expectedVersionOf(request, version),
      });
      reply.header('etag', etagOf(c.version));
      return presentCustomer(c, request.actor);
    },
  );
};
