import type { FastifyReply } from 'fastify';
import { exportLedgerXlsx, type LedgerWorkbook } from '../../app/compensation/export-ledger-xlsx';
import { queryLedger } from '../../app/compensation/query-ledger';
import { errorResponses } from '../../contracts/common.contract';
import { ZBinary } from '../../contracts/evidence.contract';
import { ZLedgerQuery, ZLedgerView } from '../../contracts/ledger.contract';
import { presentLedger } from '../presenters/cost-allocation.presenter';
import { contentDisposition } from '../presenters/evidence.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const description =
  'Net amounts by stage (proposed, approved, agreed, paid; reversals included) for the complaints in your scope and ' +
  'the booking months from..to (YYYY-MM, Asia/Shanghai, inclusive), grouped by complaint, customer, product, party ' +
  '(each complaint split by its cost allocation, R-RES-8; not yet allocated = 未分摊) or month, with totals.';

const sendWorkbook = (reply: FastifyReply, file: LedgerWorkbook) =>
  reply
    .type(XLSX_MIME)
    .header('content-disposition', contentDisposition(file.fileName, false))
    .header('content-length', String(file.content.length))
    .header('cache-control', 'private, no-cache')
    .send(file.content);

/** The compensation ledger 补偿台账 (issue 5): JSON and an Excel export. */
export const compensationLedgerRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/compensation/ledger',
    {
      config: { permission: 'compensation.ledger' },
      schema: {
        tags: ['compensation'],
        summary: '补偿台账 Compensation ledger',
        description,
        querystring: ZLedgerQuery,
        response: { 200: ZLedgerView, ...errorResponses },
      },
    },
    async (request) => presentLedger(await queryLedger(deps, ctxOf(request), request.query)),
  );

  app.get(
    '/api/v1/compensation/ledger.xlsx',
    {
      config: { permission: 'compensation.ledger' },
      schema: {
        tags: ['compensation'],
        summary: '导出补偿台账 Export the compensation ledger (Excel)',
        description: `${description} As an .xlsx workbook with Chinese headers and amounts in 元.`,
        querystring: ZLedgerQuery,
        response: {
          200: { description: 'The workbook', content: { [XLSX_MIME]: { schema: ZBinary } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      sendWorkbook(reply, await exportLedgerXlsx(deps, ctxOf(request), request.query)),
  );
};
