import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MISSING = '01a20000-0000-7000-8000-0000000000ff';
// The drawing options the route promises: medium error correction, 2-module quiet zone, `size` pixels wide.
const png = (text: string, width: number) =>
  QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });
const svg = (text: string, width: number) =>
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width });

type World = {
  app: FastifyInstance;
  close: () => Promise<void>;
  qe: Session;
  productId: string;
  batchId: string;
};

const setUp = async (env: Record<string, string>, suffix: string): Promise<World & { deps: TestDeps }> => {
  const { deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', ...env });
  await createUserFx(deps, `qr.qe.${suffix}`, ['quality_engineer']);
  const qe = await loginFx(app, `qr.qe.${suffix}`);
  const product = await app.inject({
    method: 'POST',
    url: '/api/v1/products',
    headers: qe.headers,
    payload: { code: 'RC-300', name: '电饭煲 3L' },
  });
  expect(product.statusCode).toBe(201);
  const batch = await app.inject({
    method: 'POST',
    url: '/api/v1/batches',
    headers: qe.headers,
    payload: { productId: product.json().id, batchNo: 'B20260301' },
  });
  expect(batch.statusCode).toBe(201);
  return { deps, app, close, qe, productId: product.json().id, batchId: batch.json().id };
};

const NAME = `${encodeURIComponent('电饭煲')}+3L`;

describe('product and batch QR codes (issue 4)', () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp({ PUBLIC_URL: 'https://kf.example.cn' }, 'a');
  });
  afterAll(async () => w.close());

  const get = (url: string, headers: Record<string, string> = w.qe.headers) =>
    app().inject({ method: 'GET', url, headers });
  const app = () => w.app;

  it('should answer a PNG encoding the portal URL with product, batch and name when format=png', async () => {
    const res = await get(`/api/v1/products/${w.productId}/qr?format=png&batch=B20260301&size=300`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="qr-RC-300-B20260301\.png"/);
    expect(res.rawPayload.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const expected = `https://kf.example.cn/portal?product=RC-300&batch=B20260301&name=${NAME}`;
    expect(res.rawPayload.equals(await png(expected, 300))).toBe(true);
    expect((await sharp(res.rawPayload).metadata()).width).toBe(300);
  });

  it('should answer an SVG of the product without a batch by default', async () => {
    const res = await get(`/api/v1/products/${w.productId}/qr`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="qr-RC-300\.svg"/);
    expect(res.body).toBe(await svg(`https://kf.example.cn/portal?product=RC-300&name=${NAME}`, 512));
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'svg', width: 512, height: 512 });
  });

  it('should encode the batch’s product and number for a batch QR code', async () => {
    const res = await get(`/api/v1/batches/${w.batchId}/qr?format=svg&size=256`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="qr-RC-300-B20260301\.svg"/);
    const expected = `https://kf.example.cn/portal?product=RC-300&batch=B20260301&name=${NAME}`;
    expect(res.body).toBe(await svg(expected, 256));
    const asPng = await get(`/api/v1/batches/${w.batchId}/qr?format=png&size=256`);
    expect(asPng.rawPayload.equals(await png(expected, 256))).toBe(true);
  });

  it('should answer 404 PRODUCT_NOT_FOUND and BATCH_NOT_FOUND when the id does not exist', async () => {
    const p = await get(`/api/v1/products/${MISSING}/qr?format=png`);
    expect(p.statusCode).toBe(404);
    expect(p.json().error.code).toBe('PRODUCT_NOT_FOUND');
    const b = await get(`/api/v1/batches/${MISSING}/qr`);
    expect(b.statusCode).toBe(404);
    expect(b.json().error.code).toBe('BATCH_NOT_FOUND');
  });

  it('should refuse an unknown format, a size out of range and an unknown parameter with 400', async () => {
    for (const q of ['format=gif', 'size=10', 'size=5000', 'colour=red']) {
      const res = await get(`/api/v1/products/${w.productId}/qr?${q}`);
      expect({ q, status: res.statusCode, code: res.json().error.code }).toEqual({
        q,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('should answer 401 to an anonymous caller and 403 to a caller without reference.read', async () => {
    for (const url of [`/api/v1/products/${w.productId}/qr`, `/api/v1/batches/${w.batchId}/qr`]) {
      const anonymous = await app().inject({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    }
    const token = await app().inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: w.qe.headers,
      payload: { name: '只读部门', scopes: ['department.read'] },
    });
    expect(token.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${token.json().secret}` };
    for (const url of [`/api/v1/products/${w.productId}/qr`, `/api/v1/batches/${w.batchId}/qr`]) {
      const res = await get(url, bearer);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'FORBIDDEN',
        details: { permission: 'reference.read' },
      });
    }
  });
});

describe('QR codes without PUBLIC_URL', () => {
  let w: World;
  beforeAll(async () => {
    w = await setUp({}, 'b');
  });
  afterAll(async () => w.close());

  it('should take the origin of the request when PUBLIC_URL is not set', async () => {
    const res = await w.app.inject({
      method: 'GET',
      url: `/api/v1/batches/${w.batchId}/qr?format=png&size=200`,
      headers: { ...w.qe.headers, host: 'closeloop.factory.local:8080' },
    });
    expect(res.statusCode).toBe(200);
    const expected = `http://closeloop.factory.local:8080/portal?product=RC-300&batch=B20260301&name=${NAME}`;
    expect(res.rawPayload.equals(await png(expected, 200))).toBe(true);
  });
});
