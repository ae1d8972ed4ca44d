import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { AppError } from '../../app/errors/app-error';
import { getBatch } from '../../app/reference/list-batches';
import { getProduct } from '../../app/reference/list-products';
import { errorResponses, ZIdParams } from '../../contracts/common.contract';
import { QR_MIME_TYPES, ZProductQrQuery, ZQrQuery, type QrFormat } from '../../contracts/qr.contract';
import { ZBinary } from '../../contracts/evidence.contract';
import { contentDisposition } from '../presenters/evidence.presenter';
import { ctxOf } from '../request-context';
import type { RouteModule } from './route-app';

/** What a QR code on a package points at: the portal's submit form, pre-filled with the product and batch. */
export type QrTarget = { readonly code: string; readonly name: string; readonly batchNo: string | undefined };

/**
 * The absolute portal URL a product/batch QR code encodes: `<base>/portal?product=<code>&batch=<batchNo>&name=<name>`
 * (`batch` left out when there is none). Like the tracking links, `/portal` is resolved against the base's origin.
 */
export const portalUrlFor = (base: string, target: QrTarget): string => {
  const url = new URL('/portal', base);
  url.searchParams.set('product', target.code);
  if (target.batchNo) url.searchParams.set('batch', target.batchNo);
  url.searchParams.set('name', target.name);
  return url.toString();
};

/** Drawing options shared by both formats: medium error correction survives a scuffed label. */
const drawOptions = (size: number) => ({ errorCorrectionLevel: 'M' as const, margin: 2, width: size });

const renderQr = async (text: string, format: QrFormat, size: number): Promise<Buffer> =>
  format === 'png'
    ? QRCode.toBuffer(text, { ...drawOptions(size), type: 'png' })
    : Buffer.from(await QRCode.toString(text, { ...drawOptions(size), type: 'svg' }), 'utf8');

// Behind a proxy without PUBLIC_URL, the origin comes from X-Forwarded-* only when TRUST_PROXY says so.
const baseOf = (request: FastifyRequest, publicUrl: string | undefined): string => {
  if (publicUrl) return publicUrl;
  const origin = `${request.protocol}://${request.host}`;
  if (!URL.canParse(origin))
    throw new AppError('VALIDATION_FAILED', {
      in: 'headers',
      issues: [{ path: ['host'], code: 'invalid_format', message: 'not a usable host' }],
    });
  return origin;
};

const fileNameOf = (target: QrTarget, format: QrFormat): string =>
  `qr-${target.code}${target.batchNo ? `-${target.batchNo}` : ''}.${format}`;

const sendQr = async (
  reply: FastifyReply,
  base: string,
  target: QrTarget,
  format: QrFormat,
  size: number,
) => {
  const body = await renderQr(portalUrlFor(base, target), format, size);
  return reply
    .type(QR_MIME_TYPES[format])
    .header('content-disposition', contentDisposition(fileNameOf(target, format), true))
    .header('content-length', String(body.length))
    .send(body);
};

const imageResponses = {
  200: {
    description: 'The QR code (image/svg+xml or image/png)',
    content: Object.fromEntries(Object.values(QR_MIME_TYPES).map((m) => [m, { schema: ZBinary }])),
  },
};

const description =
  'Encodes the absolute portal URL `<PUBLIC_URL or request origin>/portal?product=<code>&batch=<batchNo>&name=<name>`: ' +
  'scanning it opens the complaint form with the product and batch filled in. Set PUBLIC_URL in production so the ' +
  'code does not depend on the address the console was opened at.';

/** QR codes for packages and labels (issue 4): one per product, or per product batch. */
export const qrCodeRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/v1/products/:id/qr',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['reference data'],
        summary: '产品二维码 QR code of a product',
        description: `${description} \`batch\` adds a batch number as given.`,
        params: ZIdParams,
        querystring: ZProductQrQuery,
        response: { ...imageResponses, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = await getProduct(deps, ctxOf(request), request.params.id);
      const { format, size, batch } = request.query;
      const base = baseOf(request, deps.config.publicUrl);
      return sendQr(reply, base, { code: p.code, name: p.name, batchNo: batch }, format, size);
    },
  );

  app.get(
    '/api/v1/batches/:id/qr',
    {
      config: { permission: 'reference.read' },
      schema: {
        tags: ['reference data'],
        summary: '批号二维码 QR code of a batch',
        description,
        params: ZIdParams,
        querystring: ZQrQuery,
        response: { ...imageResponses, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = await getBatch(deps, ctxOf(request), request.params.id);
      const { format, size } = request.query;
      const base = baseOf(request, deps.config.publicUrl);
      return sendQr(
        reply,
        base,
        { code: b.productCode, name: b.productName, batchNo: b.batchNo },
        format,
        size,
      );
    },
  );
};
