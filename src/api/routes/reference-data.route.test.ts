import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserFx, loginFx, type Session } from '../../../test/factories/identity.factory';
import { createTestApp } from '../../../test/test-app';
import type { TestDeps } from '../../../test/test-deps';
import type { Role } from '../../domain/identity/roles';
import { rowsOf } from '../../db/client';

let deps: TestDeps;
let app: FastifyInstance;
let close: () => Promise<void>;
const as = new Map<Role, Session>();

beforeAll(async () => {
  ({ deps, app, close } = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  for (const role of ['quality_engineer', 'admin', 'agent', 'production'] as const) {
    await createUserFx(deps, `r.${role}`, [role]);
    as.set(role, await loginFx(app, `r.${role}`));
  }
});
afterAll(async () => close());

const call = (
  role: Role,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  app.inject({ method, url, headers: { ...as.get(role)!.headers, ...headers }, payload: payload as never });

const counts = async () => {
  const [r] = await rowsOf<{ products: number; batches: number; shipments: number; audit: number }>(
    deps.db.reader(),
    sql`select (select count(*) from products)::int as products, (select count(*) from batches)::int as batches,
          (select count(*) from shipments)::int as shipments, (select count(*) from audit_log)::int as audit`,
  );
  return r;
};

const MISSING = '01a20000-0000-7000-8000-0000000000ff';

const product = async (code: string, extra: Record<string, unknown> = {}) => {
  const res = await call('quality_engineer', 'POST', '/api/v1/products', {
    code,
    name: `产品 ${code}`,
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
};

const batch = async (productId: string, batchNo: string, extra: Record<string, unknown> = {}) => {
  const res = await call('quality_engineer', 'POST', '/api/v1/batches', { productId, batchNo, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json();
};

describe('products', () => {
  it('should create, read, update and list products, with 409 on a stale version', async () => {
    const p = await product('RC-100', {
      model: 'RC-100A',
      category: '小家电',
      priceFen: 29_900,
      warrantyMonths: 12,
    });
    expect(p).toMatchObject({
      priceFen: 29_900,
      warrantyMonths: 12,
      medicalDevice: false,
      active: true,
      version: 1,
    });
    expect((await call('production', 'GET', `/api/v1/products/${p.id}`)).json()).toEqual(p);
    const updated = await call(
      'admin',
      'PATCH',
      `/api/v1/products/${p.id}`,
      { priceFen: 31_900, active: false, reason: '调价停产' },
      { 'if-match': '"1"' },
    );
    expect(updated.json()).toMatchObject({ priceFen: 31_900, active: false, version: 2, model: 'RC-100A' });
    const stale = await call('admin', 'PATCH', `/api/v1/products/${p.id}`, { version: 1, name: '旧' });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const dup = await call('quality_engineer', 'POST', '/api/v1/products', { code: 'RC-100', name: '重复' });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'PRODUCT_CODE_TAKEN']);
    const notFound = await call('agent', 'GET', `/api/v1/products/${MISSING}`);
    expect([notFound.statusCode, notFound.json().error.code]).toEqual([404, 'PRODUCT_NOT_FOUND']);
    const patchMissing = await call('admin', 'PATCH', `/api/v1/products/${MISSING}`, {
      version: 1,
      name: 'x',
    });
    expect(patchMissing.json().error.code).toBe('PRODUCT_NOT_FOUND');

    await product('RC-200', { category: '小家电' });
    await product('MD-1', { category: '医疗器械', medicalDevice: true });
    const codes = async (q: string) =>
      (await call('agent', 'GET', `/api/v1/products?${q}`)).json().items.map((x: { code: string }) => x.code);
    expect(await codes('category=小家电')).toEqual(['RC-100', 'RC-200']);
    expect(await codes('category=小家电&active=false')).toEqual(['RC-100']);
    expect(await codes('q=rc-10')).toEqual(['RC-100']);
    expect(await codes('q=RC&sort=-code&limit=1')).toEqual(['RC-200']);
    const page1 = (await call('agent', 'GET', '/api/v1/products?limit=2&sort=code')).json();
    const page2 = (
      await call('agent', 'GET', `/api/v1/products?limit=2&sort=code&cursor=${page1.nextCursor}`)
    ).json();
    expect([...page1.items, ...page2.items].map((x: { code: string }) => x.code)).toEqual([
      'MD-1',
      'RC-100',
      'RC-200',
    ]);
  });

  it('should create a product once when two requests race for the same code', async () => {
    const post = () => call('quality_engineer', 'POST', '/api/v1/products', { code: 'RACE-2', name: '并发' });
    const results = await Promise.all([post(), post()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().error.code).toBe('PRODUCT_CODE_TAKEN');
  });

  it('should upsert products by code in bulk and write nothing when a row repeats a code', async () => {
    await product('BULK-1', { priceFen: 100 });
    const res = await call('quality_engineer', 'POST', '/api/v1/products/bulk', {
      rows: [
        { code: 'BULK-1', name: '产品 BULK-1', priceFen: 100 },
        { code: 'BULK-2', name: '新产品', warrantyMonths: 24 },
        { code: 'BULK-3', name: '新产品三' },
      ],
    });
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 1 });
    const again = await call('admin', 'POST', '/api/v1/products/bulk', {
      rows: [{ code: 'BULK-2', name: '新产品', warrantyMonths: 36 }],
    });
    expect(again.json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const before = await counts();
    const bad = await call('quality_engineer', 'POST', '/api/v1/products/bulk', {
      rows: [
        { code: 'BULK-4', name: '四' },
        { code: 'BULK-4', name: '四又一次' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'REFERENCE_IMPORT_INVALID',
      details: { rows: [{ row: 2, problem: 'code BULK-4 is also on row 1' }] },
    });
    expect(await counts()).toEqual(before);
    expect(
      (await call('agent', 'POST', '/api/v1/products/bulk', { rows: [{ code: 'X', name: 'x' }] })).statusCode,
    ).toBe(403);
  });
});

describe('batches', () => {
  it('should create, read, update and find batches, unique per product', async () => {
    const p = await product('BT-1');
    const q = await product('BT-2');
    const b = await batch(p.id, 'L20260115', { productionDate: '2026-01-15', quantity: 10_000 });
    expect(b).toMatchObject({
      productCode: 'BT-1',
      productName: '产品 BT-1',
      productionDate: '2026-01-15',
      version: 1,
    });
    await batch(q.id, 'L20260115');
    const dup = await call('quality_engineer', 'POST', '/api/v1/batches', {
      productId: p.id,
      batchNo: 'L20260115',
    });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'BATCH_TAKEN']);
    const noProduct = await call('quality_engineer', 'POST', '/api/v1/batches', {
      productId: MISSING,
      batchNo: 'X',
    });
    expect([noProduct.statusCode, noProduct.json().error.code]).toEqual([404, 'PRODUCT_NOT_FOUND']);

    const byNo = (await call('production', 'GET', '/api/v1/batches?batchNo=L20260115&sort=batchNo')).json()
      .items;
    expect(byNo.map((x: { productCode: string }) => x.productCode).sort()).toEqual(['BT-1', 'BT-2']);
    const byBoth = (await call('agent', 'GET', `/api/v1/batches?batchNo=L20260115&productId=${p.id}`)).json()
      .items;
    expect(byBoth.map((x: { id: string }) => x.id)).toEqual([b.id]);

    const patched = await call(
      'admin',
      'PATCH',
      `/api/v1/batches/${b.id}`,
      { quantity: 9_800, productionDate: null },
      { 'if-match': '"1"' },
    );
    expect(patched.json()).toMatchObject({ quantity: 9_800, productionDate: null, version: 2 });
    const stale = await call('admin', 'PATCH', `/api/v1/batches/${b.id}`, { version: 1, quantity: 1 });
    expect(stale.statusCode).toBe(409);
    const other = await batch(p.id, 'L20260116');
    const clash = await call('admin', 'PATCH', `/api/v1/batches/${other.id}`, {
      version: 1,
      batchNo: 'L20260115',
    });
    expect(clash.json().error.code).toBe('BATCH_TAKEN');
    expect((await call('agent', 'GET', `/api/v1/batches/${MISSING}`)).json().error.code).toBe(
      'BATCH_NOT_FOUND',
    );
    expect((await call('agent', 'GET', `/api/v1/batches/${b.id}`)).json()).toMatchObject({ quantity: 9_800 });
  });

  it('should upsert batches by product code and batch number and report unknown products without writing', async () => {
    await product('BB-1');
    const res = await call('quality_engineer', 'POST', '/api/v1/batches/bulk', {
      rows: [
        { productCode: 'BB-1', batchNo: 'A1', productionDate: '2026-02-01', quantity: 500 },
        { productCode: 'BB-1', batchNo: 'A2' },
      ],
    });
    expect(res.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = await call('quality_engineer', 'POST', '/api/v1/batches/bulk', {
      rows: [
        { productCode: 'BB-1', batchNo: 'A1', quantity: 500 },
        { productCode: 'BB-1', batchNo: 'A2', quantity: 42 },
      ],
    });
    expect(again.json()).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const before = await counts();
    const bad = await call('quality_engineer', 'POST', '/api/v1/batches/bulk', {
      rows: [
        { productCode: 'BB-1', batchNo: 'A3' },
        { productCode: 'NOPE', batchNo: 'A1' },
        { productCode: 'BB-1', batchNo: 'A4' },
        { productCode: 'NOPE2', batchNo: 'A1' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.rows).toEqual([
      { row: 2, problem: 'product NOPE not found' },
      { row: 4, problem: 'product NOPE2 not found' },
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe('shipments', () => {
  it('should record shipments, refuse a reused reference and list them by batch, newest first', async () => {
    const p = await product('SH-1');
    const b = await batch(p.id, 'S1');
    const dealer = await call('agent', 'POST', '/api/v1/customers', {
      code: 'DEALER-1',
      name: '华东经销商',
      type: 'dealer',
    });
    const first = await call('quality_engineer', 'POST', '/api/v1/shipments', {
      batchId: b.id,
      region: '浙江',
      quantity: 1_200,
      shippedOn: '2026-01-20',
      customerId: dealer.json().id,
      reference: 'DN-0001',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ productCode: 'SH-1', batchNo: 'S1', customerId: dealer.json().id });
    await call('quality_engineer', 'POST', '/api/v1/shipments', {
      batchId: b.id,
      region: '江苏',
      quantity: 800,
      shippedOn: '2026-01-25',
    });
    const reused = await call('quality_engineer', 'POST', '/api/v1/shipments', {
      batchId: b.id,
      region: '上海',
      quantity: 1,
      shippedOn: '2026-01-26',
      reference: 'DN-0001',
    });
    expect([reused.statusCode, reused.json().error.code]).toEqual([409, 'SHIPMENT_REFERENCE_TAKEN']);
    const noBatch = await call('admin', 'POST', '/api/v1/shipments', {
      batchId: MISSING,
      region: '上海',
      quantity: 1,
      shippedOn: '2026-01-26',
    });
    expect([noBatch.statusCode, noBatch.json().error.code]).toEqual([404, 'BATCH_NOT_FOUND']);
    const noDealer = await call('admin', 'POST', '/api/v1/shipments', {
      batchId: b.id,
      region: '上海',
      quantity: 1,
      shippedOn: '2026-01-26',
      customerId: MISSING,
    });
    expect(noDealer.json().error.code).toBe('CUSTOMER_NOT_FOUND');

    const page1 = (await call('production', 'GET', `/api/v1/shipments?batchId=${b.id}&limit=1`)).json();
    expect(page1.items.map((s: { region: string }) => s.region)).toEqual(['江苏']);
    const page2 = (
      await call('production', 'GET', `/api/v1/shipments?batchId=${b.id}&limit=1&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.items.map((s: { region: string }) => s.region)).toEqual(['浙江']);
    expect(page2.nextCursor).toBeNull();
    expect((await call('agent', 'GET', `/api/v1/shipments/${first.json().id}`)).json().reference).toBe(
      'DN-0001',
    );
    expect((await call('agent', 'GET', `/api/v1/shipments/${MISSING}`)).json().error.code).toBe(
      'SHIPMENT_NOT_FOUND',
    );
  });

  it('should upsert shipments by reference in bulk, insert rows without one, and report bad rows without writing', async () => {
    await product('SB-1');
    await call('quality_engineer', 'POST', '/api/v1/batches/bulk', {
      rows: [
        { productCode: 'SB-1', batchNo: 'X1' },
        { productCode: 'SB-1', batchNo: 'X2' },
      ],
    });
    await call('agent', 'POST', '/api/v1/customers', { code: 'DEALER-SB', name: '经销商', type: 'dealer' });
    const rows = [
      {
        productCode: 'SB-1',
        batchNo: 'X1',
        region: '广东',
        quantity: 100,
        shippedOn: '2026-02-01',
        reference: 'ERP-1',
      },
      {
        productCode: 'SB-1',
        batchNo: 'X2',
        region: '广西',
        quantity: 50,
        shippedOn: '2026-02-02',
        customerCode: 'DEALER-SB',
      },
    ];
    expect((await call('admin', 'POST', '/api/v1/shipments/bulk', { rows })).json()).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const again = await call('admin', 'POST', '/api/v1/shipments/bulk', { rows: [rows[0]] });
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const moved = await call('admin', 'POST', '/api/v1/shipments/bulk', {
      rows: [{ ...rows[0], batchNo: 'X2', quantity: 120 }],
    });
    expect(moved.json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const listed = (await call('agent', 'GET', '/api/v1/shipments?region=广东')).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ batchNo: 'X2', quantity: 120, reference: 'ERP-1' });

    const before = await counts();
    const bad = await call('admin', 'POST', '/api/v1/shipments/bulk', {
      rows: [
        { ...rows[0], reference: 'ERP-9' },
        { ...rows[0], batchNo: 'NOPE', reference: undefined },
        { ...rows[1], customerCode: 'NO-DEALER' },
        { ...rows[0], productCode: 'NOPE' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.rows).toEqual([
      { row: 2, problem: 'batch NOPE of product SB-1 not found' },
      { row: 3, problem: 'customer NO-DEALER not found' },
      { row: 4, problem: 'product NOPE not found' },
    ]);
    const repeated = await call('admin', 'POST', '/api/v1/shipments/bulk', { rows: [rows[0], rows[0]] });
    expect(repeated.json().error.details.rows).toEqual([
      { row: 2, problem: 'reference ERP-1 is also on row 1' },
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe('bad reference input gets 400 and writes nothing', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['negative price', '/api/v1/products', { code: 'N-1', name: 'n', priceFen: -1 }],
    ['fractional price', '/api/v1/products', { code: 'N-1', name: 'n', priceFen: 12.5 }],
    ['price as a string', '/api/v1/products', { code: 'N-1', name: 'n', priceFen: '100' }],
    ['absurd warranty', '/api/v1/products', { code: 'N-1', name: 'n', warrantyMonths: 1000 }],
    ['bad product code', '/api/v1/products', { code: '产品 1', name: 'n' }],
    ['oversize product name', '/api/v1/products', { code: 'N-1', name: 'n'.repeat(101) }],
    ['unknown product field', '/api/v1/products', { code: 'N-1', name: 'n', colour: 'red' }],
    [
      'impossible date',
      '/api/v1/batches',
      { productId: MISSING, batchNo: 'B', productionDate: '2026-02-30' },
    ],
    [
      'date with time',
      '/api/v1/batches',
      { productId: MISSING, batchNo: 'B', productionDate: '2026-02-01T00:00Z' },
    ],
    ['zero batch quantity', '/api/v1/batches', { productId: MISSING, batchNo: 'B', quantity: 0 }],
    ['bad product id', '/api/v1/batches', { productId: 'nope', batchNo: 'B' }],
    ['oversize batch number', '/api/v1/batches', { productId: MISSING, batchNo: 'B'.repeat(65) }],
    [
      'zero shipped',
      '/api/v1/shipments',
      { batchId: MISSING, region: 'r', quantity: 0, shippedOn: '2026-01-01' },
    ],
    [
      'negative shipped',
      '/api/v1/shipments',
      { batchId: MISSING, region: 'r', quantity: -5, shippedOn: '2026-01-01' },
    ],
    [
      'bad ship date',
      '/api/v1/shipments',
      { batchId: MISSING, region: 'r', quantity: 1, shippedOn: '01/02/2026' },
    ],
    ['missing region', '/api/v1/shipments', { batchId: MISSING, quantity: 1, shippedOn: '2026-01-01' }],
    [
      'bulk bad row',
      '/api/v1/products/bulk',
      {
        rows: [
          { code: 'OK-1', name: 'ok' },
          { code: 'OK-2', name: 'x', priceFen: -3 },
        ],
      },
    ],
    [
      'bulk bad date',
      '/api/v1/batches/bulk',
      { rows: [{ productCode: 'BB-1', batchNo: 'Z', productionDate: '2026-13-01' }] },
    ],
  ];

  it.each(cases)('should answer %s with VALIDATION_FAILED', async (_name, url, body) => {
    const before = await counts();
    const res = await call('quality_engineer', 'POST', url, body);
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await counts()).toEqual(before);
  });

  it('should keep the field path of a bad bulk row', async () => {
    const res = await call('quality_engineer', 'POST', '/api/v1/products/bulk', {
      rows: [
        { code: 'OK-1', name: 'ok' },
        { code: 'OK-2', name: 'x', priceFen: -3 },
      ],
    });
    expect(res.json().error.details.issues[0].path).toEqual(['rows', '1', 'priceFen']);
  });

  it('should refuse bad filters', async () => {
    for (const url of [
      '/api/v1/products?active=maybe',
      '/api/v1/batches?productId=x',
      '/api/v1/shipments?sort=region',
    ]) {
      expect((await call('agent', 'GET', url)).statusCode).toBe(400);
    }
  });
});
